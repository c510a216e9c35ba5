import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { engineSecretFile } from '../../server/src/config/index.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Runs an entry point with tsx, as its npm script does, and resolves with its exit code and output. */
function run(script: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  return new Promise((resolve) => child.once('exit', (code) => (clearTimeout(timer), resolve({ code, output }))));
}

describe('processes that do not start the engine, without an engine password', () => {
  it.each([
    { command: 'npm run worker', script: 'server/src/workers/main.ts' },
    { command: 'npm run server', script: 'server/src/main.ts' },
  ])('$command stops with a message naming ENGINE_PASSWORD and the password file', async ({ script }) => {
    // given a data folder npm start never used, and no ENGINE_PASSWORD
    const dataDir = mkdtempSync(path.join(tmpdir(), 'lianqin-nosecret-'));
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn' };
    delete env.ENGINE_PASSWORD;
    delete env.DATABASE_URL;
    // when
    const { code, output } = await run(script, env);
    // then
    expect(code).toBe(1);
    expect(output).toContain('ENGINE_PASSWORD: not set');
    expect(output).toContain(engineSecretFile(dataDir));
  }, 40_000);
});
