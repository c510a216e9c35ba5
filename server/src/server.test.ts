import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, testConfig, uniqueKey } from '../../test/support/test-env.js';
import type { HealthReport } from './contracts/health.js';
import { CaseFileEntity } from './modules/cases/case-file.entity.js';
import { UserEntity } from './modules/users/index.js';
import { start, type RunningServer } from './server.js';

let server: RunningServer;

beforeAll(async () => {
  server = await start(testConfig({ WORKER_LONG_POLL_MS: '1000' }));
});

afterAll(async () => {
  await server?.stop();
});

describe('the Lianqin server', () => {
  it('comes up healthy with processes/ deployed and the workers subscribed', async () => {
    const health = await eventually(async () => {
      const report = (await (await fetch(`${server.url}/api/health`)).json()) as HealthReport;
      return report.deployment.at ? report : undefined;
    }, { what: 'the first deployment' });
    expect(health).toMatchObject({ status: 'ok', engine: { reachable: true, version: '7.24.0' } });
    expect(health.workers.topics).toContain('case-register');
  });

  it('seeds demo accounts for every role and department, with argon2id hashes', async () => {
    const users = await server.dataSource.manager.find(UserEntity);
    expect(users.map((u) => u.username)).toEqual(expect.arrayContaining(['admin', 'zhihui', 'huanwei', 'shichang', 'gongan', 'chengguan', 'wangge', 'duban']));
    expect(users.every((u) => u.passwordHash.startsWith('$argon2id$'))).toBe(true);
  });

  it('runs a case through case-register in the in-process worker to the filing review', async () => {
    const instance = await server.engine.startProcess('case-closed-loop', {
      businessKey: uniqueKey('case'),
      variables: { categoryCode: 'E0102', source: 'inspector', description: '菜市场东门暴露垃圾' },
    });
    const [task] = await eventually(async () => {
      const tasks = await server.engine.tasks({ processInstanceId: instance.id });
      return tasks.length ? tasks : undefined;
    }, { what: 'the filing review task' });
    expect(task).toMatchObject({ taskDefinitionKey: 'filing-review', name: '立案审核' });
    const file = await server.dataSource.manager.findOneByOrFail(CaseFileEntity, { processInstanceId: instance.id });
    expect(file.caseNo).toMatch(/^\d{13}$/);
    expect(await server.engine.processVariables(instance.id)).toMatchObject({ caseNo: file.caseNo });
  });

  it('answers unknown API routes and bad JSON with specific JSON errors', async () => {
    const missing = await fetch(`${server.url}/api/no-such-thing`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
    const bad = await fetch(`${server.url}/api/health`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{oops' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'MALFORMED_REQUEST' } });
  });
});
