import type { CreditGradeView } from '@contracts/shops';

/** The colour of a credit grade on the map and in tags: green A, blue B, orange C, red D (Element Plus palette). */
export const gradeColours: Record<CreditGradeView, string> = { A: '#67c23a', B: '#409eff', C: '#e6a23c', D: '#f56c6c' };

/** The Element Plus tag type of a credit grade. */
export const gradeTagTypes = { A: 'success', B: 'primary', C: 'warning', D: 'danger' } as const satisfies Record<CreditGradeView, string>;
