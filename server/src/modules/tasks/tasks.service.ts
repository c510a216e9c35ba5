import type { Logger } from 'pino';
import { In, type DataSource } from 'typeorm';
import type { EngineClient, Task, TaskQuery } from '../../engine/index.js';
import { ConflictError, EngineConflictError, NotFoundError, ValidationError } from '../../errors/index.js';
import { auditedEngineCall } from '../audit/index.js';
import type { CurrentUser } from '../auth/index.js';
import { caseProcessKey } from '../cases/index.js';
import { validateSubmission, type FormSchema } from '../forms/index.js';
import { UserEntity } from '../users/index.js';
import { inboxQuery } from './task-access.js';
import { processKeyOf, subjectsOf, type TaskPresenters } from './task-presenters.js';
import type { z } from 'zod';
import type { taskListQuery } from './tasks.schema.js';
import type { TaskDetail, TaskListResponse, TaskSubject, TaskView } from '../../contracts/tasks.js';
import type { TaskEvidence } from './task-intents.js';

export type { TaskView };

/** What the task routes need. */
export interface TaskDeps {
  engine: EngineClient;
  dataSource: DataSource;
  /** What the tasks of each listed process are about; the inbox lists the tasks of these processes only. */
  presenters: TaskPresenters;
  /** Where a done action whose audit record could not be written is reported. */
  logger?: Logger;
}

/** Window of "due soon". */
const dueSoonMs = 2 * 3_600_000;

type ListQuery = z.output<typeof taskListQuery>;

/** The caller's open tasks with counts per tab; filters apply before counting. */
export async function listTasks(deps: TaskDeps, user: CurrentUser, query: ListQuery): Promise<TaskListResponse> {
  const tasks = await deps.engine.tasks(inboxOf(deps, user, { sorting: [{ sortBy: 'dueDate', sortOrder: 'asc' }] }));
  const views = (await toViews(deps, tasks)).filter((t) => matches(t, query));
  const now = Date.now();
  const tabOf = {
    unclaimed: (t: TaskView) => t.assignee === null,
    mine: (t: TaskView) => t.assignee === user.username,
    'due-soon': (t: TaskView) => !t.overdue && t.due !== null && new Date(t.due).getTime() - now <= dueSoonMs,
    overdue: (t: TaskView) => t.overdue,
    all: () => true,
  };
  const counts = Object.fromEntries(Object.entries(tabOf).map(([tab, test]) => [tab, views.filter(test).length])) as TaskListResponse['counts'];
  return { items: views.filter(tabOf[query.tab]), counts };
}

/** One task the caller may work, with its form; NotFound otherwise, so other departments' tasks stay invisible. */
export async function getTask(deps: TaskDeps, user: CurrentUser, taskId: string): Promise<TaskDetail> {
  const task = await visibleTask(deps, user, taskId);
  const [view] = await toViews(deps, [task]);
  return { ...view!, form: task.camundaFormRef ? await deps.engine.deployedForm<FormSchema>(task.id) : null };
}

/** Claims a task; a task claimed by someone else is a clear conflict. */
export async function claimTask(deps: TaskDeps, user: CurrentUser, taskId: string): Promise<void> {
  const task = await visibleTask(deps, user, taskId);
  if (task.assignee === user.username) return;
  if (task.assignee) throw await claimedBy(deps, task.assignee);
  const change = { action: 'task.claim', evidence: 'task-claimed', before: { assignee: null }, after: { assignee: user.username } } as const;
  try {
    await audited(deps, user, task, change, () => deps.engine.claim(taskId, user.username));
  } catch (error) {
    if (!(error instanceof EngineConflictError)) throw error;
    throw await claimedBy(deps, (await deps.engine.task(taskId)).assignee ?? '他人');
  }
}

export async function unclaimTask(deps: TaskDeps, user: CurrentUser, taskId: string): Promise<void> {
  const task = await visibleTask(deps, user, taskId);
  if (task.assignee !== user.username) throw new ConflictError('只能退回自己签收的任务');
  const change = { action: 'task.unclaim', evidence: 'task-unclaimed', before: { assignee: user.username }, after: { assignee: null } } as const;
  await audited(deps, user, task, change, () => deps.engine.unclaim(taskId));
}

/** Completes a claimed task with its form's values, validated here as in the browser. */
export async function completeTask(deps: TaskDeps, user: CurrentUser, taskId: string, values: Record<string, unknown>): Promise<void> {
  const task = await ownTask(deps, user, taskId);
  if (!task.camundaFormRef) throw new ConflictError('该任务没有表单，不能在此完成');
  // The form the engine deployed for this task, not a file that may have changed since.
  const accepted = validateSubmission(await deps.engine.deployedForm<FormSchema>(task.id), values);
  // Completing the handling task is the "done" outcome; the other outcomes have their own actions.
  const variables = isCaseHandling(task) ? { ...accepted, handlingOutcome: 'done' } : accepted;
  const change = { action: 'task.complete', evidence: 'task-completed', before: { assignee: user.username }, after: { values: accepted } } as const;
  await audited(deps, user, task, change, () => deps.engine.completeTask(taskId, variables as never));
}

/** Return (退单), extension (延期) and suspension (缓办) of a department's handling task. */
export type HandlingAction = { kind: 'return'; reason: string } | { kind: 'extend'; days: number; reason: string } | { kind: 'suspend'; reason: string };

export async function actOnHandling(deps: TaskDeps, user: CurrentUser, taskId: string, action: HandlingAction): Promise<void> {
  const task = await ownTask(deps, user, taskId);
  if (!isCaseHandling(task)) throw new ConflictError('只有案件的部门处置任务可以退单、延期或缓办');
  const variables: Record<string, string | number | Date> =
    action.kind === 'return'
      ? { handlingOutcome: 'return', returnReason: action.reason }
      : action.kind === 'extend'
        ? { handlingOutcome: 'extend', extensionDays: action.days, extensionReason: action.reason }
        : { handlingOutcome: 'suspend', suspendedAt: new Date(), suspendReason: action.reason };
  const change = { action: `task.${action.kind}`, evidence: 'task-completed', before: { assignee: user.username, due: task.due }, after: action } as const;
  await audited(deps, user, task, change, () => deps.engine.completeTask(taskId, variables));
}

/** The task, if the caller may work it, found in one engine query with the same criteria as the inbox. */
export async function visibleTask(deps: TaskDeps, user: CurrentUser, taskId: string): Promise<Task> {
  if (!/^[\w-]{1,64}$/.test(taskId)) throw new ValidationError('任务编号格式不正确', { issues: [{ path: 'params.taskId', message: '任务编号格式不正确' }] });
  const [task] = await deps.engine.tasks(inboxOf(deps, user, { taskId }));
  if (!task) throw new NotFoundError('任务不存在或已办结', { resource: 'task', id: taskId });
  return task;
}

async function ownTask(deps: TaskDeps, user: CurrentUser, taskId: string): Promise<Task> {
  const task = await visibleTask(deps, user, taskId);
  if (task.assignee === null) throw new ConflictError('请先签收任务');
  if (task.assignee !== user.username) throw await claimedBy(deps, task.assignee);
  return task;
}

async function claimedBy(deps: TaskDeps, username: string): Promise<ConflictError> {
  const other = await deps.dataSource.manager.findOneBy(UserEntity, { username });
  return new ConflictError(`该任务已被${other?.displayName ?? username}签收，请刷新列表`);
}

/** One task action as the audit log records it, and the engine history that proves it happened. */
interface TaskChange {
  action: string;
  evidence: TaskEvidence;
  before: object;
  after: unknown;
}

/** Runs the engine call of a task action so that its audit record is written if and only if the engine did it. */
function audited(deps: TaskDeps, user: CurrentUser, task: Task, change: TaskChange, call: () => Promise<void>): Promise<void> {
  const before = { ...change.before, task: task.name, processInstanceId: task.processInstanceId };
  return auditedEngineCall(deps, { actor: user.username, action: change.action, targetType: 'task', targetId: task.id, before, after: change.after, evidence: change.evidence }, call);
}

/** The engine query of the caller's inbox, over the processes that have a presenter. */
export function inboxOf(deps: Pick<TaskDeps, 'presenters'>, user: CurrentUser, extra: Omit<TaskQuery, 'orQueries'> = {}): TaskQuery {
  return inboxQuery(user, Object.keys(deps.presenters), extra);
}

/** A department's handling task of a case, the one step with return, extension and suspension. */
function isCaseHandling(task: Task): boolean {
  return task.taskDefinitionKey === 'handle' && processKeyOf(task.processDefinitionId) === caseProcessKey;
}

async function toViews(deps: TaskDeps, tasks: Task[]): Promise<TaskView[]> {
  if (tasks.length === 0) return [];
  const subjects = await subjectsOf(deps.dataSource.manager, deps.presenters, tasks);
  const assignees = [...new Set(tasks.map((t) => t.assignee).filter((a): a is string => a !== null))];
  const names = new Map((assignees.length ? await deps.dataSource.manager.findBy(UserEntity, { username: In(assignees) }) : []).map((u) => [u.username, u.displayName]));
  const now = Date.now();
  return tasks.map((t) => {
    const subject = subjects.get(t.processInstanceId);
    return {
      id: t.id,
      name: t.name,
      taskDefinitionKey: t.taskDefinitionKey,
      created: t.created,
      due: t.due,
      overdue: t.due !== null && new Date(t.due).getTime() < now,
      assignee: t.assignee,
      assigneeName: t.assignee ? (names.get(t.assignee) ?? t.assignee) : null,
      formKey: t.camundaFormRef?.key ?? null,
      subject: subject ? withoutCase(subject) : null,
      case: subject?.case ?? null,
    };
  });
}

/** The subject as the view carries it: a case's summary travels once, as TaskView.case. */
function withoutCase(subject: TaskSubject): TaskView['subject'] {
  const view: Partial<TaskSubject> = { ...subject };
  delete view.case;
  return view as TaskView['subject'];
}

/** The list filters, on what the task is about: a task without that fact does not match a filter on it. */
function matches(t: TaskView, q: ListQuery): boolean {
  if (q.categoryCode && t.subject?.category?.code !== q.categoryCode) return false;
  if (q.streetCode && t.subject?.streetCode !== q.streetCode) return false;
  if (q.gridCode && t.subject?.gridCode !== q.gridCode) return false;
  if (q.urgency && (t.subject?.urgent ? 'urgent' : 'normal') !== q.urgency) return false;
  return true;
}
