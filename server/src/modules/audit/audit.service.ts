import type { EntityManager } from 'typeorm';
import { AuditRecordEntity } from './audit-record.entity.js';

/** What an audit record says about one state change. */
export interface AuditEntry {
  actor: string;
  action: string;
  targetType: string;
  targetId: string;
  before?: unknown;
  after?: unknown;
  /** When the change happened; now unless told (e.g. when a record is settled later from its intent). */
  at?: Date;
}

/** Appends an audit record; pass the transaction's manager so the record commits with the change. */
export async function recordAudit(manager: EntityManager, entry: AuditEntry): Promise<void> {
  await manager.insert(AuditRecordEntity, {
    at: entry.at ?? new Date(),
    actor: entry.actor,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    beforeState: entry.before === undefined ? null : JSON.stringify(entry.before),
    afterState: entry.after === undefined ? null : JSON.stringify(entry.after),
  });
}

/** Audit records of one target, oldest first. */
export function auditTrail(manager: EntityManager, targetType: string, targetId: string) {
  return manager.find(AuditRecordEntity, { where: { targetType, targetId }, order: { id: 'ASC' } });
}
