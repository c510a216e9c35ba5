import type { EntityManager } from 'typeorm';
import { JointOperationEntity } from './operation.entity.js';
import { OperationEventEntity } from './operation-event.entity.js';

/** One line of an operation's timeline as its writers give it. */
export interface OperationEventInput {
  operationId: number;
  type: string;
  actor?: string | null;
  departmentCode?: string | null;
  data?: Record<string, unknown> | null;
  at?: Date;
}

/**
 * Writes a line of the operation's timeline and marks the operation changed, in the caller's transaction: every change
 * of an operation goes through here, so the live board hears of each one.
 */
export async function recordOperationEvent(manager: EntityManager, input: OperationEventInput): Promise<void> {
  const at = input.at ?? new Date();
  await manager.insert(OperationEventEntity, {
    operationId: input.operationId,
    at,
    type: input.type,
    actor: input.actor ?? null,
    departmentCode: input.departmentCode ?? null,
    data: input.data ? JSON.stringify(input.data) : null,
  });
  await touchOperation(manager, input.operationId);
}

/** Marks an operation changed now, for the live stream. */
export async function touchOperation(manager: EntityManager, operationId: number): Promise<void> {
  await manager.update(JointOperationEntity, { id: operationId }, { updatedAt: new Date() });
}
