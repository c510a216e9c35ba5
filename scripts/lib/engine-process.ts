import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { repoRoot } from './paths.js';

/** The engine jar built from engine/. */
export const engineJar = path.join(repoRoot, 'engine', 'target', 'lianqin-engine.jar');

/** How to run one engine host. */
export interface EngineProcessOptions {
  port: number;
  /** Folder for the H2 files and the log. */
  dataDir: string;
  /** JDBC URL of MySQL/MariaDB; H2 under dataDir when unset. */
  jdbcUrl?: string;
  jdbcUser?: string;
  jdbcPassword?: string;
  /** The engine admin (ENGINE_ADMIN_USER); the engine creates it, or gives it adminPassword when it exists. */
  adminUser: string;
  /** ENGINE_ADMIN_PASSWORD: the engine has no default and will not start without one. */
  adminPassword: string;
  /** ENGINE_BIND_ADDRESS; the engine listens on 127.0.0.1 unless told otherwise (from here or the environment). */
  bindAddress?: string;
  /** Called with each "[lianqin] …" notice of the engine host, such as the removal of the old demo user. */
  onNotice?: (message: string) => void;
  /** @default 120000 */
  startTimeoutMs?: number;
  /** JVM options, replacing the quick-start defaults. */
  jvmArgs?: string[];
}

/** A running engine host. */
export interface EngineProcess {
  url: string;
  pid: number;
  logFile: string;
  stop(): Promise<void>;
}

/** Starts the engine jar and resolves once /engine-rest answers an authenticated call. */
export async function startEngine(options: EngineProcessOptions): Promise<EngineProcess> {
  if (!existsSync(engineJar)) throw new Error(`Engine jar missing: ${engineJar}. Build it with npm run build:engine.`);
  mkdirSync(options.dataDir, { recursive: true });
  const logFile = path.join(options.dataDir, 'engine.log');
  const { adminUser: user, adminPassword: password } = options;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ENGINE_PORT: String(options.port),
    ENGINE_DATA_DIR: options.dataDir,
    ENGINE_ADMIN_USER: user,
    ENGINE_ADMIN_PASSWORD: password,
  };
  if (options.bindAddress) env.ENGINE_BIND_ADDRESS = options.bindAddress;
  if (options.jdbcUrl) {
    env.ENGINE_DB_URL = options.jdbcUrl;
    env.ENGINE_DB_TYPE = 'mysql';
    env.ENGINE_DB_USER = options.jdbcUser ?? 'root';
    env.ENGINE_DB_PASSWORD = options.jdbcPassword ?? '';
  }
  // Quick start-up by default (C1 only, serial GC); long-running hosts such as benchmarks pass their own options.
  const jvm = options.jvmArgs ?? ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-Xss512k'];
  const child = spawn('java', [...jvm, '-jar', engineJar], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = createWriteStream(logFile);
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  if (options.onNotice && child.stdout) {
    const notice = options.onNotice;
    createInterface({ input: child.stdout }).on('line', (line) => {
      const at = line.indexOf('[lianqin] ');
      if (at >= 0) notice(line.slice(at));
    });
  }
  const url = `http://127.0.0.1:${options.port}/engine-rest`;
  const stop = () => stopChild(child);
  try {
    await waitUntilReady(url, user, password, child, options.startTimeoutMs ?? 120_000, logFile);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, pid: child.pid ?? -1, logFile, stop };
}

async function waitUntilReady(url: string, user: string, password: string, child: ChildProcess, timeoutMs: number, logFile: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const auth = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The engine exited with code ${child.exitCode} while starting; see ${logFile}`);
    let status: number | undefined;
    try {
      status = (await fetch(`${url}/version`, { headers: { authorization: auth }, signal: AbortSignal.timeout(2000) })).status;
    } catch {
      // not listening yet
    }
    if (status === 200) return;
    // The engine settles its admin's password before it listens, so a 401 now will not go away.
    if (status === 401) throw new Error(`The engine refuses its admin user ${user} with the configured password (HTTP 401); see ${logFile}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`The engine did not become ready within ${timeoutMs} ms; see ${logFile}`);
}

/** SIGTERM, then SIGKILL after 15 s: the engine must never outlive its parent. */
export function stopChild(child: ChildProcess, graceMs = 15_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
