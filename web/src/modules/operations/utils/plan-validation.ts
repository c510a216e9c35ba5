import type { OperationPlanInput } from '@contracts/joint-operations';
import { addDays, isDateOnly, isoWeekday, isWallTime, wallDate, wallMillis } from './wall-time';

/** A problem with one field: its path (as the server names it below `body.`) and an i18n key under `operations.validation`. */
export interface PlanIssue {
  path: string;
  key: string;
  params?: Record<string, string | number>;
}

/** Limits the server applies to a plan (server/src/modules/joint-operations/operations.schema.ts); the editor checks the same. */
export const planLimits = {
  titleMin: 2,
  titleMax: 128,
  targetMax: 128,
  tasksMax: 500,
  placeMax: 255,
  maxGrids: 200,
  minDepartments: 1,
  maxWindowDays: 7,
  maxSeriesDays: 366,
} as const;

function text(path: string, value: string, max: number, issues: PlanIssue[], min = 1): void {
  const length = value.trim().length;
  if (length === 0) issues.push({ path, key: 'required' });
  else if (length < min) issues.push({ path, key: 'tooShort', params: { min } });
  else if (length > max) issues.push({ path, key: 'tooLong', params: { max } });
}

function schedule(plan: OperationPlanInput, now: number, issues: PlanIssue[]): void {
  const { startsAt, endsAt, recurrence } = plan.schedule;
  const starts = wallMillis(startsAt);
  if (!isWallTime(startsAt)) issues.push({ path: 'schedule.startsAt', key: 'required' });
  else if (starts <= now) issues.push({ path: 'schedule.startsAt', key: 'startsInPast' });
  if (!isWallTime(endsAt)) issues.push({ path: 'schedule.endsAt', key: 'required' });
  else if (isWallTime(startsAt) && wallMillis(endsAt) <= starts) issues.push({ path: 'schedule.endsAt', key: 'endsBeforeStart' });
  else if (isWallTime(startsAt) && wallMillis(endsAt) - starts > planLimits.maxWindowDays * 86_400_000)
    issues.push({ path: 'schedule.endsAt', key: 'windowTooLong', params: { days: planLimits.maxWindowDays } });
  if (recurrence.kind !== 'weekly') return;
  if (recurrence.weekdays.length === 0) issues.push({ path: 'schedule.recurrence.weekdays', key: 'weekdaysRequired' });
  else if (isWallTime(startsAt) && !recurrence.weekdays.includes(isoWeekday(wallDate(startsAt))))
    issues.push({ path: 'schedule.recurrence.weekdays', key: 'firstDayNotChosen' });
  if (!isDateOnly(recurrence.until)) issues.push({ path: 'schedule.recurrence.until', key: 'required' });
  else if (isWallTime(startsAt) && recurrence.until < wallDate(startsAt)) issues.push({ path: 'schedule.recurrence.until', key: 'untilBeforeStart' });
  else if (isWallTime(startsAt) && recurrence.until > addDays(wallDate(startsAt), planLimits.maxSeriesDays)) issues.push({ path: 'schedule.recurrence.until', key: 'seriesTooLong' });
}

function departments(plan: OperationPlanInput, issues: PlanIssue[]): void {
  const codes = plan.participants.map((participant) => participant.departmentCode);
  if (new Set(codes.filter(Boolean)).size < planLimits.minDepartments) issues.push({ path: 'participants', key: 'departmentsRequired' });
  plan.participants.forEach((participant, index) => {
    if (!participant.departmentCode) issues.push({ path: `participants.${index}.departmentCode`, key: 'required' });
    else if (codes.indexOf(participant.departmentCode) !== index) issues.push({ path: `participants.${index}.departmentCode`, key: 'duplicateDepartment' });
    text(`participants.${index}.tasks`, participant.tasks, planLimits.tasksMax, issues);
  });
  if (!plan.leadDepartment) issues.push({ path: 'leadDepartment', key: 'required' });
  else if (!codes.includes(plan.leadDepartment)) issues.push({ path: 'leadDepartment', key: 'leadNotParticipating' });
}

function deadlines(plan: OperationPlanInput, issues: PlanIssue[]): void {
  const starts = wallMillis(plan.schedule.startsAt);
  if (!isWallTime(plan.confirmBy)) issues.push({ path: 'confirmBy', key: 'required' });
  else if (wallMillis(plan.confirmBy) > starts) issues.push({ path: 'confirmBy', key: 'confirmAfterStart' });
  if (!isWallTime(plan.briefing.at)) issues.push({ path: 'briefing.at', key: 'required' });
  else if (wallMillis(plan.briefing.at) > starts) issues.push({ path: 'briefing.at', key: 'briefingAfterStart' });
  text('briefing.place', plan.briefing.place, planLimits.placeMax, issues);
}

/**
 * The problems the server would refuse a plan for, checked before sending so that the coordinator sees them at their
 * fields at once; besides, the editor refuses a start in the past. The server stays the judge: its 400 answers are
 * shown at the same fields.
 */
export function validatePlan(plan: OperationPlanInput, now: Date = new Date()): PlanIssue[] {
  const issues: PlanIssue[] = [];
  text('title', plan.title, planLimits.titleMax, issues, planLimits.titleMin);
  text('target', plan.target, planLimits.targetMax, issues);
  if (plan.gridCodes.length === 0) issues.push({ path: 'gridCodes', key: 'gridsRequired' });
  else if (plan.gridCodes.length > planLimits.maxGrids) issues.push({ path: 'gridCodes', key: 'tooManyGrids', params: { max: planLimits.maxGrids } });
  schedule(plan, now.getTime(), issues);
  departments(plan, issues);
  deadlines(plan, issues);
  return issues;
}

/** The paths the plan editor shows a message at, field by field; messages for other paths are listed above the form. */
export const planFieldPaths =
  /^(title|target|targetCategoryCode|majorEvent|gridCodes(\.\d+)?|schedule\.(startsAt|endsAt|recurrence(\.(weekdays(\.\d+)?|until))?)|participants(\.\d+\.(departmentCode|tasks))?|leadDepartment|confirmBy|briefing\.(at|place)|revisionNote)$/;
