import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import type { OperationStatus } from '../../contracts/joint-operations.js';
import { JointOperationEntity, OperationFindingEntity, OperationParticipantEntity, recordOperationEvent, type JointOperation } from '../../modules/joint-operations/index.js';
import { notify, type Recipient } from '../../modules/notifications/index.js';
import { defineHandler } from '../runtime/index.js';
import { Topics } from '../topics.js';

const eventTypes = ['returned', 'resubmitted', 'cancelled', 'approved', 'confirmed', 'escalated', 'started', 'department-done', 'reminded', 'execution-ended', 'followed-up', 'finished'] as const;
type JointEvent = (typeof eventTypes)[number];

const input = z.looseObject({
  eventType: z.enum(eventTypes),
  operationId: z.number().int(),
  departmentCode: z.string().nullish(),
  reviewer: z.string().nullish(),
  returnReason: z.string().nullish(),
  approvalComment: z.string().nullish(),
  revisionNote: z.string().nullish(),
  people: z.number().int().nullish(),
  vehicles: z.number().int().nullish(),
  confirmNote: z.string().nullish(),
  confirmedBy: z.string().nullish(),
  confirmBy: z.date().nullish(),
  executionNote: z.string().nullish(),
  endsAt: z.date().nullish(),
  findingId: z.number().int().nullish(),
  corrected: z.boolean().nullish(),
  followUpNote: z.string().nullish(),
  reInspectedBy: z.string().nullish(),
});
type Input = z.output<typeof input>;

/** What one kind of event does to the operation, whom it tells, and who did it. */
interface EventRule {
  status?: OperationStatus;
  actor?(v: Input): string | null | undefined;
  data?(v: Input): Record<string, unknown>;
  /** Changes to the operation row besides its status. */
  update?(v: Input): Partial<JointOperation>;
  /** Further changes in the same transaction (participants, findings). */
  apply?(manager: EntityManager, v: Input, now: Date): Promise<void>;
  tell?(v: Input, op: JointOperation, departments: string[]): { recipients: Recipient[]; title: string; body: string };
}

const groups = (codes: readonly string[]): Recipient[] => codes.map((id) => ({ type: 'group', id }));
const coordinator = (op: JointOperation): Recipient[] => [{ type: 'user', id: op.createdBy }];
const own = (v: Input): Recipient[] => (v.departmentCode ? groups([v.departmentCode]) : []);
const participant = (v: Input) => ({ operationId: v.operationId, departmentCode: v.departmentCode ?? '' });
const time = (d: Date | null | undefined) => (d ? d.toISOString() : null);

const rules: Record<JointEvent, EventRule> = {
  returned: {
    status: 'returned',
    actor: (v) => v.reviewer,
    update: (v) => ({ returnReason: v.returnReason ?? null }),
    data: (v) => ({ reason: v.returnReason }),
    tell: (v, op) => ({ recipients: coordinator(op), title: `联合执法 ${op.ref} 方案被退回`, body: `退回理由：${v.returnReason ?? '未填写'}。请修改后重新提交，或撤销本次行动。` }),
  },
  resubmitted: {
    status: 'pending-approval',
    update: () => ({ returnReason: null }),
    data: (v) => ({ note: v.revisionNote }),
    tell: (v, op) => ({ recipients: groups(['command-centre', 'supervision']), title: `联合执法 ${op.ref} 方案已修改，请审批`, body: v.revisionNote ?? '' }),
  },
  cancelled: {
    status: 'cancelled',
    data: (v) => ({ note: v.revisionNote }),
    tell: (v, op, departments) => ({ recipients: [...groups(departments), ...groups(['command-centre'])], title: `联合执法 ${op.ref} 已撤销`, body: v.revisionNote ?? '' }),
  },
  approved: {
    status: 'confirming',
    actor: (v) => v.reviewer,
    update: (v) => ({ approvedBy: v.reviewer ?? null, returnReason: null }),
    data: (v) => ({ comment: v.approvalComment }),
    tell: (_v, op, departments) => ({ recipients: [...groups(departments), ...coordinator(op)], title: `联合执法 ${op.ref} 已批准：${op.title}`, body: `请各参与部门在 ${op.confirmBy.toISOString()} 前确认参加的人员和车辆。` }),
  },
  confirmed: {
    actor: (v) => v.confirmedBy,
    data: (v) => ({ people: v.people, vehicles: v.vehicles, note: v.confirmNote }),
    apply: async (manager, v, now) => void (await manager.update(OperationParticipantEntity, participant(v), { status: 'confirmed', people: v.people ?? null, vehicles: v.vehicles ?? null, confirmedBy: v.confirmedBy ?? null, confirmedAt: now })),
    tell: (v, op) => ({ recipients: coordinator(op), title: `联合执法 ${op.ref}：${v.departmentCode} 已确认`, body: `人员 ${v.people ?? '-'} 人，车辆 ${v.vehicles ?? '-'} 辆。` }),
  },
  escalated: {
    data: (v) => ({ confirmBy: time(v.confirmBy) }),
    apply: async (manager, v) => void (await manager.update(OperationParticipantEntity, { ...participant(v), status: 'waiting' }, { status: 'escalated' })),
    tell: (v, op) => ({ recipients: [...groups(['supervision']), ...own(v), ...coordinator(op)], title: `督办：联合执法 ${op.ref} 的 ${v.departmentCode} 未按时确认`, body: `确认截止时间 ${time(v.confirmBy) ?? ''} 已过，请尽快确认参加的人员和车辆。` }),
  },
  started: {
    status: 'executing',
    apply: async (manager, v) => void (await manager.update(OperationParticipantEntity, { operationId: v.operationId }, { executing: true })),
    tell: (_v, op, departments) => ({ recipients: [...groups(departments), ...coordinator(op)], title: `联合执法 ${op.ref} 开始执行`, body: '请各部门按分工执行，并在行动页逐条登记发现和执法措施。' }),
  },
  'department-done': {
    data: (v) => ({ note: v.executionNote }),
    apply: async (manager, v, now) => void (await manager.update(OperationParticipantEntity, participant(v), { executing: false, doneAt: now })),
  },
  reminded: {
    data: (v) => ({ endsAt: time(v.endsAt) }),
    tell: (v, op) => ({ recipients: own(v), title: `提醒：联合执法 ${op.ref} 已到结束时间`, body: '本部门的执行任务仍未办结，请尽快完成记录并办结。' }),
  },
  'execution-ended': {
    status: 'wrap-up',
    tell: (_v, op) => ({ recipients: [...groups([op.leadDepartment]), ...coordinator(op)], title: `联合执法 ${op.ref} 执行结束，请牵头部门撰写总结`, body: op.title }),
  },
  'followed-up': {
    actor: (v) => v.reInspectedBy,
    data: (v) => ({ findingId: v.findingId, corrected: v.corrected, note: v.followUpNote }),
    apply: async (manager, v, now) =>
      void (await manager.update(OperationFindingEntity, { id: v.findingId ?? 0, operationId: v.operationId }, { followUpStatus: v.corrected ? 'corrected' : 'not-corrected', followUpBy: v.reInspectedBy ?? null, followUpAt: now, followUpNote: v.followUpNote ?? null })),
  },
  finished: {
    status: 'finished',
    tell: (_v, op) => ({ recipients: coordinator(op), title: `联合执法 ${op.ref} 已完成`, body: op.title }),
  },
};

/** 联合执法事件登记: one handler for every recorded step of joint-enforcement; the BPMN names it with eventType. */
export const jointRecordEventHandler = defineHandler({
  topic: Topics.JointRecordEvent,
  input,
  async handle(v, { once }) {
    const rule = rules[v.eventType];
    await once('joint-record-event', async (manager) => {
      const now = new Date();
      const op = await manager.findOneByOrFail(JointOperationEntity, { id: v.operationId });
      const changes = { ...(rule.status ? { status: rule.status } : {}), ...rule.update?.(v) };
      if (Object.keys(changes).length) await manager.update(JointOperationEntity, { id: op.id }, changes);
      await rule.apply?.(manager, v, now);
      await recordOperationEvent(manager, { operationId: op.id, type: v.eventType, actor: rule.actor?.(v) ?? 'system', departmentCode: v.departmentCode ?? null, at: now, data: rule.data?.(v) ?? null });
      const departments = (await manager.find(OperationParticipantEntity, { where: { operationId: op.id }, order: { id: 'ASC' } })).map((p) => p.departmentCode);
      const message = rule.tell?.(v, op, departments);
      if (message?.recipients.length) await notify(manager, { ...message, event: `operation.${v.eventType}` });
    });
    return {};
  },
});
