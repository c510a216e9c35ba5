/** How one field differs between an audit record's before and after state. */
export type AuditChange = 'added' | 'removed' | 'changed' | 'same';

/** One field of an audit record's before/after state. */
export interface AuditDiffRow {
  /** Dotted path of the field, e.g. `after.roles.0`; empty for a state that is a single value. */
  path: string;
  before: unknown;
  after: unknown;
  change: AuditChange;
}

const isContainer = (value: unknown): value is Record<string, unknown> | unknown[] => typeof value === 'object' && value !== null;

function flatten(value: unknown, prefix: string, into: Map<string, unknown>, depth: number): void {
  if (isContainer(value) && depth < 6 && Object.keys(value).length > 0) {
    for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, into, depth + 1);
  } else if (value !== undefined) {
    into.set(prefix, value);
  }
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The fields of `before` and `after`, flattened to dotted paths and compared; an absent state is null or undefined. */
export function auditDiff(before: unknown, after: unknown): AuditDiffRow[] {
  const left = new Map<string, unknown>();
  const right = new Map<string, unknown>();
  flatten(before ?? undefined, '', left, 0);
  flatten(after ?? undefined, '', right, 0);
  const paths = [...new Set([...left.keys(), ...right.keys()])];
  return paths.map((path) => {
    const had = left.has(path);
    const has = right.has(path);
    const change: AuditChange = !had ? 'added' : !has ? 'removed' : same(left.get(path), right.get(path)) ? 'same' : 'changed';
    return { path, before: left.get(path), after: right.get(path), change };
  });
}

/** A state value as short text for the diff table. */
export function formatAuditValue(value: unknown): string {
  if (value === undefined) return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
