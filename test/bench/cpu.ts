import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** CPU seconds (user + system) a process has used so far, from /proc. */
function cpuSecondsOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

function mariadbPid(): number | undefined {
  try {
    return Number(execFileSync('pgrep', ['-o', 'mariadbd']).toString().trim()) || undefined;
  } catch {
    return undefined;
  }
}

/** CPU seconds of this Node process, the engine's JVM and MariaDB, to say where a phase spends its time. */
export function cpuSnapshot(enginePid: number): Record<'node' | 'engine' | 'mariadb', number> {
  const pid = mariadbPid();
  const self = process.cpuUsage();
  return { node: (self.user + self.system) / 1e6, engine: cpuSecondsOf(enginePid), mariadb: pid ? cpuSecondsOf(pid) : Number.NaN };
}

/** CPU seconds used between two snapshots, per case. */
export function cpuPerCase(before: ReturnType<typeof cpuSnapshot>, after: ReturnType<typeof cpuSnapshot>, cases: number) {
  const per = (k: keyof typeof before) => Math.round(((after[k] - before[k]) / cases) * 1000);
  return { node_ms: per('node'), engine_ms: per('engine'), mariadb_ms: per('mariadb') };
}
