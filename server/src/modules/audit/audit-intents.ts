import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { inTransaction } from '../../db/transaction.js';
import { AuditIntentEntity, type AuditIntent } from './audit-intent.entity.js';
import { recordAudit, type AuditEntry } from './audit.service.js';
import { engineWriteOutcome } from './engine-outcome.js';
import { loggerOr } from './fallback-logger.js';

/** An audit entry for a change the engine makes, with the name of the check that finds it in the engine's history. */
export interface IntendedAudit extends Omit<AuditEntry, 'at'> {
  evidence: string;
}

/** What auditedEngineCall needs; the logger hears of follow-up writes that failed. */
export interface IntentDeps {
  dataSource: DataSource;
  logger?: Logger;
}

/**
 * Runs an engine write whose audit record cannot be lost. The intent is stored first; after the call it becomes the
 * audit record. An engine refusal removes the intent and passes the error on; an unknown outcome (a timeout) leaves it
 * for the reconciler. When the follow-up write fails the work is still done: that is logged, not answered.
 */
export async function auditedEngineCall<T>(deps: IntentDeps, entry: IntendedAudit, call: () => Promise<T>): Promise<T> {
  const intent = await recordIntent(deps.dataSource, entry);
  let result: T;
  try {
    result = await call();
  } catch (error) {
    if (engineWriteOutcome(error) === 'not-done') {
      await dropIntent(deps.dataSource, intent).catch((dropError: unknown) => loggerOr(deps.logger).error({ err: dropError, intentId: intent.id }, 'refused change: its audit intent stays until the reconciler drops it'));
    }
    throw error;
  }
  try {
    await settleIntent(deps.dataSource, intent);
  } catch (error) {
    loggerOr(deps.logger).error({ err: error, intentId: intent.id, action: intent.action, targetId: intent.targetId }, 'audit record of a done change not written; the reconciler writes it from the engine history');
  }
  return result;
}

/** Stores the intent in its own transaction, before the engine call. */
export async function recordIntent(dataSource: DataSource, entry: IntendedAudit): Promise<AuditIntent> {
  const row = {
    createdAt: new Date(),
    actor: entry.actor,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    beforeState: entry.before === undefined ? null : JSON.stringify(entry.before),
    afterState: entry.after === undefined ? null : JSON.stringify(entry.after),
    evidence: entry.evidence,
  };
  const { identifiers } = await inTransaction(dataSource, (manager) => manager.insert(AuditIntentEntity, row));
  return { ...row, id: Number(identifiers[0]!.id) };
}

/**
 * Turns the intent into its audit record, in one transaction that first deletes the intent: whoever deletes it
 * (the request or a reconciler on any node) writes the record, so it is written exactly once. False if already settled.
 */
export function settleIntent(dataSource: DataSource, intent: AuditIntent): Promise<boolean> {
  return inTransaction(dataSource, async (manager) => {
    const { affected } = await manager.delete(AuditIntentEntity, { id: intent.id });
    if (!affected) return false;
    await recordAudit(manager, {
      at: intent.createdAt,
      actor: intent.actor,
      action: intent.action,
      targetType: intent.targetType,
      targetId: intent.targetId,
      before: parse(intent.beforeState),
      after: parse(intent.afterState),
    });
    return true;
  });
}

/** Removes the intent of a change that did not happen. */
export async function dropIntent(dataSource: DataSource, intent: Pick<AuditIntent, 'id'>): Promise<void> {
  await inTransaction(dataSource, (manager) => manager.delete(AuditIntentEntity, { id: intent.id }));
}

function parse(state: string | null): unknown {
  return state === null ? undefined : (JSON.parse(state) as unknown);
}
