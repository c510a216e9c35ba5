import type { HealthReport, HealthStatus } from '../../contracts/health.js';
import type { EngineClient } from '../../engine/index.js';
import type { SystemState } from '../../system-state.js';

/** Builds the health report: the engine is asked live, the rest comes from the system state. */
export async function healthReport(engine: EngineClient, state: SystemState): Promise<HealthReport> {
  const engineStatus = await engine.version().then(
    (v) => ({ reachable: true, version: v.version }),
    () => ({ reachable: false }),
  );
  const reasons: string[] = [];
  if (!engineStatus.reachable) reasons.push('engine-unreachable');
  if (!state.deployment) reasons.push('deployment-pending');
  if (state.deployment?.resources.some((r) => r.status === 'failed')) reasons.push('deployment-failed');
  const status: HealthStatus = !engineStatus.reachable ? 'down' : reasons.length ? 'degraded' : 'ok';
  return {
    status,
    reasons,
    engine: engineStatus,
    deployment: { at: state.deployment?.at, resources: state.deployment?.resources ?? [] },
    database: { type: state.databaseType },
    workers: { mode: state.workers.mode, topics: state.workers.topics },
  };
}
