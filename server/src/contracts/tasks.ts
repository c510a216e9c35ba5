/** Shapes of /api/tasks, shared by the server and the web app. */

/** The inbox tabs; `all` is every task the caller may work. */
export const taskTabs = ['unclaimed', 'mine', 'due-soon', 'overdue', 'all'] as const;
export type TaskTab = (typeof taskTabs)[number];

/** The case behind a task, as the inbox row shows it. */
export interface TaskCaseSummary {
  caseNo: string;
  categoryCode: string;
  categoryName: string;
  description: string;
  address: string | null;
  streetCode: string | null;
  gridCode: string | null;
  /** The unit grid as people call it, e.g. 稻香社区0011号网格. */
  gridName: string | null;
  urgent: boolean;
}

/**
 * What a task is about, for any Lianqin process: a case, a joint operation, a patrol run. Each process's presenter
 * (server/src/modules/<module>/index.ts, `presenters`) fills it, so the inbox lists the tasks of every process alike.
 */
export interface TaskSubject {
  /** Which kind of thing it is, e.g. 'case', 'joint-operation', 'patrol-run'. */
  kind: string;
  /** Its number or code as people quote it, e.g. the case number or the operation number. */
  ref: string;
  /** One line saying what it is about, e.g. the category and description, or the operation's target. */
  title: string;
  /** Where, as people call it, or null. */
  place: string | null;
  streetCode: string | null;
  gridCode: string | null;
  urgent: boolean;
  /** The web app path of its own page, e.g. /operations/JO-2026-0001, or null. */
  link: string | null;
  /** Its category when it has one (a case's 类别, code and name), so that the inbox can filter by it. */
  category?: { code: string; name: string } | null;
  /** For a case only: the case summary that TaskView.case carries. */
  case?: TaskCaseSummary;
}

/** One task as the inbox shows it: the engine's task joined with what it is about. */
export interface TaskView {
  id: string;
  name: string | null;
  taskDefinitionKey: string;
  created: string;
  due: string | null;
  overdue: boolean;
  assignee: string | null;
  assigneeName: string | null;
  formKey: string | null;
  /** What the task is about, as its process's presenter says; null when the presenter does not know the instance. */
  subject: Omit<TaskSubject, 'case'> | null;
  /** The case, for the tasks of a case; null for the tasks of other processes. */
  case: TaskCaseSummary | null;
}

/** GET /api/tasks: the tab's tasks, sorted by due time, and the count of every tab under the same filters. */
export interface TaskListResponse {
  items: TaskView[];
  counts: Record<TaskTab, number>;
}

/** A Camunda Form (form-js schema) as deployed from processes/. */
export interface FormSchema {
  id: string;
  components: unknown[];
}

/** GET /api/tasks/:id: the task and the form that completes it. */
export interface TaskDetail extends TaskView {
  form: FormSchema | null;
}

/** GET /api/tasks/:id/diagram: the process diagram and where the case stands in it. */
export interface TaskDiagram {
  /** BPMN 2.0 XML of the task's process definition. */
  xml: string;
  /** Activity ids active now (the task's own step among them). */
  activeActivityIds: string[];
  /** Activity ids the case has passed through. */
  completedActivityIds: string[];
  /** The activity id of the task itself. */
  taskActivityId: string;
}

/** One message of GET /api/tasks/stream (server-sent events, event name `tasks`): the caller's inbox changed. */
export interface TaskStreamMessage {
  /** Ids of the caller's tasks that appeared or changed (claimed, unclaimed) since the last message. */
  changed: string[];
  /** Ids of the caller's tasks that are gone (completed, or no longer theirs). */
  removed: string[];
  at: string;
}
