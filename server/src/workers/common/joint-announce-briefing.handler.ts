import { z } from 'zod';
import { DepartmentEntity } from '../../modules/departments/index.js';
import { beijingLocal, JointOperationEntity, OperationParticipantEntity, recordOperationEvent } from '../../modules/joint-operations/index.js';
import { notify } from '../../modules/notifications/index.js';
import { defineHandler } from '../runtime/index.js';
import { Topics } from '../topics.js';

const input = z.object({ operationId: z.number().int() });

/**
 * 发布简报: once every department has confirmed, tells the coordinator and the participants when and where the briefing
 * is, with each department's tasks and confirmed people and vehicles; the operation then waits for its start.
 */
export const jointAnnounceBriefingHandler = defineHandler({
  topic: Topics.JointAnnounceBriefing,
  input,
  async handle(v, { once }) {
    await once('announce-briefing', async (manager) => {
      const op = await manager.findOneByOrFail(JointOperationEntity, { id: v.operationId });
      const participants = await manager.find(OperationParticipantEntity, { where: { operationId: op.id }, order: { id: 'ASC' } });
      const names = new Map((await manager.find(DepartmentEntity)).map((d) => [d.code, d.nameZh]));
      const lines = participants.map((p) => `${names.get(p.departmentCode) ?? p.departmentCode}：${p.tasks}（${p.people ?? '-'} 人，${p.vehicles ?? '-'} 辆车）`);
      const at = beijingLocal(op.briefingAt).replace('T', ' ');
      await manager.update(JointOperationEntity, { id: op.id }, { status: 'briefing' });
      await recordOperationEvent(manager, {
        operationId: op.id,
        type: 'briefing-announced',
        actor: 'system',
        data: { at: op.briefingAt.toISOString(), place: op.briefingPlace, participants: participants.map((p) => ({ departmentCode: p.departmentCode, people: p.people, vehicles: p.vehicles })) },
      });
      await notify(manager, {
        recipients: [{ type: 'user', id: op.createdBy }, ...participants.map((p) => ({ type: 'group' as const, id: p.departmentCode }))],
        title: `联合执法 ${op.ref} 简报：${at}，${op.briefingPlace}`,
        body: `${op.title}（${op.target}），${beijingLocal(op.startsAt).replace('T', ' ')} 开始。\n${lines.join('\n')}`,
        event: 'operation.briefing-announced',
      });
    });
    return {};
  },
});
