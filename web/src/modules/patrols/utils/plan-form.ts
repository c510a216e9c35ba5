import type { PatrolMemberInput, PatrolPlanInput } from '@contracts/patrols';
import { scheduleFromForm, type ScheduleForm } from '@/modules/operations/utils/schedule';

/** The plan editor's fields: a patrol's schedule has the same shape as an operation's, so it reuses that form. */
export interface PatrolPlanForm {
  title: string;
  route: string[];
  team: PatrolMemberInput[];
  schedule: ScheduleForm;
}

/** What a new plan starts with: today, a two-hour morning round, once. */
export function emptyPlanForm(today: string): PatrolPlanForm {
  return { title: '', route: [], team: [], schedule: { date: today, startTime: '09:00', endTime: '11:00', kind: 'once', weekdays: [], until: '' } };
}

/** The body of POST /api/patrols. */
export function planFromForm(form: PatrolPlanForm): PatrolPlanInput {
  return { title: form.title.trim(), route: [...form.route], team: form.team.map((m) => ({ ...m })), schedule: scheduleFromForm(form.schedule) };
}

/** Which fields the coordinator still has to fill before the server can judge the rest (by path; message keys under patrols.plan.required). */
export function missingFields(form: PatrolPlanForm): Array<'title' | 'route' | 'team' | 'schedule'> {
  const missing: Array<'title' | 'route' | 'team' | 'schedule'> = [];
  if (form.title.trim().length < 2) missing.push('title');
  if (form.route.length === 0) missing.push('route');
  if (form.team.length === 0) missing.push('team');
  if (!form.schedule.date || !form.schedule.startTime || !form.schedule.endTime) missing.push('schedule');
  return missing;
}
