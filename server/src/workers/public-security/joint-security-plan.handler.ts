import { z } from 'zod';
import { issueDocument, JointOperationEntity, operationArea, recordOperationEvent } from '../../modules/joint-operations/index.js';
import { notify } from '../../modules/notifications/index.js';
import { defineHandler } from '../runtime/index.js';
import { Topics } from '../topics.js';

const input = z.object({
  operationId: z.number().int(),
  departmentCode: z.string(),
  people: z.number().int().nullish(),
  vehicles: z.number().int().nullish(),
});

/**
 * 警力保障方案: once public security has confirmed its people and vehicles, issues the numbered security plan for the
 * operation's area and time window (order on site, identity and vehicle checks, escorts) and tells the department.
 */
export const jointSecurityPlanHandler = defineHandler({
  topic: Topics.PoliceJointSecurityPlan,
  input,
  async handle(v, { once }) {
    const planNo = await once('security-plan', async (manager) => {
      const op = await manager.findOneByOrFail(JointOperationEntity, { id: v.operationId });
      const { gridCodes } = await operationArea(manager, op.id);
      const issuedAt = new Date();
      const content = { people: v.people ?? null, vehicles: v.vehicles ?? null, gridCodes, startsAt: op.startsAt.toISOString(), endsAt: op.endsAt.toISOString(), duties: ['现场秩序维护', '身份与车辆核查', '执法人员安全保障'] };
      const number = await issueDocument(manager, { kind: 'security-plan', operationId: op.id, departmentCode: v.departmentCode, issuedAt, content });
      await recordOperationEvent(manager, { operationId: op.id, type: 'security-plan', actor: 'worker:public-security', departmentCode: v.departmentCode, at: issuedAt, data: { documentNo: number, people: content.people, vehicles: content.vehicles } });
      await notify(manager, {
        recipients: [{ type: 'group', id: v.departmentCode }],
        title: `联合执法 ${op.ref} 警力保障方案 ${number}`,
        body: `警力 ${content.people ?? '-'} 人、车辆 ${content.vehicles ?? '-'} 辆，覆盖 ${gridCodes.length} 个网格，负责现场秩序、身份与车辆核查和执法人员安全。`,
        event: 'operation.security-plan',
      });
      return number;
    });
    return { securityPlanNo: planNo };
  },
  outputScope: 'local',
});
