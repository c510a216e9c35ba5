import type { DiffRequest, DiffResult, MigrationExecuteRequest, MigrationExecuteResult, MigrationPlanRequest, MigrationPlanView, RetryResult } from '@contracts/process-versions';
import { postJson } from '@/api/http';

/** The URL of GET /api/designer/processes: every process and decision key. */
export const processKeysPath = '/api/designer/processes';

/** The URL of GET /api/designer/processes/:key/versions. */
export function versionsPath(key: string): string {
  return `/api/designer/processes/${encodeURIComponent(key)}/versions`;
}

/** The URL of GET /api/designer/definitions/:id/xml. */
export function definitionXmlPath(id: string): string {
  return `/api/designer/definitions/${encodeURIComponent(id)}/xml`;
}

/** The URL of GET /api/designer/definitions/:id/live. */
export function livePath(id: string): string {
  return `/api/designer/definitions/${encodeURIComponent(id)}/live`;
}

/** POST /api/designer/diff. */
export function postDiff(body: DiffRequest, signal?: AbortSignal): Promise<DiffResult> {
  return postJson<DiffResult>('/api/designer/diff', body, { signal });
}

/** POST /api/designer/incidents/:id/retry. */
export function postRetry(incidentId: string, retries: number, signal?: AbortSignal): Promise<RetryResult> {
  return postJson<RetryResult>(`/api/designer/incidents/${encodeURIComponent(incidentId)}/retry`, { retries }, { signal });
}

/** POST /api/designer/migrations/plan. */
export function postMigrationPlan(body: MigrationPlanRequest, signal?: AbortSignal): Promise<MigrationPlanView> {
  return postJson<MigrationPlanView>('/api/designer/migrations/plan', body, { signal });
}

/** POST /api/designer/migrations/execute. */
export function postMigrationExecute(body: MigrationExecuteRequest, signal?: AbortSignal): Promise<MigrationExecuteResult> {
  return postJson<MigrationExecuteResult>('/api/designer/migrations/execute', body, { signal });
}
