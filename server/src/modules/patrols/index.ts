import { defineModule } from '../module.js';
import { patrolRunPresenter } from './patrol-presenter.js';
import { PatrolMemberEntity, PatrolPlanEntity } from './patrol-plan.entity.js';
import { PatrolCheckInEntity, PatrolFindingEntity } from './patrol-records.entity.js';
import { PatrolRunEntity, PatrolRunGridEntity } from './patrol-run.entity.js';
import { patrolRoutes } from './routes.js';
import { patrolRunProcessKey } from './run-steps.js';
export { PatrolPlanEntity, PatrolMemberEntity, type PatrolPlan, type PatrolMember } from './patrol-plan.entity.js';
export { PatrolRunEntity, PatrolRunGridEntity, type PatrolRun, type PatrolRunGrid } from './patrol-run.entity.js';
export { PatrolCheckInEntity, PatrolFindingEntity, type PatrolCheckIn, type PatrolFinding } from './patrol-records.entity.js';
export { scheduleNextRun, startRun, touchRun, flagUnvisitedGrids, compileRunReport, closeRun, runInPlan, patrolRunProcessKey, patrolScheduleProcessKey, runLeadMs, type ScheduledRun, type RunInPlan } from './run-steps.js';
export { createPlan, listPlans, getPlan, type PatrolPlanDeps } from './plans.service.js';
export { getRun, checkIn, recordFinding, finishRound, reviewRun, type PatrolRunDeps } from './runs.service.js';
export { patrolRunPresenter } from './patrol-presenter.js';
export { fromBeijing, toBeijing, occurrences } from './schedule.js';
export { windowText, routeText } from './patrol-views.js';
export { patrolCalendar, teamCandidates } from './patrol-calendar.js';
export { seedDemoPatrols, demoPatrolTitle } from './demo-patrols.js';

/** Joint patrols (联合巡查): plans, runs, check-ins and findings that become cases. */
export const patrolsModule = defineModule({
  name: 'patrols',
  entities: [PatrolPlanEntity, PatrolMemberEntity, PatrolRunEntity, PatrolRunGridEntity, PatrolCheckInEntity, PatrolFindingEntity],
  routes: patrolRoutes,
  presenters: { [patrolRunProcessKey]: patrolRunPresenter },
});
