/** Shapes of /api/operations (联合执法), shared by the server and the web app. */

/** Where a joint operation is in its five stages, plus the ends. */
export type OperationStatus =
  | 'pending-approval' // 待审批
  | 'returned' // 退回修改 (approval sent it back with a reason)
  | 'confirming' // 各部门确认人员车辆
  | 'briefing' // 简报已发布，等待开始
  | 'executing' // 执行中
  | 'wrap-up' // 总结
  | 'follow-up' // 回头看 pending
  | 'finished' // 已完成
  | 'cancelled';

/** 执法措施, mildest first: 教育劝导, 责令改正, 警告, 罚款, 暂扣. */
export type MeasureKind = 'advice' | 'order-to-correct' | 'warning' | 'fine' | 'seizure';

/** When an operation runs: once, or weekly on some weekdays (1 = Monday … 7 = Sunday) until a last date. */
export interface OperationSchedule {
  /** Beijing time, e.g. 2026-12-04T08:30 for once, or the first occurrence of a weekly series. */
  startsAt: string;
  endsAt: string;
  recurrence: { kind: 'once' } | { kind: 'weekly'; weekdays: number[]; until: string };
}

/** One department's part: what it does and who leads it. */
export interface ParticipantPlan {
  departmentCode: string;
  /** The department's tasks in this operation, e.g. 清理占道摊点、暂扣经营工具. */
  tasks: string;
}

/** POST /api/operations (coordinator): a plan to approve. PUT /api/operations/:ref replaces a returned plan. */
export interface OperationPlanInput {
  title: string;
  /** The target, e.g. 占道经营; a category code when it matches one. */
  target: string;
  targetCategoryCode: string | null;
  /** Unit grid codes of the area, picked on the map. */
  gridCodes: string[];
  schedule: OperationSchedule;
  leadDepartment: string;
  participants: ParticipantPlan[];
  /** Deadline for each department to confirm its people and vehicles. */
  confirmBy: string;
  briefing: { at: string; place: string };
  /** 重大活动保障: while it runs, cases inside the area are urgent. */
  majorEvent: boolean;
}

/** A department's confirmation of its people and vehicles. */
export interface ParticipantView extends ParticipantPlan {
  departmentName: string;
  status: 'waiting' | 'confirmed' | 'escalated';
  people: number | null;
  vehicles: number | null;
  confirmedBy: string | null;
  /** Display name of confirmedBy (the username when the account is gone). */
  confirmedByName: string | null;
  confirmedAt: string | null;
  /** Open execution work of this department while the operation runs. */
  executing: boolean;
  findings: number;
}

/** A finding recorded during execution, with the measure taken. */
export interface FindingView {
  id: number;
  departmentCode: string;
  description: string;
  lng: number;
  lat: number;
  gridCode: string | null;
  shopId: number | null;
  shopName: string | null;
  measure: MeasureKind | null;
  /** 首违不罚: a first, minor, corrected violation got an order to correct instead of a penalty. */
  firstViolationNoPenalty: boolean;
  fineYuan: number | null;
  correctBy: string | null;
  seizedItems: string | null;
  /** Numbered enforcement document (责令改正通知书 / 当场处罚决定书), once issued. */
  documentNo: string | null;
  /** Served at /api/operations/:ref/findings/:id/photos/:photoId. */
  photoIds: number[];
  /** The closed-loop case filed from it, with its live status. */
  caseNo: string | null;
  caseStatus: string | null;
  recordedBy: string;
  /** Display name of recordedBy (the username when the account is gone). */
  recordedByName: string;
  recordedAt: string;
  violationType: string | null;
  severity: 'minor' | 'serious';
  correctedOnSpot: boolean;
  /** 回头看 of an order to correct: pending until the department re-inspects the shop; null for other measures. */
  followUpStatus: FollowUpStatus | null;
  followUpNote: string | null;
}

/** A line of the operation's timeline (approval, confirmations, briefing, start, findings, end, report). */
export interface OperationEventView {
  at: string;
  type: string;
  actor: string | null;
  /** Display name of actor (the username when the account is gone, e.g. system or worker:…). */
  actorName: string | null;
  departmentCode: string | null;
  detail: Record<string, unknown> | null;
}

/** An operation as lists and the calendar show it. */
export interface OperationSummary {
  ref: string;
  title: string;
  target: string;
  status: OperationStatus;
  leadDepartment: string;
  departments: string[];
  startsAt: string;
  endsAt: string;
  /** The series it belongs to, for a recurring operation. */
  seriesRef: string | null;
  majorEvent: boolean;
  findings: number;
  casesFiled: number;
}

/** GET /api/operations/:ref: everything the live board and the detail page show; `findings` is the list itself here. */
export interface OperationDetail extends Omit<OperationSummary, 'findings'> {
  plan: OperationPlanInput;
  participants: ParticipantView[];
  findings: FindingView[];
  events: OperationEventView[];
  returnReason: string | null;
  createdBy: string;
  /** Display names of createdBy and approvedBy (the username when the account is gone). */
  createdByName: string;
  approvedBy: string | null;
  approvedByName: string | null;
  /** Counts per department and measure, for the board and the report. */
  counts: { departmentCode: string; measure: MeasureKind | 'none'; count: number }[];
}

/** POST /api/operations/:ref/findings (a participating liaison during execution). Photos go to /findings/:id/photos. */
export interface FindingInput {
  description: string;
  lng: number;
  lat: number;
  shopId: number | null;
  violationType: string | null;
  severity: 'minor' | 'serious';
  correctedOnSpot: boolean;
  /** Only where the DMN leaves a choice: a fine amount or the seized items. */
  fineYuan: number | null;
  seizedItems: string | null;
  /** File a closed-loop case for follow-up, with this category. */
  fileCase: { categoryCode: string } | null;
}

/** GET /api/operations/:ref/report: the wrap-up report, generated from the records. */
export interface OperationReport {
  operation: OperationSummary;
  summaryText: string | null;
  writtenBy: string | null;
  /** Display name of writtenBy (the username when the account is gone). */
  writtenByName: string | null;
  counts: OperationDetail['counts'];
  participants: ParticipantView[];
  findings: FindingView[];
  generatedAt: string;
}

/** GET /api/operations/stream: server-sent events `operation` with `{ ref }` whenever an operation changes. */
export interface OperationChangedEvent {
  ref: string;
}

/** POST /api/operations answer: the operation, or for a weekly plan the series that creates one operation per occurrence. */
export interface OperationCreated {
  kind: 'operation' | 'series';
  /** The operation's ref (JO-…), or the series' ref (JS-…) whose operations appear as the engine creates them. */
  ref: string;
}

/** GET /api/operations query: filters of the list and the calendar. */
export interface OperationListQuery {
  /** A keyword found in the title, the target or the ref (JO-…). */
  q?: string;
  status?: OperationStatus;
  department?: string;
  seriesRef?: string;
  /** Operations that overlap this window (Beijing dates or instants), for the calendar. */
  from?: string;
  to?: string;
}

/** 回头看 of a shop ordered to correct: where the re-inspection stands. */
export type FollowUpStatus = 'pending' | 'corrected' | 'not-corrected';
