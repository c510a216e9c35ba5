import { EngineNotFoundError, EngineUnavailableError } from '../../errors/index.js';
import type { EngineClient, HistoricActivityInstance } from '../../engine/index.js';
import type { AuditRecord } from '../audit/index.js';
import type { CaseEvent, CaseEventType } from './case-event.entity.js';
import type { CaseComment } from './case-comment.entity.js';
import type { CaseFile } from './case-file.entity.js';
import { restrictedDepartment } from './case-scope.js';
import type { TimelineEntry } from '../../contracts/cases.js';

export type { TimelineEntry };

/** Who people are, for the department of their entries. */
export type PeopleDirectory = ReadonlyMap<string, { displayName: string; departmentCode: string | null }>;

/** What the timeline is built from besides the engine's history. */
export interface TimelineSources {
  engine: EngineClient;
  events: CaseEvent[];
  audits: AuditRecord[];
  comments: CaseComment[];
  people: PeopleDirectory;
  departmentNames: ReadonlyMap<string, string>;
}

const eventTitles: Record<CaseEventType, string> = {
  reported: '上报案件',
  accepted: '立案',
  rejected: '不予立案',
  merged: '合并到在办案件',
  dispatched: '任务派遣',
  'crew-assigned': '指派作业班组',
  'notice-issued': '开具整改通知书',
  'licence-checked': '核查经营主体执照',
  handled: '处置反馈',
  returned: '退单',
  extended: '延期',
  suspended: '缓办',
  resumed: '恢复处置',
  reminded: '催办',
  overdue: '超期督办',
  'public-notice': '通报',
  rework: '返工',
  closed: '结案',
  callback: '回访',
};

const auditTitles: Record<string, string> = {
  'case.create': '建立案卷',
  'case.photo-upload': '上传照片',
};

/** Engine activities that say nothing a reader needs: routing gateways, multi-instance wrappers, and user tasks (listed from the task history). */
const silentActivityTypes = new Set(['exclusiveGateway', 'parallelGateway', 'inclusiveGateway', 'eventBasedGateway', 'multiInstanceBody', 'userTask']);

/**
 * The complete history of a case, oldest first: its case events, its audit records, its comments, and the engine's
 * user tasks and activities. `complete` is false when the engine could not be asked.
 */
export async function caseTimeline(c: CaseFile, sources: TimelineSources): Promise<{ entries: TimelineEntry[]; complete: boolean }> {
  const { events, audits, people, departmentNames } = sources;
  const departmentOfActor = (actor: string) => people.get(actor)?.departmentCode ?? null;
  const withDepartment = (title: string, department: string | null) => (department ? `${title}（${departmentNames.get(department) ?? department}）` : title);

  const fromEngine = await engineEntries(sources.engine, c.processInstanceId);

  const entries: TimelineEntry[] = [
    ...events.map((e) => ({
      at: e.at.toISOString(),
      kind: e.type,
      title: withDepartment(eventTitles[e.type] ?? e.type, e.department),
      actor: e.actor,
      department: e.department,
      detail: { ...parseJson(e.data), onTime: e.onTime },
    })),
    // A comment's own entry carries its text; its audit record would only repeat it.
    ...audits.filter((a) => a.action !== 'case.comment').map((a) => ({
      at: a.at.toISOString(),
      kind: 'audit',
      title: auditTitles[a.action] ?? `操作记录 ${a.action}`,
      actor: a.actor,
      department: departmentOfActor(a.actor),
      detail: { action: a.action, ...parseJson(a.afterState) },
    })),
    ...sources.comments.map((m) => ({
      at: m.createdAt.toISOString(),
      kind: 'comment',
      title: '发表评论',
      actor: m.author,
      department: departmentOfActor(m.author),
      detail: { commentId: m.id, body: m.body },
    })),
    ...(fromEngine ?? []).map((e) => ({ ...e, title: withDepartment(e.title, e.department) })),
  ];
  const order = new Map(entries.map((e, i) => [e, i]));
  entries.sort((a, b) => a.at.localeCompare(b.at) || order.get(a)! - order.get(b)!);
  return { entries, complete: fromEngine !== undefined };
}

/** The caller's view of a timeline: public-security entries keep their time and title but lose their detail. */
export function redactTimeline(entries: TimelineEntry[], hideRestricted: boolean): TimelineEntry[] {
  if (!hideRestricted) return entries;
  return entries.map(({ detail, ...entry }) => (entry.department === restrictedDepartment ? entry : { ...entry, detail }));
}

/** User tasks (created and ended) and activities of the process instance; undefined when the engine cannot answer. */
async function engineEntries(engine: EngineClient, processInstanceId: string): Promise<TimelineEntry[] | undefined> {
  let history;
  try {
    history = await Promise.all([engine.historicTasks(processInstanceId), engine.activityHistory(processInstanceId), engine.historicVariableInstances(processInstanceId, 'departmentCode')]);
  } catch (error) {
    if (error instanceof EngineUnavailableError || error instanceof EngineNotFoundError) return undefined;
    throw error;
  }
  const [tasks, activities, departmentVariables] = history;
  const scoped = departmentVariables.filter((v) => v.executionId !== processInstanceId);
  const departmentOf = departmentResolver(activities, scoped.map((v) => ({ executionId: v.executionId, department: typeof v.value === 'string' ? v.value : null })));
  const entries: TimelineEntry[] = [];
  for (const t of tasks) {
    const name = t.name ?? t.taskDefinitionKey;
    const department = departmentOf(t.activityInstanceId);
    const detail = { taskId: t.id, taskDefinitionKey: t.taskDefinitionKey, due: t.due, assignee: t.assignee, startTime: t.startTime, endTime: t.endTime };
    entries.push({ at: normalise(t.startTime), kind: 'task-created', title: `生成待办：${name}`, actor: null, department, detail });
    if (t.endTime) {
      const completed = t.deleteReason === 'completed';
      entries.push({ at: normalise(t.endTime), kind: completed ? 'task-completed' : 'task-cancelled', title: `${completed ? '办结' : '撤销'}：${name}`, actor: t.assignee, department, detail });
    }
  }
  for (const a of activities) {
    if (silentActivityTypes.has(a.activityType)) continue;
    const detail = { activityId: a.activityId, activityType: a.activityType, endTime: a.endTime, canceled: a.canceled };
    entries.push({ at: normalise(a.startTime), kind: 'activity', title: a.activityName ?? a.activityId, actor: null, department: departmentOf(a.id), detail });
  }
  return entries;
}

/**
 * The department of an engine activity: the departmentCode of its enclosing handling subprocess. The subprocess's
 * input mapping puts that variable on the subprocess's own execution, so activities are matched by execution.
 */
function departmentResolver(activities: HistoricActivityInstance[], scopes: Array<{ executionId: string; department: string | null }>): (activityInstanceId: string) => string | null {
  const byId = new Map(activities.map((a) => [a.id, a]));
  const departmentOfExecution = new Map(scopes.map((s) => [s.executionId, s.department]));
  return (activityInstanceId) => {
    let activity = byId.get(activityInstanceId);
    for (let depth = 0; activity && depth < 32; depth++) {
      const department = activity.executionId ? departmentOfExecution.get(activity.executionId) : undefined;
      if (department) return department;
      activity = activity.parentActivityInstanceId ? byId.get(activity.parentActivityInstanceId) : undefined;
    }
    return null;
  };
}

/** Engine times (2026-01-02T08:30:00.000+0000) as ISO instants, so that they sort with ours. */
function normalise(engineTime: string): string {
  const date = new Date(engineTime);
  return Number.isNaN(date.getTime()) ? engineTime : date.toISOString();
}

function parseJson(text: string | null): Record<string, unknown> {
  if (!text) return {};
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : { value };
  } catch {
    return { text };
  }
}
