import type { MeasureKind, OperationDetail } from '@contracts/joint-operations';

/** A measure column of the counts table: the five measures mildest first, then findings without a measure. */
export type CountColumn = MeasureKind | 'none';

/** The columns of the counts table, in the order the report prints them. */
export const countColumns: readonly CountColumn[] = ['advice', 'order-to-correct', 'warning', 'fine', 'seizure', 'none'];

/** One department's row: its count per measure and its total. */
export interface CountRow {
  departmentCode: string;
  cells: Record<CountColumn, number>;
  total: number;
}

/** The counts per department and measure as a table with totals per column and overall. */
export interface CountTable {
  rows: CountRow[];
  totals: Record<CountColumn, number>;
  total: number;
}

function emptyCells(): Record<CountColumn, number> {
  return { advice: 0, 'order-to-correct': 0, warning: 0, fine: 0, seizure: 0, none: 0 };
}

/**
 * Groups the server's counts into one row per department: the participating departments first, in plan order (a
 * department with nothing found still gets its row of zeros), then any other department that recorded something.
 */
export function countTable(counts: OperationDetail['counts'], departments: readonly string[] = []): CountTable {
  const rows = new Map<string, CountRow>();
  const rowOf = (code: string): CountRow => {
    let row = rows.get(code);
    if (!row) rows.set(code, (row = { departmentCode: code, cells: emptyCells(), total: 0 }));
    return row;
  };
  departments.forEach(rowOf);
  const totals = emptyCells();
  let total = 0;
  for (const { departmentCode, measure, count } of counts) {
    const column: CountColumn = countColumns.includes(measure) ? measure : 'none';
    const row = rowOf(departmentCode);
    row.cells[column] += count;
    row.total += count;
    totals[column] += count;
    total += count;
  }
  return { rows: [...rows.values()], totals, total };
}

/** The measure columns worth printing: the five measures always, "no measure" only when some finding has none. */
export function visibleColumns(table: CountTable): CountColumn[] {
  return countColumns.filter((column) => column !== 'none' || table.totals.none > 0);
}
