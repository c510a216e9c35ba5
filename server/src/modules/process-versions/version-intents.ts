import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { EngineClient } from '../../engine/index.js';
import { reconcileIntents, type IntentCheck, type IntentReconcileResult } from '../audit/index.js';

/** The engine state that proves a designer's engine change happened: the incident is resolved, or the instances are on the target. */
export type VersionEvidence = 'incident-retried' | 'instances-migrated';

/** The checks of the retry and migration intents against the engine. */
export function versionIntentChecks(engine: EngineClient): Record<VersionEvidence, IntentCheck> {
  return {
    'incident-retried': async (intent) => (await engine.incident(intent.targetId)) === undefined,
    'instances-migrated': async (intent) => {
      const before = JSON.parse(intent.beforeState ?? '{}') as { processInstanceIds?: string[] };
      const after = JSON.parse(intent.afterState ?? '{}') as { targetDefinitionId?: string };
      if (!before.processInstanceIds?.length || !after.targetDefinitionId) return false;
      return (await engine.instancesOfDefinition(after.targetDefinitionId, before.processInstanceIds)).length > 0;
    },
  };
}

/** Settles leftover retry and migration intents from the engine; see reconcileIntents. */
export function reconcileVersionIntents(deps: { dataSource: DataSource; engine: EngineClient; logger: Logger }, options: { settleMs: number; targetIds?: string[] }): Promise<IntentReconcileResult> {
  return reconcileIntents(deps, versionIntentChecks(deps.engine), options);
}
