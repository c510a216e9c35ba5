import { z } from 'zod';
import { beijingDay } from '../../modules/calendar/index.js';
import { AssistanceRequestEntity } from '../../modules/department-records/index.js';
import { notify } from '../../modules/notifications/index.js';
import { defineHandler } from '../runtime/index.js';
import { Topics } from '../topics.js';

const input = z.object({
  caseId: z.number().int(),
  caseNo: z.string(),
  categoryCode: z.string(),
  lng: z.number(),
  lat: z.number(),
  urgency: z.enum(['urgent', 'normal']),
  description: z.string().nullish(),
});

/** Whether a case needs police assistance: it is urgent, or a sudden road event (突发事件, categories E04xx). */
export function needsAssistance(v: { urgency: 'urgent' | 'normal'; categoryCode: string }): boolean {
  return v.urgency === 'urgent' || v.categoryCode.startsWith('E04');
}

/** The number of an assistance request (警务协助): JWXZ, the Beijing date and a serial, e.g. JWXZ-20261122-00001. */
export function assistanceRequestNo(createdAt: Date, serial: number): string {
  return `JWXZ-${beijingDay(createdAt).replaceAll('-', '')}-${String(serial).padStart(5, '0')}`;
}

/** 登记警务协助: files a police assistance request for an urgent road event and alerts the public-security group. */
export const fileAssistanceHandler = defineHandler({
  topic: Topics.PoliceFileAssistance,
  input,
  async handle(v, { task, once }) {
    if (!needsAssistance(v)) return { assistanceRequestNo: null };
    const requestNo = await once('file-assistance', async (manager) => {
      const createdAt = new Date();
      // The serial is the row's id, known only after the insert: a placeholder unique to the task holds the place.
      const { identifiers } = await manager.insert(AssistanceRequestEntity, {
        requestNo: `pending-${task.id}`.slice(0, 64),
        caseId: v.caseId,
        categoryCode: v.categoryCode,
        lng: v.lng,
        lat: v.lat,
        status: 'open',
        createdAt,
      });
      const id = Number(identifiers[0]?.id);
      const number = assistanceRequestNo(createdAt, id);
      await manager.update(AssistanceRequestEntity, { id }, { requestNo: number });
      await notify(manager, {
        recipients: [{ type: 'group', id: 'public-security' }],
        caseId: v.caseId,
        title: `警务协助请求 ${number}：案件 ${v.caseNo}${v.urgency === 'urgent' ? '（紧急）' : ''}`,
        body: `类别 ${v.categoryCode}，位置 ${v.lng.toFixed(6)},${v.lat.toFixed(6)}。${v.description ?? ''}`.trim(),
        event: 'case.assistance-requested',
      });
      return number;
    });
    return { assistanceRequestNo: requestNo };
  },
});
