import { In, type EntityManager } from 'typeorm';
import { SanitationCrewEntity } from '../../modules/crews/index.js';
import { CrewAssignmentEntity } from '../../modules/department-records/index.js';
import { z } from 'zod';
import { CaseEventEntity, CaseFileEntity, recordCaseEvent, type CaseFile } from '../../modules/cases/index.js';
import { notify, type Recipient } from '../../modules/notifications/index.js';
import { defineHandler, type HandlerOutput } from '../runtime/index.js';
import { Topics } from '../topics.js';

const eventTypes = ['rejected', 'merged', 'handled', 'returned', 'reminded', 'overdue', 'public-notice', 'rework', 'closed'] as const;
type RecordedEvent = (typeof eventTypes)[number];

const input = z.looseObject({
  eventType: z.enum(eventTypes),
  caseId: z.number().int(),
  caseNo: z.string(),
  departmentCode: z.string().nullish(),
  handlingDue: z.date().nullish(),
  rejectReason: z.string().nullish(),
  mergeInto: z.string().nullish(),
  handlingResult: z.string().nullish(),
  returnReason: z.string().nullish(),
  verifyNote: z.string().nullish(),
  satisfaction: z.string().nullish(),
  returnedCount: z.number().int().nullish(),
  reworkCount: z.number().int().nullish(),
  reporter: z.string().nullish(),
  inspector: z.string().nullish(),
});
type Input = z.output<typeof input>;

/** What one kind of event does to the case file, whom it tells, and which process variables it sets. */
interface EventRule {
  status?: CaseFile['status'];
  onTime?(v: Input, now: Date): boolean | null;
  data?(v: Input): Record<string, unknown>;
  update?(v: Input, now: Date): Partial<CaseFile>;
  tell(v: Input): { recipients: Recipient[]; title: string; body: string };
  output?(v: Input): HandlerOutput;
  /** Further effects in the same transaction. */
  also?(manager: EntityManager, v: Input): Promise<void>;
}

const reporter = (v: Input): Recipient[] => (v.reporter ? [{ type: 'user', id: v.reporter }] : []);
const department = (v: Input): Recipient[] => (v.departmentCode ? [{ type: 'group', id: v.departmentCode }] : []);

const rules: Record<RecordedEvent, EventRule> = {
  rejected: {
    status: 'rejected',
    update: (v) => ({ rejectReason: v.rejectReason ?? null }),
    data: (v) => ({ reason: v.rejectReason }),
    tell: (v) => ({ recipients: reporter(v), title: `案件 ${v.caseNo} 不予立案`, body: `理由：${v.rejectReason ?? '未填写'}` }),
  },
  merged: {
    status: 'merged',
    update: (v) => ({ mergedInto: v.mergeInto ?? null }),
    data: (v) => ({ mergedInto: v.mergeInto }),
    tell: (v) => ({ recipients: reporter(v), title: `案件 ${v.caseNo} 已合并`, body: `已并入在办案件 ${v.mergeInto ?? ''}，将一并处理。` }),
  },
  handled: {
    status: 'handled',
    onTime: (v, now) => (v.handlingDue ? now <= v.handlingDue : null),
    data: (v) => ({ result: v.handlingResult }),
    tell: (v) => ({ recipients: v.inspector ? [{ type: 'user', id: v.inspector }] : [{ type: 'group', id: 'grid-inspection' }], title: `案件 ${v.caseNo} 已处置，请核查`, body: v.handlingResult ?? '' }),
    also: (manager, v) => (v.departmentCode === 'sanitation' ? releaseCrews(manager, v.caseId) : Promise.resolve()),
  },
  returned: {
    status: 'returned',
    data: (v) => ({ reason: v.returnReason }),
    tell: (v) => ({ recipients: [{ type: 'group', id: 'command-centre' }], title: `案件 ${v.caseNo} 被退单`, body: `退单理由：${v.returnReason ?? '未填写'}，请重新派遣。` }),
    output: (v) => ({ returnedCount: (v.returnedCount ?? 0) + 1 }),
  },
  reminded: {
    data: (v) => ({ handlingDue: v.handlingDue?.toISOString() }),
    tell: (v) => ({ recipients: department(v), title: `催办：案件 ${v.caseNo} 即将到期`, body: `处置期限 ${v.handlingDue?.toISOString() ?? ''}，请尽快办结。` }),
  },
  overdue: {
    onTime: () => false,
    data: (v) => ({ handlingDue: v.handlingDue?.toISOString() }),
    tell: (v) => ({ recipients: [{ type: 'group', id: 'supervision' }, ...department(v)], title: `督办：案件 ${v.caseNo} 已超期`, body: '已转督办，请部门说明原因并尽快办结。' }),
  },
  'public-notice': {
    onTime: () => false,
    tell: (v) => ({ recipients: [{ type: 'group', id: 'supervision' }, { type: 'group', id: 'command-centre' }, ...department(v)], title: `通报：案件 ${v.caseNo} 超期 5 个工作日`, body: '案件已列入通报。' }),
  },
  rework: {
    status: 'dispatched',
    data: (v) => ({ note: v.verifyNote }),
    update: (v) => ({ reworkCount: (v.reworkCount ?? 0) + 1 }),
    tell: (v) => ({ recipients: [{ type: 'group', id: 'command-centre' }], title: `案件 ${v.caseNo} 核查未通过，返工`, body: v.verifyNote ?? '' }),
    output: (v) => ({ reworkCount: (v.reworkCount ?? 0) + 1 }),
  },
  closed: {
    status: 'closed',
    update: (v, now) => ({ closedAt: now, satisfaction: v.satisfaction ?? null }),
    data: (v) => ({ satisfaction: v.satisfaction }),
    tell: (v) => ({ recipients: reporter(v), title: `案件 ${v.caseNo} 已结案`, body: '感谢您的反映。' }),
  },
};

/** 案件事件登记: one handler for every recorded step; the BPMN names the step with the eventType input parameter. */
export const recordEventHandler = defineHandler({
  topic: Topics.RecordEvent,
  input,
  async handle(v, { once }) {
    const rule = rules[v.eventType];
    const now = new Date();
    await once('record-event', async (manager) => {
      const onTime = v.eventType === 'closed' ? await closedOnTime(manager, v.caseId) : (rule.onTime?.(v, now) ?? null);
      await recordCaseEvent(manager, { caseId: v.caseId, type: v.eventType, department: v.departmentCode ?? null, actor: 'system', at: now, onTime, data: rule.data?.(v) ?? null });
      const changes = { ...(rule.status ? { status: rule.status } : {}), ...rule.update?.(v, now) };
      if (Object.keys(changes).length) await manager.update(CaseFileEntity, { id: v.caseId }, changes);
      const message = rule.tell(v);
      if (message.recipients.length) await notify(manager, { ...message, caseId: v.caseId, event: `case.${v.eventType}` });
      await rule.also?.(manager, v);
    });
    return rule.output?.(v) ?? {};
  },
});

/**
 * Sanitation crews sent to a case are free again once the department reports it handled, unless a crew's latest
 * assignment is another case's (it was freed after an earlier handling of this one and sent elsewhere meanwhile).
 */
async function releaseCrews(manager: EntityManager, caseId: number): Promise<void> {
  const assignments = await manager.findBy(CrewAssignmentEntity, { caseId });
  if (!assignments.length) return;
  const history = await manager.find(CrewAssignmentEntity, { where: { crewCode: In(assignments.map((a) => a.crewCode)) }, order: { id: 'ASC' } });
  const latestCaseOf = new Map(history.map((a) => [a.crewCode, a.caseId]));
  const ours = [...latestCaseOf].filter(([, latestCaseId]) => latestCaseId === caseId).map(([code]) => code);
  if (ours.length) await manager.update(SanitationCrewEntity, { code: In(ours), status: 'busy' }, { status: 'available', updatedAt: new Date() });
}

/** A case closes on time when no department went overdue. */
async function closedOnTime(manager: EntityManager, caseId: number): Promise<boolean> {
  return !(await manager.existsBy(CaseEventEntity, { caseId, type: 'overdue' }));
}
