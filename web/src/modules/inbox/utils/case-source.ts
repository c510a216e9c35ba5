import type { CaseSource } from '@contracts/cases';

/** The console page of the joint operation or patrol run a case was filed from, or null when it came from elsewhere. */
export function caseSourcePath(source: CaseSource, sourceRef: string | null): string | null {
  if (!sourceRef) return null;
  const ref = encodeURIComponent(sourceRef);
  if (source === 'joint-enforcement') return `/operations/${ref}`;
  if (source === 'joint-patrol') return `/patrols/runs/${ref}`;
  return null;
}
