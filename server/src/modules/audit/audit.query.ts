import { In, type DataSource } from 'typeorm';
import type { AuditPage, AuditRecordView } from '../../contracts/audit.js';
import { UserEntity } from '../users/index.js';
import { AuditRecordEntity, type AuditRecord } from './audit-record.entity.js';
import type { AuditQuery } from './audit.schema.js';

/** One page of the audit log under the filters, newest first, with each actor's display name. */
export async function listAudit(dataSource: DataSource, query: AuditQuery): Promise<AuditPage> {
  const qb = dataSource.manager.createQueryBuilder(AuditRecordEntity, 'a');
  if (query.actor) qb.andWhere('a.actor = :actor', { actor: query.actor });
  if (query.action?.endsWith('.')) qb.andWhere("a.action LIKE :action ESCAPE '!'", { action: `${query.action.replace(/[!%_]/g, '!$&')}%` });
  else if (query.action) qb.andWhere('a.action = :action', { action: query.action });
  if (query.targetType) qb.andWhere('a.targetType = :targetType', { targetType: query.targetType });
  if (query.targetId) qb.andWhere('a.targetId = :targetId', { targetId: query.targetId });
  if (query.from) qb.andWhere('a.at >= :from', { from: query.from });
  if (query.to) qb.andWhere('a.at <= :to', { to: query.to });
  const [rows, total] = await qb
    .orderBy('a.at', 'DESC')
    .addOrderBy('a.id', 'DESC')
    .offset((query.page - 1) * query.pageSize)
    .limit(query.pageSize)
    .getManyAndCount();
  const actors = [...new Set(rows.map((r) => r.actor))];
  const users = actors.length ? await dataSource.manager.find(UserEntity, { where: { username: In(actors) }, select: { username: true, displayName: true } }) : [];
  const names = new Map(users.map((u) => [u.username, u.displayName]));
  return { items: rows.map((r) => toView(r, names.get(r.actor) ?? null)), total, page: query.page, pageSize: query.pageSize };
}

function toView(record: AuditRecord, actorName: string | null): AuditRecordView {
  const { id, actor, action, targetType, targetId } = record;
  return { id, at: record.at.toISOString(), actor, actorName, action, targetType, targetId, before: parse(record.beforeState), after: parse(record.afterState) };
}

function parse(state: string | null): unknown {
  if (state === null) return null;
  try {
    return JSON.parse(state) as unknown;
  } catch {
    return state;
  }
}
