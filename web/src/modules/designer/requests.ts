import type {
  CreateDraftRequest,
  DeployDraftResult,
  Draft,
  LintReport,
  LintRequest,
  SaveDraftRequest,
  ShippedFileContent,
} from '@contracts/designer';
import { postJson, requestJson, getJson } from '@/api/http';

/** The URL of GET /api/designer/files: the shipped files of processes/ and the drafts. */
export const designerFilesPath = '/api/designer/files';

/** The URL of GET /api/designer/drafts/:id. */
export function draftPath(id: number): string {
  return `/api/designer/drafts/${id}`;
}

/** The URL of GET /api/designer/drafts/:id/revisions. */
export function draftRevisionsPath(id: number): string {
  return `/api/designer/drafts/${id}/revisions`;
}

/** The URL of GET /api/designer/drafts/:id/download: the draft as a file, for committing it to processes/. */
export function draftDownloadPath(id: number): string {
  return `/api/designer/drafts/${id}/download`;
}

/** The URL of GET /api/designer/processes/:key/versions (the process versions module's API). */
export function processVersionsPath(key: string): string {
  return `/api/designer/processes/${encodeURIComponent(key)}/versions`;
}

/** GET /api/designer/shipped/:fileName. */
export function getShippedFile(fileName: string, signal?: AbortSignal): Promise<ShippedFileContent> {
  return getJson<ShippedFileContent>(`/api/designer/shipped/${encodeURIComponent(fileName)}`, { signal });
}

/** POST /api/designer/drafts. */
export function postDraft(body: CreateDraftRequest, signal?: AbortSignal): Promise<Draft> {
  return postJson<Draft>('/api/designer/drafts', body, { signal });
}

/** PUT /api/designer/drafts/:id: a new revision on top of body.baseRevision. */
export function putDraft(id: number, body: SaveDraftRequest, signal?: AbortSignal): Promise<Draft> {
  return requestJson<Draft>('PUT', draftPath(id), { body, signal });
}

/** DELETE /api/designer/drafts/:id. */
export function deleteDraft(id: number, signal?: AbortSignal): Promise<void> {
  return requestJson<void>('DELETE', draftPath(id), { signal });
}

/** POST /api/designer/lint. */
export function postLint(body: LintRequest, signal?: AbortSignal): Promise<LintReport> {
  return postJson<LintReport>('/api/designer/lint', body, { signal });
}

/** POST /api/designer/drafts/:id/deploy. */
export function postDeploy(id: number, revision: number, signal?: AbortSignal): Promise<DeployDraftResult> {
  return postJson<DeployDraftResult>(`/api/designer/drafts/${id}/deploy`, { revision }, { signal });
}
