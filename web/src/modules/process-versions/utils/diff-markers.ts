import type { DiffResult } from '@contracts/process-versions';

/** How an element changed, as the change list and the markers name it. */
export type ChangeKind = 'added' | 'removed' | 'changed' | 'moved';

/** Marker classes for the left (older) and right (newer) diagram: removed on the left, added on the right, the rest on both. */
export function diffMarkers(changes: DiffResult['changes']): { left: Record<string, string[]>; right: Record<string, string[]> } {
  const left: Record<string, string[]> = {};
  const right: Record<string, string[]> = {};
  for (const element of changes.removed) left[element.id] = ['pv-removed'];
  for (const element of changes.added) right[element.id] = ['pv-added'];
  for (const element of changes.changed) left[element.id] = right[element.id] = ['pv-changed'];
  for (const element of changes.moved) left[element.id] = right[element.id] = ['pv-moved'];
  return { left, right };
}

/** One row of the change list. */
export interface ChangeRow {
  id: string;
  name?: string;
  type: string;
  kind: ChangeKind;
  properties: Array<{ property: string; before?: string; after?: string }>;
}

/** The change list: changed elements first (they say what differs), then added, removed and moved. */
export function changeRows(changes: DiffResult['changes']): ChangeRow[] {
  return [
    ...changes.changed.map((element) => ({ ...element, kind: 'changed' as const })),
    ...changes.added.map((element) => ({ ...element, kind: 'added' as const, properties: [] })),
    ...changes.removed.map((element) => ({ ...element, kind: 'removed' as const, properties: [] })),
    ...changes.moved.map((element) => ({ ...element, kind: 'moved' as const, properties: [] })),
  ];
}
