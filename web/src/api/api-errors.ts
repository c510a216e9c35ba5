import { ApiError } from '@/api/http';
import { i18n } from '@/i18n';

/** Field name → the server's message, for showing validation errors on form items. */
export type FieldErrors = Record<string, string>;

/** One problem the server found with a request field, as `details.issues` lists them. */
export interface FieldIssue {
  path: string;
  message: string;
}

/** The field issues of a 400 answer, or an empty list for any other error. */
export function apiIssues(error: unknown): FieldIssue[] {
  if (!(error instanceof ApiError) || error.status !== 400) return [];
  const details = (error.body as { error?: { details?: { issues?: unknown } } } | undefined)?.error?.details;
  const issues = Array.isArray(details?.issues) ? (details.issues as unknown[]) : [];
  return issues.filter((issue): issue is FieldIssue => typeof (issue as FieldIssue)?.path === 'string' && typeof (issue as FieldIssue)?.message === 'string');
}

/** The server's validation messages (details.issues) keyed by the first field under `prefix`, e.g. `body.username` → `username`. */
export function fieldErrorsOf(error: unknown, prefix = 'body.'): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of apiIssues(error)) {
    if (!issue.path.startsWith(prefix)) continue;
    const field = issue.path.slice(prefix.length).split('.')[0];
    if (field && !(field in errors)) errors[field] = issue.message;
  }
  return errors;
}

/** A message to show for a failed request: the server's Chinese message, its field messages, or a network hint. */
export function errorMessageOf(error: unknown): string {
  const issues = apiIssues(error);
  if (issues.length > 0) return issues.map((issue) => issue.message).join('；');
  if (error instanceof ApiError) return error.message;
  if (error instanceof TypeError) return i18n.global.t('common.networkError');
  return error instanceof Error ? error.message : String(error);
}
