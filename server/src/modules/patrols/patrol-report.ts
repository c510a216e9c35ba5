import { In, type EntityManager } from 'typeorm';
import { CaseFileEntity } from '../cases/index.js';
import type { PatrolPlan } from './patrol-plan.entity.js';
import { PatrolCheckInEntity, PatrolFindingEntity } from './patrol-records.entity.js';
import { PatrolRunGridEntity, type PatrolRun } from './patrol-run.entity.js';
import { gridNamesOf, windowText } from './patrol-views.js';

/** Case statuses in the words of the report. */
const caseStatusText: Record<string, string> = { registered: '待立案', rejected: '不予立案', merged: '已合并', dispatched: '处置中', handled: '待核查', returned: '退单', closed: '已结案' };

/**
 * The patrol report's summary, generated from the records: the route walked and the grids left unvisited, the
 * check-ins, and each finding with its case. The run page adds the cases' live status to it.
 */
export async function compileReportText(manager: EntityManager, run: PatrolRun, plan: PatrolPlan): Promise<string> {
  const [grids, checkIns, findings] = await Promise.all([
    manager.find(PatrolRunGridEntity, { where: { runId: run.id }, order: { seq: 'ASC' } }),
    manager.findBy(PatrolCheckInEntity, { runId: run.id }),
    manager.find(PatrolFindingEntity, { where: { runId: run.id }, order: { id: 'ASC' } }),
  ]);
  const unvisited = grids.filter((g) => !g.visitedAt);
  const names = await gridNamesOf(manager, unvisited.map((g) => g.gridCode));
  const cases = findings.length ? await manager.findBy(CaseFileEntity, { id: In(findings.map((f) => f.caseId)) }) : [];
  const people = new Set(checkIns.map((c) => c.username)).size;
  const walked = unvisited.length
    ? `已巡查 ${grids.length - unvisited.length} 个，未巡查 ${unvisited.length} 个（${unvisited.map((g) => names.get(g.gridCode) ?? g.gridCode).join('、')}）`
    : '全部网格均已巡查';
  const parts = [
    `${windowText(run)} 联合巡查“${plan.title}”：路线 ${grids.length} 个网格，${walked}`,
    `${people} 名队员签到 ${checkIns.length} 次`,
    findings.length
      ? `发现问题 ${findings.length} 起，均已立案：${findings.map((f) => `${f.caseNo}（${caseStatusText[cases.find((c) => c.id === f.caseId)?.status ?? ''] ?? '状态未知'}）`).join('、')}`
      : '未发现问题',
  ];
  return `${parts.join('；')}。`;
}
