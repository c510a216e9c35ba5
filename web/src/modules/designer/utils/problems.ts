import type { LintProblem } from '@contracts/designer';

/** How many errors and warnings a lint found. */
export interface ProblemCounts {
  errors: number;
  warnings: number;
}

/** Counts the errors and warnings. */
export function countProblems(problems: readonly LintProblem[]): ProblemCounts {
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  return { errors, warnings: problems.length - errors };
}

const sourceOrder = { lianqin: 0, camunda: 1, bpmnlint: 2 } as const;

/** Errors first, then Lianqin's own rules before Camunda's and bpmnlint's, then by element, so the list reads stably. */
export function sortProblems(problems: readonly LintProblem[]): LintProblem[] {
  return [...problems].sort(
    (a, b) =>
      Number(a.severity === 'warning') - Number(b.severity === 'warning') ||
      sourceOrder[a.source] - sourceOrder[b.source] ||
      (a.elementId ?? '').localeCompare(b.elementId ?? '') ||
      a.message.localeCompare(b.message),
  );
}
