import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { HealthReport } from '../../server/src/contracts/health.js';
import { EngineClient } from '../../server/src/engine/index.js';
import { readDistrict } from '../../server/src/modules/grids/index.js';
import { freePort } from '../../scripts/lib/free-port.js';
import { isLoopback, listeningSockets } from '../engine/listening-sockets.js';
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

/** A running `npm start`, in a process group of its own as a terminal would run it. */
interface NpmStart {
  child: ChildProcess;
  output(): string;
  url: string;
  enginePid: number;
  exited: Promise<number | null>;
}

const children: ChildProcess[] = [];

/** Runs `npm start` with the embedded defaults on the given data folder and waits for its banner. */
async function npmStart(dataDir: string, enginePort: number, extra: NodeJS.ProcessEnv = {}): Promise<NpmStart> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: '0', ENGINE_URL: `http://127.0.0.1:${enginePort}/engine-rest`, LOG_LEVEL: 'warn', WORKER_LONG_POLL_MS: '1000', ...extra };
  // Nothing from the developer's shell: no database, no engine credentials, no demo setting unless given.
  for (const name of ['DATABASE_URL', 'ENGINE_USER', 'ENGINE_PASSWORD', 'ENGINE_START', 'ENGINE_BIND_ADDRESS', 'DEMO_DATA']) if (!(name in extra)) delete env[name];
  const child = spawn('node', ['scripts/start.mjs'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await eventually(async () => /Web app:\s+(http:\/\/\S+)/.exec(output)?.[1], { timeoutMs: 150_000, intervalMs: 500, what: `the start banner; output so far:\n${output}` });
  await eventually(async () => /Ctrl-C stops everything/.test(output), { what: 'the end of the banner' });
  return { child, output: () => output, url, enginePid: Number(/Engine:\s+pid (\d+)/.exec(output)?.[1]), exited };
}

/** Ctrl-C to the whole process group; resolves with the exit code. */
async function interrupt(run: NpmStart): Promise<number | null> {
  process.kill(-run.child.pid!, 'SIGINT');
  return run.exited;
}

const modeOf = (file: string) => statSync(file).mode & 0o777;

// The embedded defaults of `npm start`: the engine on H2 and the app on SQLite, all started by one command.
describe('npm start on embedded defaults (H2 engine, SQLite app database)', () => {
  afterAll(() => {
    for (const child of children) if (child.pid && child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
  });

  it('starts everything privately, runs a case on SQLite, leaves no Java process after Ctrl-C, and keeps its engine password', async () => {
    // given a fresh data folder and free ports, with no database or engine password configured
    const enginePort = await freePort();
    const dataDir = mkdtempSync(path.join(tmpdir(), 'lianqin-embedded-'));
    const secretFile = path.join(dataDir, 'secrets', 'engine-admin-password');

    // when npm start runs for the first time
    const first = await npmStart(dataDir, enginePort);

    // then it generated the engine admin password in a file only its owner can read, and says where, not what
    const password = readFileSync(secretFile, 'utf8').trim();
    expect(password).toMatch(/^[\w-]{32}$/);
    expect(modeOf(secretFile)).toBe(0o600);
    expect(modeOf(path.dirname(secretFile))).toBe(0o700);
    expect(first.output()).toContain(`user lianqin, password in ${secretFile} (generated just now)`);
    expect(first.output()).not.toContain(password);
    // and it prints the demo accounts, the extra grid inspectors among them
    expect(first.output()).toContain('演示账号');
    expect(first.output()).toMatch(/huanwei\s+环卫联络员/);
    expect(first.output()).toMatch(/wangge2\s+网格员/);
    expect(first.output()).toMatch(/wangge3\s+网格员/);
    // and the engine is private: loopback only, and demo/demo is refused
    expect(listeningSockets(enginePort).length).toBeGreaterThan(0);
    expect(listeningSockets(enginePort).filter((s) => !isLoopback(s.address))).toEqual([]);
    const demo = await fetch(`http://127.0.0.1:${enginePort}/engine-rest/version`, { headers: { authorization: `Basic ${Buffer.from('demo:demo').toString('base64')}` } });
    expect(demo.status).toBe(401);
    // and the API reports the embedded databases as healthy
    const health = await eventually(async () => {
      const report = (await (await fetch(`${first.url}/api/health`)).json()) as HealthReport;
      return report.deployment.at ? report : undefined;
    }, { what: 'the first deployment' });
    expect(health).toMatchObject({ status: 'ok', database: { type: 'sqljs' }, workers: { mode: 'in-process' } });
    const page = await fetch(`${first.url}/status`);
    expect(await page.text()).toContain('<div id="app">');

    // and a case runs through the in-process workers on SQLite, from the report to the department's task
    const engine = new EngineClient({ baseUrl: `http://127.0.0.1:${enginePort}/engine-rest`, user: 'lianqin', password });
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
    const code = await interrupt(first);

    // then everything stops and no Java process is left behind
    expect(code).toBe(0);
    expect(alive(first.enginePid)).toBe(false);

    // when npm start runs again on the same data folder, with demo data off
    const second = await npmStart(dataDir, enginePort, { DEMO_DATA: 'false' });

    // then it reuses the password file, unchanged, and the engine and the API accept it
    expect(readFileSync(secretFile, 'utf8').trim()).toBe(password);
    expect(modeOf(secretFile)).toBe(0o600);
    expect(second.output()).toContain(`user lianqin, password in ${secretFile}\n`);
    expect(await engine.tasks({ processInstanceId: instance.id })).toHaveLength(1);
    const health2 = await eventually(async () => {
      const report = (await (await fetch(`${second.url}/api/health`)).json()) as HealthReport;
      return report.deployment.at ? report : undefined;
    }, { what: 'the deployment of the second start' });
    expect(health2.status).toBe('ok');
    // and the banner lists no demo account but says how to create the first admin
    expect(second.output()).not.toContain('演示账号 / demo accounts (password');
    expect(second.output()).not.toContain('Lianqin@2026');
    expect(second.output()).toContain('npm run create-admin -- --username <name>');
    // and warns that the accounts the first start seeded still have the published password
    expect(second.output()).toMatch(/still sign in with the published password;\n.*reset their passwords: .*wangge3/);
    expect(await interrupt(second)).toBe(0);
  }, 420_000);
});
