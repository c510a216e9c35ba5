import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { testEnv } from './test-env.js';

const script = fileURLToPath(new URL('../../server/src/workers/runtime/fixtures/probe-worker.ts', import.meta.url));

/** A separate worker process running the side-effect probe, as `npm run worker` would run a department. */
export interface ProbeWorker {
  child: ChildProcess;
  workerId: string;
  output(): string;
  /** Resolves with the exit code (or the signal's name). */
  exited: Promise<number | string>;
}

/** Starts the probe worker; each task is held for holdMs. Short locks make redelivery quick. */
export async function startProbeWorker(holdMs: number, lockMs = 3000): Promise<ProbeWorker> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, String(holdMs)], {
    env: { ...process.env, ...testEnv(), WORKER_LOCK_MS: String(lockMs), WORKER_LONG_POLL_MS: '1000', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  const workerId = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`probe worker did not start:\n${output}`)), 30_000);
    const onData = () => {
      const match = /"workerId":"([^"]+)".*probe worker ready/.exec(output);
      if (match) {
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    void exited.then((code) => reject(new Error(`probe worker exited (${code}) while starting:\n${output}`)));
  });
  return { child, workerId, output: () => output, exited };
}
