import type { DiffSide } from '@contracts/process-versions';

/**
 * Reads one side of /designer/diff?left=..&right=..: `def:<definitionId>` for a deployed version, `draft:<id>` or
 * `draft:<id>@<revision>` for a draft. Anything else is null.
 */
export function parseDiffSide(value: unknown): DiffSide | null {
  if (typeof value !== 'string') return null;
  if (value.startsWith('def:') && value.length > 4) return { definitionId: value.slice(4) };
  const draft = /^draft:(\d+)(?:@(\d+))?$/.exec(value);
  if (!draft) return null;
  return draft[2] ? { draftId: Number(draft[1]), revision: Number(draft[2]) } : { draftId: Number(draft[1]) };
}

/** Writes a diff side the way the URL carries it. */
export function diffSideParam(side: DiffSide): string {
  if ('definitionId' in side) return `def:${side.definitionId}`;
  return side.revision ? `draft:${side.draftId}@${side.revision}` : `draft:${side.draftId}`;
}
