/** The API path of one task, or of one of its sub-resources. */
export function taskPath(taskId: string, sub?: string): string {
  return `/api/tasks/${encodeURIComponent(taskId)}${sub ? `/${sub}` : ''}`;
}

/** The API path of one case, or of one of its sub-resources. */
export function casePath(caseNo: string, sub?: string): string {
  return `/api/cases/${encodeURIComponent(caseNo)}${sub ? `/${sub}` : ''}`;
}
