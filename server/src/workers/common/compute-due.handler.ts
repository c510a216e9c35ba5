import { z } from 'zod';
import { recordCaseEvent } from '../../modules/cases/index.js';
import { loadWorkingCalendar, type WorkingCalendar } from '../../modules/calendar/index.js';
import { defineHandler } from '../runtime/index.js';
import { Topics } from '../topics.js';
import type { CommonDeps } from './common-deps.js';

const input = z.object({
  dueMode: z.enum(['start', 'extend', 'resume']),
  caseId: z.number().int(),
  departmentCode: z.string(),
  limitAmount: z.number().positive(),
  limitUnit: z.enum(['h', 'wh', 'wd']),
  handlingDue: z.date().nullish(),
  suspendedAt: z.date().nullish(),
  extensionDays: z.number().int().positive().max(60).nullish(),
});

type Input = z.output<typeof input>;

/** Share of the limit after which the reminder (催办) goes out. */
const reminderShare = 0.8;
/** Working days overdue after which the case is publicly noticed (通报). */
const noticeAfterWorkingDays = 5;

/** The three instants of a department's branch, as stored for a redelivery (ISO strings). */
type DueDates = { handlingDue: string; reminderAt: string; noticeAt: string };

/**
 * 计算处置时限: the department's due date in working time, the reminder before it and the public-notice mark after it.
 * Extensions add approved working days; a resumed case gets back the working time it spent suspended.
 */
export function computeDueHandler(deps: CommonDeps) {
  const clock = deps.clock ?? (() => new Date());
  return defineHandler({
    topic: Topics.ComputeDue,
    input,
    outputScope: 'local',
    async handle(v, { once }) {
      if (v.dueMode === 'extend' && (!v.handlingDue || !v.extensionDays)) throw new Error('延期需要原处置期限和批准的延期天数 (handlingDue and extensionDays are required to extend)');
      if (v.dueMode === 'resume' && (!v.handlingDue || !v.suspendedAt)) throw new Error('恢复处置需要原处置期限和缓办时间 (handlingDue and suspendedAt are required to resume)');
      // "Now" is read inside once(): a redelivered task gets the first delivery's dates back, not dates of its own.
      const dates = await once('due-dates', async (manager): Promise<DueDates> => {
        const now = clock();
        const calendar = await loadWorkingCalendar(manager, deps.workingHours);
        const due = dueDate(v, calendar, now);
        if (v.dueMode !== 'start') {
          await recordCaseEvent(manager, { caseId: v.caseId, type: v.dueMode === 'extend' ? 'extended' : 'resumed', department: v.departmentCode, actor: 'system', at: now, data: { handlingDue: due.toISOString(), previousDue: v.handlingDue?.toISOString() ?? null } });
        }
        const reminderAt = new Date(now.getTime() + Math.max(1000, (due.getTime() - now.getTime()) * reminderShare));
        const noticeAt = calendar.addLimit(due, noticeAfterWorkingDays, 'wd');
        return { handlingDue: due.toISOString(), reminderAt: reminderAt.toISOString(), noticeAt: noticeAt.toISOString() };
      });
      return { handlingDue: new Date(dates.handlingDue), reminderAt: new Date(dates.reminderAt), noticeAt: new Date(dates.noticeAt) };
    },
  });
}

function dueDate(v: Input, calendar: WorkingCalendar, now: Date): Date {
  if (v.dueMode === 'extend' && v.handlingDue && v.extensionDays) return calendar.addLimit(v.handlingDue, v.extensionDays, 'wd');
  if (v.dueMode === 'resume' && v.handlingDue && v.suspendedAt) {
    return v.limitUnit === 'h'
      ? new Date(now.getTime() + Math.max(0, v.handlingDue.getTime() - v.suspendedAt.getTime()))
      : calendar.addLimit(now, Math.max(0, calendar.workingMsBetween(v.suspendedAt, v.handlingDue)) / 3_600_000, 'wh');
  }
  return calendar.addLimit(now, v.limitAmount, v.limitUnit);
}
