import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { engineJar, startEngine, type EngineProcess } from '../../scripts/lib/engine-process.js';
import { freePort } from '../../scripts/lib/free-port.js';
import { externalAddresses, isLoopback, listeningSockets, tryConnect } from './listening-sockets.js';

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

/** The status of an authenticated GET /version. */
async function statusAs(engine: EngineProcess, user: string, password: string): Promise<number> {
  return (await fetch(`${engine.url}/version`, { headers: { authorization: basic(user, password) } })).status;
}

/** The user demo/demo in the group camunda-admin, as older versions of Lianqin created it. */
async function addOldDemoAdmin(engine: EngineProcess, authorization: string): Promise<void> {
  const send = (method: string, path: string, body?: object) =>
    fetch(`${engine.url}${path}`, { method, headers: { authorization, 'content-type': 'application/json' }, body: body && JSON.stringify(body) });
  expect((await send('POST', '/user/create', { profile: { id: 'demo', firstName: 'Demo', lastName: 'Demo' }, credentials: { password: 'demo' } })).status).toBe(204);
  expect((await send('PUT', '/group/camunda-admin/members/demo')).status).toBe(204);
}

// Engines of their own on H2: these tests restart one engine on the same data, as upgrades and restarts do.
describe('the engine host and its admin', () => {
  let engine: EngineProcess | undefined;

  afterEach(async () => {
    await engine?.stop();
    engine = undefined;
  });

  it('removes the demo/demo user of older versions, and gives an existing admin the configured password', async () => {
    // given engine data holding the admin demo/demo of older versions next to the admin lianqin
    const dataDir = mkdtempSync(path.join(tmpdir(), 'lianqin-engine-admin-'));
    const port = await freePort();
    engine = await startEngine({ port, dataDir, adminUser: 'lianqin', adminPassword: 'First-secret-2026' });
    await addOldDemoAdmin(engine, basic('lianqin', 'First-secret-2026'));
    expect(await statusAs(engine, 'demo', 'demo')).toBe(200);
    await engine.stop();

    // when it starts again with another admin password (as after a lost password file), listening on every address as a cluster node
    const notices: string[] = [];
    engine = await startEngine({ port, dataDir, adminUser: 'lianqin', adminPassword: 'Second-secret-2026', bindAddress: '0.0.0.0', onNotice: (m) => notices.push(m) });

    // then demo/demo no longer signs in, the configured password is the admin's, and the terminal is told both
    expect(await statusAs(engine, 'demo', 'demo')).toBe(401);
    expect(await statusAs(engine, 'lianqin', 'Second-secret-2026')).toBe(200);
    expect(notices).toEqual([
      expect.stringMatching(/^\[lianqin\] engine: admin 'lianqin' had a password other than ENGINE_ADMIN_PASSWORD/),
      expect.stringMatching(/^\[lianqin\] engine: removed the user 'demo' with the published password/),
    ]);
    expect(await statusAs(engine, 'lianqin', 'First-secret-2026')).toBe(401);
    // and ENGINE_BIND_ADDRESS opened it to the network
    expect(listeningSockets(port).some((s) => !isLoopback(s.address))).toBe(true);
    for (const address of externalAddresses().filter((a) => a.includes('.'))) expect(await tryConnect(address, port)).toBe('connected');
  }, 420_000);

  it('refuses to start without ENGINE_ADMIN_PASSWORD instead of creating a known password', async () => {
    // given an environment without an admin password
    const env: NodeJS.ProcessEnv = { ...process.env, ENGINE_PORT: String(await freePort()), ENGINE_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'lianqin-engine-nopw-')) };
    delete env.ENGINE_ADMIN_PASSWORD;

    // when the engine host starts
    const child = spawn('java', ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-jar', engineJar], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));

    // then it stops at once and says what to set
    expect(code).not.toBe(0);
    expect(output).toContain('ENGINE_ADMIN_PASSWORD is not set');
    expect(output).not.toContain('Tomcat started');
  }, 60_000);
});
