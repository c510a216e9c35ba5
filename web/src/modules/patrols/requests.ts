import type { CheckInInput, FinishRoundInput, PatrolCheckInView, PatrolFindingInput, PatrolFindingView, PatrolPlanDetail, PatrolPlanInput, PatrolReviewInput, PatrolRunDetail } from '@contracts/patrols';
import { postJson, queryString } from '@/api/http';

const plans = '/api/patrols';
const runs = '/api/patrol-runs';
const runPath = (ref: string) => `${runs}/${encodeURIComponent(ref)}`;

/** The URL of GET /api/patrols: the plans the caller sees, newest first. */
export const patrolPlansPath = plans;

/** The URL of GET /api/patrols/:ref: the plan with its team, route and runs. */
export function patrolPlanPath(ref: string): string {
  return `${plans}/${encodeURIComponent(ref)}`;
}

/** The URL of GET /api/patrols/calendar: the plans' occurrences between two Beijing dates "YYYY-MM-DD" (both included). */
export function patrolCalendarPath(from: string, to: string): string {
  return `${plans}/calendar${queryString({ from, to })}`;
}

/** The URL of GET /api/patrols/team-candidates (coordinator): people who can join a team. */
export const teamCandidatesPath = `${plans}/team-candidates`;

/** The server-sent events endpoint that names each patrol run that changed (event `patrol`). */
export const patrolStreamUrl = `${plans}/stream`;

/** The URL of GET /api/patrol-runs/:ref: route with visits, findings with cases, team, report and review. */
export function patrolRunPath(ref: string): string {
  return runPath(ref);
}

/** POST /api/patrols (coordinator): a plan; its schedule starts on the engine at once. */
export function postPatrolPlan(plan: PatrolPlanInput, signal?: AbortSignal): Promise<PatrolPlanDetail> {
  return postJson<PatrolPlanDetail>(plans, plan, { signal });
}

/** POST /api/patrol-runs/:ref/check-ins (a member): the point must lie inside that grid of the route. */
export function postCheckIn(ref: string, input: CheckInInput, signal?: AbortSignal): Promise<PatrolCheckInView> {
  return postJson<PatrolCheckInView>(`${runPath(ref)}/check-ins`, input, { signal });
}

/** POST /api/patrol-runs/:ref/findings (a member): filed at once as a closed-loop case. */
export function postPatrolFinding(ref: string, input: PatrolFindingInput, signal?: AbortSignal): Promise<PatrolFindingView> {
  return postJson<PatrolFindingView>(`${runPath(ref)}/findings`, input, { signal });
}

/** POST /api/patrol-runs/:ref/finish (a member): ends the caller's own round. */
export function postFinishRound(ref: string, input: FinishRoundInput, signal?: AbortSignal): Promise<void> {
  return postJson<void>(`${runPath(ref)}/finish`, input, { signal });
}

/** POST /api/patrol-runs/:ref/review (coordinator): reviews the report, which closes the run. */
export function postReview(ref: string, input: PatrolReviewInput, signal?: AbortSignal): Promise<PatrolRunDetail> {
  return postJson<PatrolRunDetail>(`${runPath(ref)}/review`, input, { signal });
}
