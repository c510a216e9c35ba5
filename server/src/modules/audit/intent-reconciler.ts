import type { Logger } from 'pino';
import { In, LessThanOrEqual, type DataSource } from 'typeorm';
import { EngineUnavailableError } from '../../errors/index.js';
import { AuditIntentEntity, type AuditIntent } from './audit-intent.entity.js';
import { dropIntent, settleIntent } from './audit-intents.js';

/** Asks the engine whether an intent's change happened: true or false, or throws when it cannot tell now. */
export type IntentCheck = (intent: AuditIntent) => Promise<boolean>;

/** Which leftover intents one run looks at. */
export interface IntentReconcileOptions {
  /** Only intents at least this old: a younger one may belong to a request still waiting on the engine. */
  settleMs: number;
  /** Only intents on these targets (tests use it to leave other tests' intents alone). */
  targetIds?: string[];
  /** @default 100 */
  batch?: number;
}

/** What one run did. */
export interface IntentReconcileResult {
  recorded: number;
  dropped: number;
  kept: number;
}

/**
 * Settles leftover intents from the engine's history: each becomes its audit record if the engine shows the change
 * happened, and is dropped if it shows it did not. Intents the engine cannot be asked about now stay for the next run.
 */
export async function reconcileIntents(deps: { dataSource: DataSource; logger: Logger }, checks: Record<string, IntentCheck>, options: IntentReconcileOptions): Promise<IntentReconcileResult> {
  const result: IntentReconcileResult = { recorded: 0, dropped: 0, kept: 0 };
  const intents = await deps.dataSource.manager.find(AuditIntentEntity, {
    where: { createdAt: LessThanOrEqual(new Date(Date.now() - options.settleMs)), ...(options.targetIds ? { targetId: In(options.targetIds) } : {}) },
    order: { id: 'ASC' },
    take: options.batch ?? 100,
  });
  for (const [index, intent] of intents.entries()) {
    const check = checks[intent.evidence];
    if (!check) {
      // Written by a newer version that knows the check; it settles the intent.
      result.kept++;
      continue;
    }
    let happened: boolean;
    try {
      happened = await check(intent);
    } catch (error) {
      if (!(error instanceof EngineUnavailableError)) throw error;
      deps.logger.warn({ err: error }, 'engine unreachable; audit intents are settled at a later run');
      result.kept += intents.length - index;
      break;
    }
    if (happened) {
      if (!(await settleIntent(deps.dataSource, intent))) continue;
      result.recorded++;
      deps.logger.warn({ intentId: intent.id, action: intent.action, targetId: intent.targetId }, 'audit record written late from the engine history');
    } else {
      await dropIntent(deps.dataSource, intent);
      result.dropped++;
      deps.logger.info({ intentId: intent.id, action: intent.action, targetId: intent.targetId }, 'audit intent dropped: the engine shows no such change');
    }
  }
  return result;
}
