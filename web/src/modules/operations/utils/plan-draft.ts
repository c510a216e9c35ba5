import type { OperationPlanInput } from '@contracts/joint-operations';
import { formFromSchedule, scheduleFromForm, type ScheduleForm } from './schedule';
import { addDays, toWallTime } from './wall-time';

/** The plan as the editor holds it: the contract's plan, with the schedule split into the fields people fill in. */
export interface PlanDraft extends Omit<OperationPlanInput, 'schedule'> {
  schedule: ScheduleForm;
}

/** The confirmation deadline the editor suggests: 17:00 on the day before the (first) operation. */
export function suggestedConfirmBy(date: string): string {
  return date ? `${addDays(date, -1)}T17:00` : '';
}

/** The briefing time the editor suggests: half an hour before the start. */
export function suggestedBriefingAt(date: string, startTime: string): string {
  if (!date || !/^\d{2}:\d{2}$/.test(startTime)) return '';
  const [h, m] = startTime.split(':').map(Number) as [number, number];
  const minutes = h * 60 + m - 30;
  if (minutes < 0) return `${date}T00:00`;
  return `${date}T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** A new plan: tomorrow (Beijing) 08:30–11:30, once, with suggested deadlines and no departments yet. */
export function emptyDraft(today: string): PlanDraft {
  const date = addDays(today, 1);
  return {
    title: '',
    target: '',
    targetCategoryCode: null,
    gridCodes: [],
    schedule: { date, startTime: '08:30', endTime: '11:30', kind: 'once', weekdays: [], until: '' },
    leadDepartment: '',
    participants: [],
    confirmBy: suggestedConfirmBy(date),
    briefing: { at: suggestedBriefingAt(date, '08:30'), place: '' },
    majorEvent: false,
  };
}

/** The editor's fields for a plan, e.g. a returned plan opened again; times the server sent as instants become Beijing wall times. */
export function draftFromPlan(plan: OperationPlanInput): PlanDraft {
  return {
    ...plan,
    gridCodes: [...plan.gridCodes],
    participants: plan.participants.map((participant) => ({ ...participant })),
    schedule: formFromSchedule(plan.schedule),
    confirmBy: toWallTime(plan.confirmBy),
    briefing: { at: toWallTime(plan.briefing.at), place: plan.briefing.place },
  };
}

/** The plan to send: text trimmed, the schedule in the contract's shape. */
export function planFromDraft(draft: PlanDraft): OperationPlanInput {
  return {
    title: draft.title.trim(),
    target: draft.target.trim(),
    targetCategoryCode: draft.targetCategoryCode || null,
    gridCodes: [...draft.gridCodes],
    schedule: scheduleFromForm(draft.schedule),
    leadDepartment: draft.leadDepartment,
    participants: draft.participants.map((participant) => ({ departmentCode: participant.departmentCode, tasks: participant.tasks.trim() })),
    confirmBy: draft.confirmBy,
    briefing: { at: draft.briefing.at, place: draft.briefing.place.trim() },
    majorEvent: draft.majorEvent,
  };
}

/**
 * Moves the deadlines along when the coordinator changes the date or start time, as long as they still hold the
 * suggested values for the old schedule (a deadline the coordinator set by hand stays).
 */
export function followSchedule(draft: PlanDraft, previous: ScheduleForm): Pick<PlanDraft, 'confirmBy' | 'briefing'> {
  const { date, startTime } = draft.schedule;
  const confirmBy = draft.confirmBy === suggestedConfirmBy(previous.date) ? suggestedConfirmBy(date) : draft.confirmBy;
  const briefingAt = draft.briefing.at === suggestedBriefingAt(previous.date, previous.startTime) ? suggestedBriefingAt(date, startTime) : draft.briefing.at;
  return { confirmBy, briefing: { ...draft.briefing, at: briefingAt } };
}

