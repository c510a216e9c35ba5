import { describe, expect, it } from 'vitest';
import { diffSideParam, parseDiffSide } from './diff-side';

describe('parseDiffSide', () => {
  it.each([
    ['def:case-closed-loop:3:abc', { definitionId: 'case-closed-loop:3:abc' }],
    ['draft:12', { draftId: 12 }],
    ['draft:12@4', { draftId: 12, revision: 4 }],
    ['def:', null],
    ['draft:x', null],
    ['case-closed-loop', null],
    [undefined, null],
  ])('reads %s', (value, expected) => {
    expect(parseDiffSide(value)).toEqual(expected);
  });

  it('writes what it reads', () => {
    for (const side of [{ definitionId: 'a:1:b' }, { draftId: 3 }, { draftId: 3, revision: 2 }]) expect(parseDiffSide(diffSideParam(side))).toEqual(side);
  });
});
