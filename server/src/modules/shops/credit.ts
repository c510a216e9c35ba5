import type { MeasureKind } from '../../contracts/joint-operations.js';
import type { CreditGrade } from './shop.entity.js';

/** Points every shop starts the year with; they are reset yearly. */
export const yearlyCreditPoints = 1000;

/** The grade of a credit score: A from 900 points, B from 800, C from 600, D below. */
export function creditGradeOf(points: number): CreditGrade {
  if (points >= 900) return 'A';
  if (points >= 800) return 'B';
  if (points >= 600) return 'C';
  return 'D';
}

/** Points a measure takes off a shop's credit; 首违不罚 takes none, since the shop is not penalised. */
export const creditDeductions: Record<MeasureKind, number> = {
  advice: 0,
  'order-to-correct': 10,
  warning: 30,
  fine: 60,
  seizure: 100,
};

/** The deduction for a measure, none under 首违不罚; points never fall below zero. */
export function creditDeductionFor(measure: MeasureKind, firstViolationNoPenalty: boolean, current: number): number {
  return firstViolationNoPenalty ? 0 : Math.min(creditDeductions[measure], Math.max(current, 0));
}

/** The credit year of an instant: the calendar year in Beijing, where the yearly reset happens at midnight of 1 January. */
export function creditYearOf(at: Date): number {
  return new Date(at.getTime() + 8 * 3_600_000).getUTCFullYear();
}
