import type { AuditQuery } from './requests';
import { beijingDayRange } from '@/utils/beijing-time';

/** What the audit filter form holds; dates are Beijing calendar days "YYYY-MM-DD". */
export interface AuditFilters {
  actor: string;
  action: string;
  targetType: string;
  targetId: string;
  dates: [string, string] | null;
}

/** The audit filter form with nothing chosen. */
export function emptyAuditFilters(): AuditFilters {
  return { actor: '', action: '', targetType: '', targetId: '', dates: null };
}

/** The GET /api/audit query of the filter form and page; a date range covers whole Beijing days. */
export function toAuditQuery(filters: AuditFilters, page: number, pageSize: number): AuditQuery {
  const range = filters.dates ? beijingDayRange(filters.dates[0], filters.dates[1]) : { from: '', to: '' };
  return {
    actor: filters.actor.trim(),
    action: filters.action.trim(),
    targetType: filters.targetType,
    targetId: filters.targetId.trim(),
    ...range,
    page,
    pageSize,
  };
}
