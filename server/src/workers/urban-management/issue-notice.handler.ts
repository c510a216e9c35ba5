import { z } from 'zod';
import { beijingDay } from '../../modules/calendar/index.js';
import { recordCaseEvent } from '../../modules/cases/index.js';
import { RectificationNoticeEntity } from '../../modules/department-records/index.js';
import { defineHandler } from '../runtime/index.js';
import { Topics } from '../topics.js';

const input = z.object({
  caseId: z.number().int(),
  caseNo: z.string(),
  handlingDue: z.date(),
});

/** The number printed on a rectification notice: issuing authority, year (Beijing time) and serial, e.g. 青禾城管责改〔2026〕第00001号. */
export function rectificationNoticeNo(issuedAt: Date, serial: number): string {
  return `青禾城管责改〔${beijingDay(issuedAt).slice(0, 4)}〕第${String(serial).padStart(5, '0')}号`;
}

/** 开具整改通知书: issues a numbered rectification notice (责令整改通知书) due at the department's handling deadline. */
export const issueNoticeHandler = defineHandler({
  topic: Topics.UrbanIssueNotice,
  input,
  async handle(v, { task, once }) {
    const noticeNo = await once('issue-notice', async (manager) => {
      const issuedAt = new Date();
      // The serial is the row's id, known only after the insert: a placeholder unique to the task holds the place.
      const { identifiers } = await manager.insert(RectificationNoticeEntity, {
        noticeNo: `pending-${task.id}`.slice(0, 64),
        caseId: v.caseId,
        department: 'urban-management',
        issuedAt,
        deadline: v.handlingDue,
      });
      const id = Number(identifiers[0]?.id);
      const number = rectificationNoticeNo(issuedAt, id);
      await manager.update(RectificationNoticeEntity, { id }, { noticeNo: number });
      await recordCaseEvent(manager, { caseId: v.caseId, type: 'notice-issued', department: 'urban-management', actor: 'worker:urban-management', at: issuedAt, data: { noticeNo: number } });
      return number;
    });
    return { rectificationNoticeNo: noticeNo };
  },
});
