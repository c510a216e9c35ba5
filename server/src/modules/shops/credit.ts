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
