import { describe, expect, it } from 'vitest';
import { caseSourcePath } from './case-source';

describe('caseSourcePath', () => {
  it.each([
    { source: 'joint-enforcement', ref: 'JO-2026-0001', expected: '/operations/JO-2026-0001' },
    { source: 'joint-patrol', ref: 'XC-2026-0003-02', expected: '/patrols/runs/XC-2026-0003-02' },
    { source: 'joint-enforcement', ref: null, expected: null },
    { source: 'inspector', ref: null, expected: null },
    { source: 'hotline', ref: 'JO-2026-0001', expected: null },
    { source: 'joint-patrol', ref: 'a/b', expected: '/patrols/runs/a%2Fb' },
  ] as const)('links $source $ref to $expected', ({ source, ref, expected }) => {
    expect(caseSourcePath(source, ref)).toBe(expected);
  });
});
