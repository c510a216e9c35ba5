import { IsNull, type EntityManager } from 'typeorm';
import { PatrolMemberEntity, PatrolPlanEntity, type PatrolPlan } from './patrol-plan.entity.js';
import { PatrolRunEntity, PatrolRunGridEntity, type PatrolRun } from './patrol-run.entity.js';
import { compileReportText } from './patrol-report.js';
import { gridNamesOf, routeOf, scheduleOf } from './patrol-views.js';
import { occurrences } from './schedule.js';

/** The process that creates a plan's runs, keyed on the plan's ref. */
export const patrolScheduleProcessKey = 'joint-patrol-schedule';
/** The process of one run, keyed on the run's ref. */
export const patrolRunProcessKey = 'joint-patrol';

/** How long before its start a run is created, so that the team sees it coming. */
export const runLeadMs = 24 * 3_600_000;

/** A run the schedule has just registered; instants as ISO text, so that a redelivered task gets the same answer. */
export interface ScheduledRun {
  runRef: string;
  seq: number;
  startsAt: string;
  endsAt: string;
  /** When the schedule starts the run's process: a day before it starts (or at once when that has passed). */
  createAt: string;
  members: string[];
}

/** A run and its plan, as the steps of the run's process see them. */
export interface RunInPlan {
  run: PatrolRun;
  plan: PatrolPlan;
  members: string[];
}

/**
 * Registers the next run of a plan after occurrence `lastSeq`: its row and route grids. Occurrences already over are
 * skipped (the engine may have been down). Null, and the plan marked completed, when the schedule has no more; also
 * null when the plan is gone (its creation was undone after an unconfirmed start).
 */
export async function scheduleNextRun(manager: EntityManager, planRef: string, lastSeq: number, now: Date): Promise<ScheduledRun | null> {
  const plan = await manager.findOneBy(PatrolPlanEntity, { ref: planRef });
  if (!plan) return null;
  const all = occurrences(scheduleOf(plan));
  let seq = lastSeq + 1;
  while (seq <= all.length && all[seq - 1]!.endsAt <= now) seq++;
  const next = all[seq - 1];
  if (!next) {
    await manager.update(PatrolPlanEntity, { id: plan.id }, { status: 'completed' });
    return null;
  }
  const runRef = `${plan.ref}-${String(seq).padStart(2, '0')}`;
  const { identifiers } = await manager.insert(PatrolRunEntity, { ref: runRef, planId: plan.id, seq, startsAt: next.startsAt, endsAt: next.endsAt, status: 'scheduled', processInstanceId: null, updatedAt: now });
  const runId = Number(identifiers[0]!.id);
  const route = routeOf(plan);
  for (const [index, gridCode] of route.entries()) await manager.insert(PatrolRunGridEntity, { runId, seq: index + 1, gridCode, visitedAt: null, flaggedUnvisitedAt: null });
  return {
    runRef,
    seq,
    startsAt: next.startsAt.toISOString(),
    endsAt: next.endsAt.toISOString(),
    createAt: new Date(next.startsAt.getTime() - runLeadMs).toISOString(),
    members: await membersOf(manager, plan.id),
  };
}

/** The run starts: it is in progress from now, and its process instance is recorded for the inbox. */
export async function startRun(manager: EntityManager, runRef: string, processInstanceId: string, now: Date): Promise<RunInPlan> {
  const found = await runInPlan(manager, runRef);
  if (found.run.status === 'scheduled') {
    await manager.update(PatrolRunEntity, { id: found.run.id }, { status: 'in-progress', processInstanceId, startedAt: now, updatedAt: now });
  }
  return runInPlan(manager, runRef);
}

/** The round is over: every grid of the route nobody checked in to is flagged as unvisited. Returns their codes in route order. */
export async function flagUnvisitedGrids(manager: EntityManager, runRef: string, now: Date): Promise<RunInPlan & { unvisited: string[]; unvisitedNames: string[] }> {
  const { run } = await runInPlan(manager, runRef);
  await manager.update(PatrolRunGridEntity, { runId: run.id, visitedAt: IsNull(), flaggedUnvisitedAt: IsNull() }, { flaggedUnvisitedAt: now });
  await manager.update(PatrolRunEntity, { id: run.id }, { status: 'reporting', roundEndedAt: run.roundEndedAt ?? now, updatedAt: now });
  const grids = await manager.find(PatrolRunGridEntity, { where: { runId: run.id }, order: { seq: 'ASC' } });
  const unvisited = grids.filter((g) => g.flaggedUnvisitedAt).map((g) => g.gridCode);
  const names = await gridNamesOf(manager, unvisited);
  return { ...(await runInPlan(manager, runRef)), unvisited, unvisitedNames: unvisited.map((c) => names.get(c) ?? c) };
}

/** The patrol report, generated from the records, is stored on the run, which now waits for the coordinator's review. */
export async function compileRunReport(manager: EntityManager, runRef: string, now: Date): Promise<RunInPlan & { summary: string }> {
  const { run, plan } = await runInPlan(manager, runRef);
  const summary = await compileReportText(manager, run, plan);
  await manager.update(PatrolRunEntity, { id: run.id }, { status: 'review', reportSummary: summary, reportAt: now, updatedAt: now });
  return { ...(await runInPlan(manager, runRef)), summary };
}

/** The coordinator has reviewed the report: the run is finished. */
export async function closeRun(manager: EntityManager, runRef: string, review: { by: string | null; comment: string | null }, now: Date): Promise<RunInPlan> {
  const { run } = await runInPlan(manager, runRef);
  await manager.update(PatrolRunEntity, { id: run.id }, { status: 'finished', reviewedBy: review.by, reviewComment: review.comment, reviewedAt: now, updatedAt: now });
  return runInPlan(manager, runRef);
}

/** Marks a run changed now, for the live stream. */
export async function touchRun(manager: EntityManager, runId: number, now = new Date()): Promise<void> {
  await manager.update(PatrolRunEntity, { id: runId }, { updatedAt: now });
}

/** A run with its plan and the usernames of its team; a missing run is a fault the engine should show as an incident. */
export async function runInPlan(manager: EntityManager, runRef: string): Promise<RunInPlan> {
  const run = await manager.findOneBy(PatrolRunEntity, { ref: runRef });
  if (!run) throw new Error(`No patrol run ${runRef}`);
  const plan = await manager.findOneByOrFail(PatrolPlanEntity, { id: run.planId });
  return { run, plan, members: await membersOf(manager, plan.id) };
}

async function membersOf(manager: EntityManager, planId: number): Promise<string[]> {
  return (await manager.find(PatrolMemberEntity, { where: { planId }, order: { id: 'ASC' } })).map((m) => m.username);
}
