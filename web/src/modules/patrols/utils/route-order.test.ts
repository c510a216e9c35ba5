import { describe, expect, it } from 'vitest';
import { moveGrid, toggleGrid } from './route-order';

describe('toggleGrid', () => {
  it('adds a new grid at the end of the walking order', () => {
    expect(toggleGrid(['a', 'b'], 'c')).toEqual(['a', 'b', 'c']);
  });

  it('takes a grid already on the route out, keeping the others in order', () => {
    expect(toggleGrid(['a', 'b', 'c'], 'b')).toEqual(['a', 'c']);
  });
});

describe('moveGrid', () => {
  it.each([
    [1, -1, ['b', 'a', 'c']],
    [1, 1, ['a', 'c', 'b']],
    [0, -1, ['a', 'b', 'c']],
    [2, 1, ['a', 'b', 'c']],
    [5, 1, ['a', 'b', 'c']],
  ] as const)('moves the grid at %i by %i', (index, step, expected) => {
    expect(moveGrid(['a', 'b', 'c'], index, step)).toEqual(expected);
  });
});
