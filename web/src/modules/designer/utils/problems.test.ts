import { describe, expect, it } from 'vitest';
import type { LintProblem } from '@contracts/designer';
import { countProblems, sortProblems } from './problems';

const problem = (overrides: Partial<LintProblem>): LintProblem => ({ message: 'm', rule: 'r', severity: 'error', source: 'bpmnlint', ...overrides });

describe('problems of a lint report', () => {
  it('counts errors and warnings', () => {
    // given two errors and a warning
    const problems = [problem({}), problem({ severity: 'warning' }), problem({ source: 'lianqin' })];

    // then
    expect(countProblems(problems)).toEqual({ errors: 2, warnings: 1 });
    expect(countProblems([])).toEqual({ errors: 0, warnings: 0 });
  });

  it('lists errors first, Lianqin rules before Camunda and bpmnlint, then by element', () => {
    // given problems in no order
    const problems = [
      problem({ severity: 'warning', source: 'lianqin', elementId: 'a' }),
      problem({ source: 'bpmnlint', elementId: 'b' }),
      problem({ source: 'camunda', elementId: 'c' }),
      problem({ source: 'lianqin', elementId: 'z' }),
      problem({ source: 'lianqin', elementId: 'd' }),
    ];

    // when
    const sorted = sortProblems(problems);

    // then
    expect(sorted.map((p) => `${p.severity}:${p.source}:${p.elementId}`)).toEqual([
      'error:lianqin:d',
      'error:lianqin:z',
      'error:camunda:c',
      'error:bpmnlint:b',
      'warning:lianqin:a',
    ]);
    expect(problems[0]?.elementId).toBe('a');
  });
});
