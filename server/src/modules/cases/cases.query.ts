import type { DataSource } from 'typeorm';
import { formatEngineDate, type EngineClient } from '../../engine/index.js';
import type { CurrentUser } from '../auth/index.js';
import { CaseFileEntity } from './case-file.entity.js';
import { applyCaseScope, departmentsContain } from './case-scope.js';
import { caseSummary, type CaseSummary } from './case-views.js';
import type { ListCasesQuery } from './cases.schema.js';
import { caseProcessKey } from './cases.service.js';

/** One page of cases, newest first. */
export interface CasePage {
  items: CaseSummary[];
  total: number;
  page: number;
  pageSize: number;
}

/** How far ahead "due soon" looks. */
export const dueSoonWindowMs = 2 * 3_600_000;

/** Lists the cases of the caller's scope that match the filters; the deadline filter asks the engine. */
export async function listCases(deps: { dataSource: DataSource; engine: EngineClient }, user: CurrentUser, query: ListCasesQuery): Promise<CasePage> {
  const qb = applyCaseScope(deps.dataSource.manager.createQueryBuilder(CaseFileEntity, 'c'), user);
  if (query.status) qb.andWhere('c.status = :status', { status: query.status });
  if (query.categoryCode) qb.andWhere('c.categoryCode = :categoryCode', { categoryCode: query.categoryCode });
  if (query.gridCode) qb.andWhere('c.gridCode = :gridCode', { gridCode: query.gridCode });
  if (query.streetCode) qb.andWhere('c.streetCode = :streetCode', { streetCode: query.streetCode });
  if (query.department) qb.andWhere(...departmentsContain('c', 'filterDepartment', query.department));
  if (query.due) {
    const processIds = await processesWithHandlingDue(deps.engine, query.due, new Date());
    if (processIds.length === 0) return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
    qb.andWhere('c.processInstanceId IN (:...processIds)', { processIds });
  }
  const [rows, total] = await qb
    .orderBy('c.createdAt', 'DESC')
    .addOrderBy('c.id', 'DESC')
    .offset((query.page - 1) * query.pageSize)
    .limit(query.pageSize)
    .getManyAndCount();
  return { items: rows.map(caseSummary), total, page: query.page, pageSize: query.pageSize };
}

/** Process instances with an open `handle` task that is overdue, or due within the next two hours. */
async function processesWithHandlingDue(engine: EngineClient, due: 'overdue' | 'due-soon', now: Date): Promise<string[]> {
  const window = due === 'overdue' ? { dueBefore: formatEngineDate(now) } : { dueAfter: formatEngineDate(now), dueBefore: formatEngineDate(new Date(now.getTime() + dueSoonWindowMs)) };
  const tasks = await engine.tasks({ processDefinitionKey: caseProcessKey, taskDefinitionKey: 'handle', ...window });
  return [...new Set(tasks.map((t) => t.processInstanceId))];
}
