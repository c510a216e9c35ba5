/** Shapes of /api/audit, shared by the server and the web app. */

/** One append-only audit record: who did what to which target, when, and the state before and after. */
export interface AuditRecordView {
  id: number;
  at: string;
  actor: string;
  actorName: string | null;
  /** e.g. auth.sign-in, task.claim, task.complete, task.return, task.extend, deployment.deploy, user.update. */
  action: string;
  targetType: string;
  targetId: string;
  before: unknown;
  after: unknown;
}

/** GET /api/audit: one page of records, newest first, and the total under the same filters. */
export interface AuditPage {
  items: AuditRecordView[];
  total: number;
  page: number;
  pageSize: number;
}
