import { In, type EntityManager } from 'typeorm';
import type { TaskCaseSummary, TaskSubject } from '../../contracts/tasks.js';
import { categoryOf } from '../categories/index.js';
import { CommunityEntity, gridDisplayName } from '../grids/index.js';
import type { TaskPresenter } from '../module.js';
import { CaseFileEntity, type CaseFile } from './case-file.entity.js';

/** How the tasks of case-closed-loop look in the inbox: the case's number, category, description and place. */
export const casePresenter: TaskPresenter = {
  async subjects(manager, processInstanceIds) {
    if (processInstanceIds.length === 0) return new Map();
    const cases = await manager.findBy(CaseFileEntity, { processInstanceId: In([...new Set(processInstanceIds)]) });
    const communities = await communityNames(manager, cases);
    return new Map(cases.map((c) => [c.processInstanceId, caseSubject(c, communities)]));
  },
};

function caseSubject(c: CaseFile, communities: ReadonlyMap<string, string>): TaskSubject {
  const summary = caseSummary(c, communities);
  return {
    kind: 'case',
    ref: c.caseNo,
    title: c.description,
    place: [c.address, summary.gridName ?? c.gridCode].filter(Boolean).join(' · ') || null,
    streetCode: c.streetCode,
    gridCode: c.gridCode,
    urgent: summary.urgent,
    link: null,
    category: { code: c.categoryCode, name: summary.categoryName },
    case: summary,
  };
}

function caseSummary(c: CaseFile, communities: ReadonlyMap<string, string>): TaskCaseSummary {
  const gridName = c.gridCode ? gridDisplayName(c.gridCode, c.communityCode ? communities.get(c.communityCode) : null) : null;
  return { caseNo: c.caseNo, categoryCode: c.categoryCode, categoryName: categoryOf(c.categoryCode)?.name ?? c.categoryCode, description: c.description, address: c.address, streetCode: c.streetCode, gridCode: c.gridCode, gridName, urgent: Boolean(c.urgent) };
}

/** Community names by code, for the grid names people use (稻香社区0011号网格). */
async function communityNames(manager: EntityManager, cases: readonly CaseFile[]): Promise<Map<string, string>> {
  const codes = [...new Set(cases.map((c) => c.communityCode).filter((code): code is string => code !== null))];
  if (codes.length === 0) return new Map();
  return new Map((await manager.findBy(CommunityEntity, { code: In(codes) })).map((m) => [m.code, m.name]));
}
