import { z } from 'zod';
import { CaseEventEntity } from '../../modules/cases/index.js';
import { loadWorkingCalendar } from '../../modules/calendar/index.js';
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

/** Share of the limit after which the reminder (催办) goes out. */
const reminderShare = 0.8;
/** Working days overdue after which the case is publicly noticed (通报). */
const noticeAfterWorkingDays = 5;

/**
 * 计算处置时限: the department's due date in working time, the reminder before it and the public-notice mark after it.
 * Extensions add approved working days; a resumed case gets back the working time it spent suspended.
 */
export function computeDueHandler(deps: CommonDeps) {
  return defineHandler({
    topic: Topics.ComputeDue,
    input,
    outputScope: 'local',
    async handle(v, { manager, once }) {
      const calendar = await loadWorkingCalendar(manager, deps.workingHours);
      const now = new Date();
      if (v.dueMode === 'extend' && (!v.handlingDue || !v.extensionDays)) throw new Error('延期需要原处置期限和批准的延期天数 (handlingDue and extensionDays are required to extend)');
      if (v.dueMode === 'resume' && (!v.handlingDue || !v.suspendedAt)) throw new Error('恢复处置需要原处置期限和缓办时间 (handlingDue and suspendedAt are required to resume)');
      let due: Date;
      if (v.dueMode === 'extend' && v.handlingDue && v.extensionDays) {
        due = calendar.addLimit(v.handlingDue, v.extensionDays, 'wd');
      } else if (v.dueMode === 'resume' && v.handlingDue && v.suspendedAt) {
        due = v.limitUnit === 'h'
          ? new Date(now.getTime() + Math.max(0, v.handlingDue.getTime() - v.suspendedAt.getTime()))
          : calendar.addLimit(now, Math.max(0, calendar.workingMsBetween(v.suspendedAt, v.handlingDue)) / 3_600_000, 'wh');
      } else {
        due = calendar.addLimit(now, v.limitAmount, v.limitUnit);
      }
      if (v.dueMode !== 'start') {
        await once('record-due-change', (m) =>
          m.insert(CaseEventEntity, { caseId: v.caseId, type: v.dueMode === 'extend' ? 'extended' : 'resumed', department: v.departmentCode, actor: 'system', at: now, onTime: null, data: JSON.stringify({ handlingDue: due.toISOString(), previousDue: v.handlingDue?.toISOString() ?? null }) }),
        );
      }
      const reminderAt = new Date(now.getTime() + Math.max(1000, (due.getTime() - now.getTime()) * reminderShare));
      const noticeAt = calendar.addLimit(due, noticeAfterWorkingDays, 'wd');
      return { handlingDue: due, reminderAt, noticeAt };
    },
  });
}
