import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { EngineClient } from '../../engine/index.js';
import { reconcileIntents, type AuditIntent, type IntentCheck, type IntentReconcileResult } from '../audit/index.js';

/** The engine history that proves a task action happened: the actor became assignee, stopped being it, or completed the task. */
export type TaskEvidence = 'task-claimed' | 'task-unclaimed' | 'task-completed';

/**
 * Engine clocks and app clocks differ a little; a history entry up to this much older than the intent still counts.
 * Kept short, so that an earlier claim of the same task by the same person is not mistaken for this one.
 */
const clockSkewMs = 30_000;

/** The checks of task intents against the engine's history (identity link log and historic tasks). */
export function taskIntentChecks(engine: EngineClient): Record<TaskEvidence, IntentCheck> {
  const assigneeChange = (operationType: 'add' | 'delete'): IntentCheck => async (intent) => {
    const changes = await engine.assigneeHistory(intent.targetId);
    return changes.some((c) => c.operationType === operationType && c.userId === intent.actor && notBefore(c.time, intent));
  };
  return {
    'task-claimed': assigneeChange('add'),
    'task-unclaimed': assigneeChange('delete'),
    'task-completed': async (intent) => {
      const task = await engine.historicTask(intent.targetId);
      return task?.deleteReason === 'completed' && task.assignee === intent.actor && task.endTime !== null && notBefore(task.endTime, intent);
    },
  };
}

/** Settles leftover task intents from the engine's history; see reconcileIntents. */
export function reconcileTaskIntents(deps: { dataSource: DataSource; engine: EngineClient; logger: Logger }, options: { settleMs: number; targetIds?: string[] }): Promise<IntentReconcileResult> {
  return reconcileIntents(deps, taskIntentChecks(deps.engine), options);
}

function notBefore(engineTime: string, intent: AuditIntent): boolean {
  return new Date(engineTime).getTime() >= intent.createdAt.getTime() - clockSkewMs;
}
