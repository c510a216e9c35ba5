import type { Router } from 'vue-router';

/**
 * Where a case number links: the case page `/cases/<caseNo>` when the app has such a route. The inbox opens cases by
 * task, not by number, so without it the number shows as plain text (with its live status beside it).
 */
export function caseLink(router: Router, caseNo: string): string | null {
  const path = `/cases/${encodeURIComponent(caseNo)}`;
  const matched = router.resolve(path).matched;
  return matched.length > 0 && !matched.some((record) => record.path.includes('pathMatch')) ? path : null;
}
