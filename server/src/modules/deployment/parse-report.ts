import type { DeploymentParseError } from '../../errors/index.js';

interface ResourceReport {
  errors?: Array<{ message?: string; line?: number; column?: number; mainElementId?: string }>;
}

/** Extracts the first parse problem of one file from the engine's ParseException answer. */
export function parseFailureOf(error: DeploymentParseError, file: string): { message: string; line?: number } {
  // Camunda 7 keys the reports by resource name in `details`; some versions nest them under `resourceReports`.
  const details = error.details?.engineDetails as (Record<string, ResourceReport> & { resourceReports?: Record<string, ResourceReport> }) | undefined;
  const first = (details?.resourceReports ?? details)?.[file]?.errors?.[0];
  if (!first) return { message: error.message };
  return { message: first.message ?? error.message, ...(first.line && first.line > 0 ? { line: first.line } : {}) };
}
