import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig, testDataSource, testEngine, testLogger, uniqueKey } from '../../../../test/support/test-env.js';
import { createApp } from '../../app.js';
import type { HealthReport } from '../../contracts/health.js';
import { AuditRecordEntity } from '../audit/index.js';
import { deployProcessesDir } from './index.js';

const processesDir = fileURLToPath(new URL('../../../../processes', import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const engine = testEngine();
const logger = testLogger();
let dataSource: DataSource;

beforeAll(async () => {
  dataSource = await testDataSource();
});

afterAll(async () => {
  await dataSource?.destroy();
});

/** A folder holding a minimal process with its own key, so each test has its own definitions. */
async function folderWithProcess(key: string, name = '初版'): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'lianqin-deploy-'));
  const xml = (await readFile(fixture('minimal.bpmn'), 'utf8')).replace('PROCESS_ID', key).replace('PROCESS_NAME', name);
  await writeFile(path.join(dir, `${key}.bpmn`), xml);
  return dir;
}

describe('deployment of processes/', () => {
  it('deploys every file of processes/ and creates no new version when nothing changed', async () => {
    // given processes/ deployed once
    const name = uniqueKey('lianqin');
    const first = await deployProcessesDir({ engine, dataSource, dir: processesDir, actor: 'system', logger, name });
    expect(first.resources.map((r) => r.status)).not.toContain('failed');
    expect(first.resources.map((r) => r.file)).toContain('case-closed-loop.bpmn');
    const versionsBefore = (await engine.processDefinitions('case-closed-loop')).length;

    // when it is deployed again unchanged
    const second = await deployProcessesDir({ engine, dataSource, dir: processesDir, actor: 'system', logger, name });

    // then every file is unchanged and the engine holds no new version
    expect(second.resources.every((r) => r.status === 'unchanged')).toBe(true);
    expect((await engine.processDefinitions('case-closed-loop')).length).toBe(versionsBefore);
  });

  it('creates exactly one new version of a changed file and leaves the others alone', async () => {
    const key = uniqueKey('changed');
    const dir = await folderWithProcess(key);
    await copyFile(path.join(processesDir, 'case-filing.form'), path.join(dir, 'case-filing.form'));
    const name = uniqueKey('deploy');
    await deployProcessesDir({ engine, dataSource, dir, actor: 'sheji', logger, name });

    const xml = (await readFile(path.join(dir, `${key}.bpmn`), 'utf8')).replace('初版', '第二版');
    await writeFile(path.join(dir, `${key}.bpmn`), xml);
    const report = await deployProcessesDir({ engine, dataSource, dir, actor: 'sheji', logger, name });

    expect(report.resources).toEqual([
      { file: 'case-filing.form', status: 'unchanged' },
      { file: `${key}.bpmn`, status: 'deployed' },
    ]);
    const versions = await engine.processDefinitions(key);
    expect(versions.map((d) => [d.version, d.name])).toEqual([
      [2, '第二版'],
      [1, '初版'],
    ]);
    const audit = await dataSource.manager.findBy(AuditRecordEntity, { action: 'deployment.deploy', targetId: name });
    expect(audit).toHaveLength(2);
    expect(audit[1]!.actor).toBe('sheji');
  });

  it('reports a malformed BPMN with its file, the parse message and the line, and still deploys the rest', async () => {
    // given a folder with a good process and a broken one
    const key = uniqueKey('good');
    const dir = await folderWithProcess(key);
    await copyFile(fixture('malformed.bpmn'), path.join(dir, 'broken.bpmn'));

    // when it is deployed
    const report = await deployProcessesDir({ engine, dataSource, dir, actor: 'system', logger, name: uniqueKey('deploy') });

    // then the bad file is reported precisely, and the good one is live
    const broken = report.resources.find((r) => r.file === 'broken.bpmn');
    expect(broken).toMatchObject({ status: 'failed', line: expect.any(Number) });
    expect(broken!.message).toMatch(/missing-task/);
    expect(report.resources.find((r) => r.file === `${key}.bpmn`)?.status).toBe('deployed');
    expect(await engine.processDefinitions(key)).toHaveLength(1);

    // and the API keeps running and says it is degraded
    const app = createApp({ config: testConfig(), dataSource, engine, logger, state: { databaseType: 'mysql', deployment: report, workers: { mode: 'in-process', topics: [] } } });
    const server = app.listen(0);
    try {
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/api/health`);
      const health = (await response.json()) as HealthReport;
      expect(response.status).toBe(200);
      expect(health.status).toBe('degraded');
      expect(health.reasons).toContain('deployment-failed');
      expect(health.deployment.resources).toContainEqual(broken);
    } finally {
      server.close();
    }
  });
});
