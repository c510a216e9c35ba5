/** Shapes of /api/patrols and /api/patrol-runs (联合巡查), shared by the server and the web app. */

/**
 * When a patrol runs: once, or weekly on some weekdays (1 = Monday … 7 = Sunday) until a last date, each time at the
 * window of the first occurrence. The same shape as a joint operation's schedule.
 */
export interface PatrolSchedule {
  /** Beijing time, e.g. 2026-12-04T08:30: the only run, or the first of a weekly series. */
  startsAt: string;
  /** Beijing time, the same day or the next, after startsAt. */
  endsAt: string;
  /** `until` is a Beijing date, e.g. 2027-03-31, the last day a run may start. */
  recurrence: { kind: 'once' } | { kind: 'weekly'; weekdays: number[]; until: string };
}

/** One member of a patrol team: a person of a department, who checks in and records findings. */
export interface PatrolMemberInput {
  username: string;
  departmentCode: string;
}

/** POST /api/patrols (coordinator): a patrol plan; its schedule starts at once on the engine. */
export interface PatrolPlanInput {
  title: string;
  /** Unit grid codes in the order the team walks them. */
  route: string[];
  team: PatrolMemberInput[];
  schedule: PatrolSchedule;
}

/** Where a plan stands: its schedule still creates runs, or its last run has been created. */
export type PatrolPlanStatus = 'active' | 'completed';

/**
 * Where a run stands: 待开始, 巡查中, 汇总未巡查网格, 待复核, 已完成.
 * 'reporting' is the short moment between the end of the round and the report.
 */
export type PatrolRunStatus = 'scheduled' | 'in-progress' | 'reporting' | 'review' | 'finished';

/** A member as plans and runs show them. */
export interface PatrolMemberView extends PatrolMemberInput {
  /** The member's display name, falling back to the username (the `usernameName` of the naming rule). */
  displayName: string | null;
  departmentName: string | null;
}

/** A run as lists show it. */
export interface PatrolRunSummary {
  ref: string;
  planRef: string;
  title: string;
  /** 1 for the first run of the plan. */
  seq: number;
  startsAt: string;
  endsAt: string;
  status: PatrolRunStatus;
  gridsTotal: number;
  gridsVisited: number;
  /** Grids flagged as left unvisited at the end of the round (0 while it runs). */
  gridsUnvisited: number;
  findingCount: number;
}

/** A plan as lists and the calendar show it. */
export interface PatrolPlanSummary {
  ref: string;
  title: string;
  route: string[];
  departments: string[];
  members: number;
  schedule: PatrolSchedule;
  status: PatrolPlanStatus;
  /** The next run not finished yet, or null. */
  nextRun: PatrolRunSummary | null;
  /** The latest run created so far (the one whose report a finished plan shows), or null. */
  lastRun: PatrolRunSummary | null;
  runCount: number;
  createdBy: string;
  /** The planner's display name, falling back to the username. */
  createdByName: string | null;
  createdAt: string;
}

/** GET /api/patrols/:ref: the plan with its team, route and runs. */
export interface PatrolPlanDetail extends PatrolPlanSummary {
  team: PatrolMemberView[];
  routeGrids: { gridCode: string; gridName: string }[];
  /** Runs created so far, oldest first. */
  runs: PatrolRunSummary[];
}

/** A check-in of a member in a grid of the route. */
export interface PatrolCheckInView {
  id: number;
  gridCode: string;
  username: string;
  /** The member's display name, falling back to the username. */
  displayName: string | null;
  departmentCode: string;
  lng: number;
  lat: number;
  at: string;
}

/** Whether the team has been in a grid: not yet, checked in, or left unvisited at the end. */
export type PatrolGridStatus = 'pending' | 'visited' | 'unvisited';

/** A grid of the route with its visit status and check-ins. */
export interface PatrolRouteGridView {
  seq: number;
  gridCode: string;
  gridName: string;
  status: PatrolGridStatus;
  checkIns: PatrolCheckInView[];
}

/** A finding of the run and the closed-loop case filed from it, with the case's live status. */
export interface PatrolFindingView {
  id: number;
  description: string;
  lng: number;
  lat: number;
  gridCode: string | null;
  categoryCode: string;
  categoryName: string | null;
  caseNo: string;
  caseStatus: string | null;
  recordedBy: string;
  /** The recorder's display name, falling back to the username. */
  recordedByName: string | null;
  departmentCode: string;
  recordedAt: string;
}

/** GET /api/patrol-runs/:ref: everything the run page, the live board and the report show. */
export interface PatrolRunDetail extends PatrolRunSummary {
  /** When the team was notified and the round began; null while scheduled. */
  startedAt: string | null;
  /** When the round ended (end time, or every member finished); null while it runs. */
  roundEndedAt: string | null;
  team: (PatrolMemberView & { roundDone: boolean })[];
  route: PatrolRouteGridView[];
  findings: PatrolFindingView[];
  /** Codes of the grids flagged as unvisited, in route order. */
  unvisitedGrids: string[];
  /** The patrol report, once the round has ended: its one-paragraph summary, generated from the records. */
  report: { summary: string; generatedAt: string } | null;
  /** The coordinator's review of the report. */
  review: { by: string; byName: string | null; comment: string; at: string } | null;
}

/** POST /api/patrol-runs/:ref/check-ins (a team member): the point must lie inside that grid of the route. */
export interface CheckInInput {
  gridCode: string;
  lng: number;
  lat: number;
}

/** POST /api/patrol-runs/:ref/findings (a team member): becomes a closed-loop case on the spot. Photos come later. */
export interface PatrolFindingInput {
  description: string;
  lng: number;
  lat: number;
  categoryCode: string;
}

/** POST /api/patrol-runs/:ref/finish (a team member): ends the caller's own round before the end time. */
export interface FinishRoundInput {
  note?: string;
}

/** POST /api/patrol-runs/:ref/review (coordinator): the review of the patrol report, which closes the run. */
export interface PatrolReviewInput {
  comment: string;
}

/** GET /api/patrols/stream: the event `patrol` names a run that changed (a check-in, a finding, its status, its report). */
export interface PatrolChangedEvent {
  ref: string;
  planRef: string;
}

/** GET /api/patrols/calendar?from&to: one occurrence of a plan's schedule in the period, with its run once created. */
export interface PatrolOccurrence {
  planRef: string;
  title: string;
  /** Which occurrence of the plan, 1 for the first: its run's ref ends in this number. */
  seq: number;
  startsAt: string;
  endsAt: string;
  departments: string[];
  /** The run, once the schedule has created it (a day ahead); null before. */
  run: PatrolRunSummary | null;
}

/** GET /api/patrols/team-candidates (coordinator): people who can join a patrol team, by department. */
export interface PatrolTeamCandidate {
  username: string;
  displayName: string;
  departmentCode: string;
  departmentName: string | null;
  /** 部门联络员 or 网格员. */
  role: 'liaison' | 'inspector';
}
