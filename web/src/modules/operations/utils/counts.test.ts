import { describe, expect, it } from 'vitest';
import { countTable, visibleColumns } from './counts';

describe('countTable', () => {
  it('gives each participating department a row in plan order, with totals per measure and overall', () => {
    // given findings of two of three departments
    const counts = [
      { departmentCode: 'commerce', measure: 'order-to-correct' as const, count: 2 },
      { departmentCode: 'urban-management', measure: 'seizure' as const, count: 1 },
      { departmentCode: 'urban-management', measure: 'order-to-correct' as const, count: 3 },
      { departmentCode: 'urban-management', measure: 'none' as const, count: 1 },
    ];
    // when they are grouped for the three departments of the plan
    const table = countTable(counts, ['urban-management', 'public-security', 'commerce']);
    // then the rows follow the plan, the silent department shows zeros, and the totals add up
    expect(table.rows.map((row) => [row.departmentCode, row.total])).toEqual([
      ['urban-management', 5],
      ['public-security', 0],
      ['commerce', 2],
    ]);
    expect(table.rows[0]!.cells).toEqual({ advice: 0, 'order-to-correct': 3, warning: 0, fine: 0, seizure: 1, none: 1 });
    expect(table.totals['order-to-correct']).toBe(5);
    expect(table.total).toBe(7);
    expect(visibleColumns(table)).toContain('none');
  });

  it('adds a department that recorded findings without being in the plan, and hides the empty "no measure" column', () => {
    const table = countTable([{ departmentCode: 'sanitation', measure: 'advice', count: 1 }], ['commerce']);
    expect(table.rows.map((row) => row.departmentCode)).toEqual(['commerce', 'sanitation']);
    expect(visibleColumns(table)).toEqual(['advice', 'order-to-correct', 'warning', 'fine', 'seizure']);
  });

  it('adds up repeated lines of the same department and measure', () => {
    const table = countTable([
      { departmentCode: 'commerce', measure: 'fine', count: 1 },
      { departmentCode: 'commerce', measure: 'fine', count: 2 },
    ]);
    expect(table.rows[0]!.cells.fine).toBe(3);
  });
});
