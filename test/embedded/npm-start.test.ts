import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { HealthReport } from '../../server/src/contracts/health.js';
import { EngineClient } from '../../server/src/engine/index.js';
import { readDistrict } from '../../server/src/modules/grids/index.js';
import { freePort } from '../../scripts/lib/free-port.js';
import { eventually, uniqueKey } from '../support/test-env.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The centre of the first unit grid of the seeded district. */
async function firstGridCentre(): Promise<{ lng: number; lat: number; gridCode: string }> {
  const grid = (await readDistrict()).features.find((f) => f.properties.level === 'grid')!;
  const ring = grid.geometry.coordinates[0]!;
  const lngs = ring.map((p) => p[0]);
  const lats = ring.map((p) => p[1]);
  return { lng: (Math.min(...lngs) + Math.max(...lngs)) / 2, lat: (Math.min(...lats) + Math.max(...lats)) / 2, gridCode: grid.properties.code };
}

/** Whether a process with this pid still exists. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// The embedded defaults of `npm start`: the engine on H2 and the app on SQLite, all started by one command.
describe('npm start on embedded defaults (H2 engine, SQLite app database)', () => {
  let output = '';
  let child: ReturnType<typeof spawn> | undefined;

  afterAll(() => {
    if (child?.pid && child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
  });

  it('starts everything, runs a case on SQLite, and leaves no Java process after Ctrl-C', async () => {
    // given a fresh data folder and free ports, with no database configured
    const enginePort = await freePort();
    const dataDir = mkdtempSync(path.join(tmpdir(), 'lianqin-embedded-'));
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: '0', ENGINE_URL: `http://127.0.0.1:${enginePort}/engine-rest`, LOG_LEVEL: 'warn', WORKER_LONG_POLL_MS: '1000' };
    delete env.DATABASE_URL;

    // when npm start runs
    // in a process group of its own, as a terminal would run it
    child = spawn('node', ['scripts/start.mjs'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
    const url = await eventually(async () => /Web app:\s+(http:\/\/\S+)/.exec(output)?.[1], { timeoutMs: 150_000, intervalMs: 500, what: `the start banner; output so far:\n${output}` });

    // then it prints the demo accounts, and the API reports the embedded databases as healthy
    expect(output).toContain('演示账号');
    expect(output).toMatch(/huanwei\s+环卫联络员/);
    const enginePid = Number(/Engine:\s+pid (\d+)/.exec(output)?.[1]);
    const health = await eventually(async () => {
      const report = (await (await fetch(`${url}/api/health`)).json()) as HealthReport;
      return report.deployment.at ? report : undefined;
    }, { what: 'the first deployment' });
    expect(health).toMatchObject({ status: 'ok', database: { type: 'sqljs' }, workers: { mode: 'in-process' } });
    const page = await fetch(`${url}/status`);
    expect(await page.text()).toContain('<div id="app">');

    // and a case runs through the in-process workers on SQLite, from the report to the department's task
    const engine = new EngineClient({ baseUrl: `http://127.0.0.1:${enginePort}/engine-rest`, user: 'demo', password: 'demo' });
    const point = await firstGridCentre();
    const instance = await engine.startProcess('case-closed-loop', {
      businessKey: uniqueKey('embedded'),
      variables: { caseId: 0, caseNo: 'EMBEDDED', categoryCode: 'C0301', description: '垃圾桶满溢', lng: point.lng, lat: point.lat, source: 'hotline', reporter: 'rexian', urgent: false, acceptDue: new Date(), verifyDue: null, returnedCount: 0, reworkCount: 0 },
    });
    const [review] = await eventually(async () => {
      const tasks = await engine.tasks({ processInstanceId: instance.id });
      return tasks.length ? tasks : undefined;
    }, { what: 'the filing review task' });
    expect(review!.taskDefinitionKey).toBe('filing-review');
    expect(await engine.processVariables(instance.id)).toMatchObject({ gridCode: point.gridCode, streetName: expect.any(String) });

    // when Ctrl-C reaches the process group
    process.kill(-child.pid!, 'SIGINT');

    // then everything stops and no Java process is left behind
    expect(await exited).toBe(0);
    expect(alive(enginePid)).toBe(false);
  }, 240_000);
});
