import { In, type EntityManager } from 'typeorm';
import type { PatrolCheckInView, PatrolFindingView, PatrolMemberView, PatrolPlanDetail, PatrolPlanSummary, PatrolRunDetail, PatrolRunSummary, PatrolSchedule } from '../../contracts/patrols.js';
import { CaseFileEntity } from '../cases/index.js';
import { categoryOf } from '../categories/index.js';
import { DepartmentEntity } from '../departments/index.js';
import { CommunityEntity, gridDisplayName, UnitGridEntity } from '../grids/index.js';
import { UserEntity } from '../users/index.js';
import { PatrolMemberEntity, type PatrolPlan } from './patrol-plan.entity.js';
import { PatrolCheckInEntity, PatrolFindingEntity } from './patrol-records.entity.js';
import { PatrolRunEntity, PatrolRunGridEntity, type PatrolRun, type PatrolRunGrid } from './patrol-run.entity.js';
import { toBeijing } from './schedule.js';

/** The route of a plan, in walking order. */
export const routeOf = (plan: PatrolPlan): string[] => JSON.parse(plan.route) as string[];

/** The schedule of a plan. */
export const scheduleOf = (plan: PatrolPlan): PatrolSchedule => JSON.parse(plan.schedule) as PatrolSchedule;

/** How people call each grid, e.g. 稻香社区0011号网格, by code. */
export async function gridNamesOf(manager: EntityManager, codes: readonly string[]): Promise<Map<string, string>> {
  if (!codes.length) return new Map();
  const grids = await manager.findBy(UnitGridEntity, { code: In([...new Set(codes)]) });
  const communities = await manager.findBy(CommunityEntity, { code: In([...new Set(grids.map((g) => g.communityCode))]) });
  const communityName = new Map(communities.map((c) => [c.code, c.name]));
  return new Map(codes.map((code) => [code, gridDisplayName(code, communityName.get(grids.find((g) => g.code === code)?.communityCode ?? ''))]));
}

/** Display names of people by username, in one query; a username nobody holds any more names itself. */
export async function displayNamesOf(manager: EntityManager, usernames: readonly (string | null | undefined)[]): Promise<(username: string) => string> {
  const wanted = [...new Set(usernames.filter((u): u is string => !!u))];
  const users = wanted.length ? await manager.find(UserEntity, { where: { username: In(wanted) }, select: { username: true, displayName: true } }) : [];
  const names = new Map(users.map((u) => [u.username, u.displayName]));
  return (username) => names.get(username) ?? username;
}

/** Each run as lists show it, counted from its route grids and findings. */
export async function runSummaries(manager: EntityManager, runs: readonly PatrolRun[], plans: readonly PatrolPlan[]): Promise<PatrolRunSummary[]> {
  if (!runs.length) return [];
  const runIds = runs.map((r) => r.id);
  const [grids, findings] = await Promise.all([manager.findBy(PatrolRunGridEntity, { runId: In(runIds) }), manager.find(PatrolFindingEntity, { where: { runId: In(runIds) }, select: { id: true, runId: true } })]);
  return runs.map((run) => {
    const plan = plans.find((p) => p.id === run.planId)!;
    const own = grids.filter((g) => g.runId === run.id);
    return {
      ref: run.ref,
      planRef: plan.ref,
      title: plan.title,
      seq: run.seq,
      startsAt: run.startsAt.toISOString(),
      endsAt: run.endsAt.toISOString(),
      status: run.status,
      gridsTotal: own.length,
      gridsVisited: own.filter((g) => g.visitedAt).length,
      gridsUnvisited: own.filter((g) => g.flaggedUnvisitedAt).length,
      findingCount: findings.filter((f) => f.runId === run.id).length,
    };
  });
}

/** Each plan as lists and the calendar show it. */
export async function planSummaries(manager: EntityManager, plans: readonly PatrolPlan[]): Promise<PatrolPlanSummary[]> {
  if (!plans.length) return [];
  const planIds = plans.map((p) => p.id);
  const [members, runs] = await Promise.all([manager.find(PatrolMemberEntity, { where: { planId: In(planIds) }, order: { id: 'ASC' } }), manager.find(PatrolRunEntity, { where: { planId: In(planIds) }, order: { seq: 'ASC' } })]);
  const summaries = await runSummaries(manager, runs, plans);
  const nameOf = await displayNamesOf(manager, plans.map((p) => p.createdBy));
  return plans.map((plan) => {
    const team = members.filter((m) => m.planId === plan.id);
    const own = summaries.filter((r) => r.planRef === plan.ref);
    return {
      ref: plan.ref,
      title: plan.title,
      route: routeOf(plan),
      departments: [...new Set(team.map((m) => m.departmentCode))],
      members: team.length,
      schedule: scheduleOf(plan),
      status: plan.status,
      nextRun: own.find((r) => r.status !== 'finished') ?? null,
      lastRun: own.at(-1) ?? null,
      runCount: own.length,
      createdBy: plan.createdBy,
      createdByName: nameOf(plan.createdBy),
      createdAt: plan.createdAt.toISOString(),
    };
  });
}

/** The plan's team with names, as plans and runs show it. */
export async function teamOf(manager: EntityManager, planId: number): Promise<PatrolMemberView[]> {
  const members = await manager.find(PatrolMemberEntity, { where: { planId }, order: { id: 'ASC' } });
  const [nameOf, departments] = await Promise.all([
    displayNamesOf(manager, members.map((m) => m.username)),
    members.length ? manager.findBy(DepartmentEntity, { code: In(members.map((m) => m.departmentCode)) }) : [],
  ]);
  return members.map((m) => ({
    username: m.username,
    departmentCode: m.departmentCode,
    displayName: nameOf(m.username),
    departmentName: departments.find((d) => d.code === m.departmentCode)?.nameZh ?? null,
  }));
}

/** GET /patrols/:ref. */
export async function planDetail(manager: EntityManager, plan: PatrolPlan): Promise<PatrolPlanDetail> {
  const [summary] = await planSummaries(manager, [plan]);
  const runs = await manager.find(PatrolRunEntity, { where: { planId: plan.id }, order: { seq: 'ASC' } });
  const names = await gridNamesOf(manager, routeOf(plan));
  return {
    ...summary!,
    team: await teamOf(manager, plan.id),
    routeGrids: routeOf(plan).map((gridCode) => ({ gridCode, gridName: names.get(gridCode) ?? gridCode })),
    runs: await runSummaries(manager, runs, [plan]),
  };
}

/** GET /patrol-runs/:ref, less the members' round state, which the engine knows. */
export async function runDetail(manager: EntityManager, run: PatrolRun, plan: PatrolPlan, roundsDone: ReadonlySet<string>): Promise<PatrolRunDetail> {
  const [summary] = await runSummaries(manager, [run], [plan]);
  const [grids, checkIns, findings, team] = await Promise.all([
    manager.find(PatrolRunGridEntity, { where: { runId: run.id }, order: { seq: 'ASC' } }),
    manager.find(PatrolCheckInEntity, { where: { runId: run.id }, order: { id: 'ASC' } }),
    manager.find(PatrolFindingEntity, { where: { runId: run.id }, order: { id: 'ASC' } }),
    teamOf(manager, plan.id),
  ]);
  const names = await gridNamesOf(manager, grids.map((g) => g.gridCode));
  const nameOf = await displayNamesOf(manager, [...team.map((m) => m.username), ...checkIns.map((c) => c.username), ...findings.map((f) => f.recordedBy), run.reviewedBy]);
  const cases = findings.length ? await manager.find(CaseFileEntity, { where: { id: In(findings.map((f) => f.caseId)) }, select: { id: true, status: true } }) : [];
  const checkInView = (c: (typeof checkIns)[number]): PatrolCheckInView => ({ id: c.id, gridCode: c.gridCode, username: c.username, displayName: nameOf(c.username), departmentCode: c.departmentCode, lng: c.lng, lat: c.lat, at: c.at.toISOString() });
  const findingView = (f: (typeof findings)[number]): PatrolFindingView => ({
    id: f.id,
    description: f.description,
    lng: f.lng,
    lat: f.lat,
    gridCode: f.gridCode,
    categoryCode: f.categoryCode,
    categoryName: categoryOf(f.categoryCode)?.name ?? null,
    caseNo: f.caseNo,
    caseStatus: cases.find((c) => c.id === f.caseId)?.status ?? null,
    recordedBy: f.recordedBy,
    recordedByName: nameOf(f.recordedBy),
    departmentCode: f.departmentCode,
    recordedAt: f.recordedAt.toISOString(),
  });
  return {
    ...summary!,
    startedAt: run.startedAt?.toISOString() ?? null,
    roundEndedAt: run.roundEndedAt?.toISOString() ?? null,
    team: team.map((m) => ({ ...m, roundDone: roundsDone.has(m.username) })),
    route: grids.map((g) => ({ seq: g.seq, gridCode: g.gridCode, gridName: names.get(g.gridCode) ?? g.gridCode, status: gridStatus(g), checkIns: checkIns.filter((c) => c.gridCode === g.gridCode).map(checkInView) })),
    findings: findings.map(findingView),
    unvisitedGrids: grids.filter((g) => g.flaggedUnvisitedAt).map((g) => g.gridCode),
    report: run.reportSummary && run.reportAt ? { summary: run.reportSummary, generatedAt: run.reportAt.toISOString() } : null,
    review: run.reviewedAt && run.reviewComment ? { by: run.reviewedBy ?? '', byName: run.reviewedBy ? nameOf(run.reviewedBy) : null, comment: run.reviewComment, at: run.reviewedAt.toISOString() } : null,
  };
}

function gridStatus(grid: PatrolRunGrid): PatrolRunDetail['route'][number]['status'] {
  if (grid.visitedAt) return 'visited';
  return grid.flaggedUnvisitedAt ? 'unvisited' : 'pending';
}

/** A run's window as people write it, e.g. 2026-12-04 08:30–11:30. */
export function windowText(run: Pick<PatrolRun, 'startsAt' | 'endsAt'>): string {
  const start = toBeijing(run.startsAt);
  const end = toBeijing(run.endsAt);
  return `${start.replace('T', ' ')}–${end.slice(0, 10) === start.slice(0, 10) ? end.slice(11) : end.replace('T', ' ')}`;
}

/** A plan's route as people read it: 稻香社区0011号网格 → 稻香社区0012号网格 → …. */
export async function routeText(manager: EntityManager, plan: PatrolPlan): Promise<string> {
  const route = routeOf(plan);
  const names = await gridNamesOf(manager, route);
  return route.map((code) => names.get(code) ?? code).join(' → ');
}
