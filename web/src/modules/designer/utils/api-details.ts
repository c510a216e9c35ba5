import type { DeployRefusedDetails, DraftConflictDetails, LintProblem } from '@contracts/designer';
import { ApiError } from '@/api/http';

function detailsOf(error: unknown, status: number, code: string): Record<string, unknown> | undefined {
  if (!(error instanceof ApiError) || error.status !== status || error.code !== code) return undefined;
  const details = (error.body as { error?: { details?: unknown } } | undefined)?.error?.details;
  return typeof details === 'object' && details !== null ? (details as Record<string, unknown>) : undefined;
}

/** Who saved the draft in between, when a save answered 409 DRAFT_CONFLICT; undefined for any other error. */
export function draftConflictOf(error: unknown): DraftConflictDetails | undefined {
  const details = detailsOf(error, 409, 'DRAFT_CONFLICT');
  if (!details || typeof details.currentRevision !== 'number') return undefined;
  return details as unknown as DraftConflictDetails;
}

/** The id of the existing draft, when creating one answered 409 DRAFT_EXISTS. */
export function existingDraftIdOf(error: unknown): number | undefined {
  const draftId = detailsOf(error, 409, 'DRAFT_EXISTS')?.draftId;
  return typeof draftId === 'number' ? draftId : undefined;
}

/** The problems that blocked a deployment (422 LINT_FAILED). */
export function lintFailureOf(error: unknown): LintProblem[] | undefined {
  const problems = detailsOf(error, 422, 'LINT_FAILED')?.problems;
  return Array.isArray(problems) ? (problems as LintProblem[]) : undefined;
}

/** The engine's reason for refusing a deployment (422 DEPLOY_REFUSED). */
export function deployRefusalOf(error: unknown): DeployRefusedDetails | undefined {
  const details = detailsOf(error, 422, 'DEPLOY_REFUSED');
  if (!details) return undefined;
  return { message: typeof details.message === 'string' ? details.message : (error as ApiError).message, line: typeof details.line === 'number' ? details.line : undefined };
}
