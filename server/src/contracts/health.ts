/** Shapes of GET /api/health, shared by the server and the web app. */

/**
 * How one file of processes/ fared at the last deployment. `held`: the file changed on disk since its last file
 * deployment, but the newest version of a definition in it came from a designer, so start-up left that version live.
 */
export interface ResourceDeployment {
  file: string;
  status: 'deployed' | 'unchanged' | 'failed' | 'held';
  /** The engine's parse message, when the file failed; for a held file, which designer version kept it back (Chinese). */
  message?: string;
  /** The line of the first parse error, when the engine reports one. */
  line?: number;
}

export type HealthStatus = 'ok' | 'degraded' | 'down';

export interface HealthReport {
  status: HealthStatus;
  /** Why the status is not ok, as short machine-readable reasons (e.g. "deployment-failed", "engine-unreachable"). */
  reasons: string[];
  engine: { reachable: boolean; version?: string };
  deployment: { at?: string; resources: ResourceDeployment[] };
  database: { type: 'mysql' | 'mariadb' | 'sqljs' };
  workers: { mode: 'in-process' | 'separate'; topics: string[] };
}
