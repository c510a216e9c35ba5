import type { FindingInput, FindingView, OperationCreated, OperationListQuery, OperationPlanInput, OperationStatus } from '@contracts/joint-operations';
import { postJson, queryString, requestJson } from '@/api/http';

/** Filters of the list and the calendar; empty strings mean "any". `from`/`to` are "YYYY-MM-DD" Beijing dates; `q` is a keyword the server looks for in the title, target and ref. */
export interface OperationFilters {
  status: OperationStatus | '';
  department: string;
  seriesRef: string;
  q: string;
  from: string;
  to: string;
}

/** No filter at all: every operation the caller may see. */
export const noOperationFilters: OperationFilters = { status: '', department: '', seriesRef: '', q: '', from: '', to: '' };

const base = '/api/operations';
const refPath = (ref: string) => `${base}/${encodeURIComponent(ref)}`;

/** The URL of GET /api/operations: the operations the caller may see (a liaison, those of their department). */
export function operationsPath(filters: OperationFilters): string {
  const query: Record<keyof OperationListQuery, string> = { q: filters.q.trim(), status: filters.status, department: filters.department, seriesRef: filters.seriesRef, from: filters.from, to: filters.to };
  return `${base}${queryString(query)}`;
}

/** The URL of GET /api/operations/:ref: the plan, the departments' status, the findings, the counts and the timeline. */
export function operationPath(ref: string): string {
  return refPath(ref);
}

/** The URL of GET /api/operations/:ref/report: the wrap-up report generated from the records. */
export function reportPath(ref: string): string {
  return `${refPath(ref)}/report`;
}

/** The URL of one photo of a finding. */
export function findingPhotoUrl(ref: string, findingId: number, photoId: number): string {
  return `${refPath(ref)}/findings/${findingId}/photos/${photoId}`;
}

/** The server-sent events endpoint that names each operation that changed. */
export const operationStreamUrl = `${base}/stream`;

/** POST /api/operations (coordinator): submits a plan for approval; a weekly plan answers with its series. */
export function postOperation(plan: OperationPlanInput, signal?: AbortSignal): Promise<OperationCreated> {
  return postJson<OperationCreated>(base, plan, { signal });
}

/** PUT /api/operations/:ref (coordinator): replaces a plan that approval sent back, with a note on what changed, and submits it again. */
export async function putOperation(ref: string, plan: OperationPlanInput, revisionNote: string | null, signal?: AbortSignal): Promise<OperationCreated> {
  await requestJson<unknown>('PUT', refPath(ref), { body: revisionNote ? { ...plan, revisionNote } : plan, signal });
  return { kind: 'operation', ref };
}

/** POST /api/operations/:ref/findings (a participating liaison during execution): records a finding and its measure. */
export function postFinding(ref: string, finding: FindingInput, signal?: AbortSignal): Promise<FindingView> {
  return postJson<FindingView>(`${refPath(ref)}/findings`, finding, { signal });
}

/** POST /api/operations/:ref/findings/:id/photos: attaches photos (multipart, field `photos`) to a finding. */
export function postFindingPhotos(ref: string, findingId: number, files: File[], signal?: AbortSignal): Promise<unknown> {
  const form = new FormData();
  for (const file of files) form.append('photos', file);
  return postJson<unknown>(`${refPath(ref)}/findings/${findingId}/photos`, form, { signal });
}
