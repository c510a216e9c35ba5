import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDataSource, testEngine, testLogger, uniqueKey } from '../../../../test/support/test-env.js';
import { designerDeploymentSource } from '../../contracts/designer.js';
import { deployProcessesDir } from './index.js';
import { keysOf } from './designer-versions.js';

const engine = testEngine();
const logger = testLogger();
let dataSource: DataSource;

beforeAll(async () => {
  dataSource = await testDataSource();
});

afterAll(async () => {
  await dataSource?.destroy();
});

/** processes/ of one test: a minimal process with its own key, deployed once from the file. */
async function deployedFolder(): Promise<{ dir: string; key: string; file: string; name: string; xml: (label: string) => Promise<string> }> {
  const key = uniqueKey('startup-rule');
  const dir = await mkdtemp(path.join(tmpdir(), 'lianqin-startup-rule-'));
  const template = await readFile(fileURLToPath(new URL('./fixtures/minimal.bpmn', import.meta.url)), 'utf8');
  const xml = async (label: string) => template.replace('PROCESS_ID', key).replace('PROCESS_NAME', label);
  const file = `${key}.bpmn`;
  await writeFile(path.join(dir, file), await xml('文件版'));
  const name = uniqueKey('lianqin');
  await deployProcessesDir({ engine, dataSource, dir, actor: 'system', logger, name });
  return { dir, key, file, name, xml };
}

/** What the designer's deploy does: one file under designer:<username> from the designer source. */
const designerDeploys = (file: string, content: string) => engine.deployDesignerResource('designer:sheji', designerDeploymentSource, { name: file, content });

describe('the start-up rule: start-up never replaces a newer designer version', () => {
  it('holds a file changed on disk after a designer deployed a newer version, and the designer version stays latest', async () => {
    // given a designer deployed v2 after the file's v1
    const { dir, key, file, name, xml } = await deployedFolder();
    await designerDeploys(file, await xml('设计员版'));

    // when the file changes on disk and start-up deploys processes/
    await writeFile(path.join(dir, file), await xml('文件改版'));
    const report = await deployProcessesDir({ engine, dataSource, dir, actor: 'system', logger, name });

    // then the file is held with a message naming the designer version, and v2 stays the latest
    const entry = report.resources.find((r) => r.file === file);
    expect(entry).toMatchObject({ status: 'held', message: expect.stringContaining(`${key} v2`) });
    expect(entry!.message).toContain('sheji');
    const versions = await engine.processDefinitions(key);
    expect(versions.map((v) => [v.version, v.name])).toEqual([
      [2, '设计员版'],
      [1, '文件版'],
    ]);
    expect((await engine.deployment(versions[0]!.deploymentId)).source).toBe(designerDeploymentSource);
  });

  it('leaves the designer version alone when the file did not change since the last file deployment', async () => {
    const { dir, key, file, name, xml } = await deployedFolder();
    await designerDeploys(file, await xml('设计员版'));

    const report = await deployProcessesDir({ engine, dataSource, dir, actor: 'system', logger, name });

    expect(report.resources.find((r) => r.file === file)?.status).toBe('unchanged');
    expect((await engine.processDefinitions(key)).map((v) => v.name)).toEqual(['设计员版', '文件版']);
  });

  it('counts a file equal to the designer version as unchanged: the designer adopted it', async () => {
    const { dir, key, file, name, xml } = await deployedFolder();
    await writeFile(path.join(dir, file), await xml('采用版'));
    await designerDeploys(file, await xml('采用版'));

    const report = await deployProcessesDir({ engine, dataSource, dir, actor: 'system', logger, name });

    expect(report.resources.find((r) => r.file === file)?.status).toBe('unchanged');
    expect(await engine.processDefinitions(key)).toHaveLength(2);
  });

  it('deploys a changed file as usual when no designer version is newer', async () => {
    const { dir, key, file, name, xml } = await deployedFolder();
    await writeFile(path.join(dir, file), await xml('文件第二版'));

    const report = await deployProcessesDir({ engine, dataSource, dir, actor: 'system', logger, name });

    expect(report.resources.find((r) => r.file === file)?.status).toBe('deployed');
    expect((await engine.processDefinitions(key))[0]).toMatchObject({ version: 2, name: '文件第二版' });
  });

  it('holds a changed form after a designer deployed a newer one of the same file', async () => {
    // given a form deployed from the file, then by a designer
    const dir = await mkdtemp(path.join(tmpdir(), 'lianqin-startup-form-'));
    const file = `${uniqueKey('startup-form')}.form`;
    const form = (label: string) => JSON.stringify({ id: file.replace('.form', ''), type: 'default', components: [{ type: 'textfield', key: 'note', label }] });
    await writeFile(path.join(dir, file), form('文件版'));
    const name = uniqueKey('lianqin');
    await deployProcessesDir({ engine, dataSource, dir, actor: 'system', logger, name });
    await designerDeploys(file, form('设计员版'));

    // when the file changes on disk
    await writeFile(path.join(dir, file), form('文件改版'));
    const report = await deployProcessesDir({ engine, dataSource, dir, actor: 'system', logger, name });

    // then it is held, and adopting the designer's form makes it unchanged
    expect(report.resources).toEqual([{ file, status: 'held', message: expect.stringContaining('sheji') }]);
    await writeFile(path.join(dir, file), form('设计员版'));
    expect((await deployProcessesDir({ engine, dataSource, dir, actor: 'system', logger, name })).resources).toEqual([{ file, status: 'unchanged' }]);
  });

  it('reads the definition keys of a model, whatever the attribute order', () => {
    expect(keysOf('<bpmn:process isExecutable="true" id="a"><bpmn:process id="b" name="x">', 'process')).toEqual(['a', 'b']);
    expect(keysOf('<decision name="x" id="d"><decisionTable id="t">', 'decision')).toEqual(['d']);
  });
});
