import { In, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { NotFoundError, ValidationError } from '../../errors/index.js';
import { hasRole, type CurrentUser } from '../auth/index.js';
import type { Role } from '../users/index.js';
import { JointOperationEntity, type JointOperation } from './operation.entity.js';
import { operationRefPattern } from './operations.schema.js';
import { OperationParticipantEntity } from './participant.entity.js';

/** Roles that may read operations: the planners and approvers see all, a liaison those of their department. */
export const operationReaderRoles: Role[] = ['coordinator', 'command-centre', 'supervisor', 'admin', 'liaison'];

/** Whether the user sees every operation (coordinators, the command centre, supervisors, administrators). */
export function seesAllOperations(user: CurrentUser): boolean {
  return hasRole(user, 'coordinator', 'command-centre', 'supervisor', 'admin');
}

/** Narrows an operation query (alias `op`) to what the user sees: a liaison only the operations their department takes part in. */
export function applyOperationScope(query: SelectQueryBuilder<JointOperation>, user: CurrentUser): SelectQueryBuilder<JointOperation> {
  if (seesAllOperations(user)) return query;
  return query.andWhere(`EXISTS (SELECT 1 FROM joint_operation_participant p WHERE p.operation_id = op.id AND p.department_code = :scopeDepartment)`, { scopeDepartment: user.departmentCode ?? '' });
}

/** The operation of a ref if the user may see it; 404 otherwise, so that other departments' operations stay invisible. */
export async function visibleOperation(manager: EntityManager, user: CurrentUser, ref: string): Promise<JointOperation> {
  if (!operationRefPattern.test(ref)) throw new ValidationError('行动编号格式不正确，应如 JO-2026-0001', { issues: [{ path: 'params.ref', message: '行动编号格式不正确' }] });
  const op = await manager.findOneBy(JointOperationEntity, { ref });
  if (!op || !(await maySee(manager, user, op))) throw new NotFoundError(`联合执法行动 ${ref} 不存在`, { resource: 'operation', id: ref });
  return op;
}

/** Whether the user may see the operation. */
export async function maySee(manager: EntityManager, user: CurrentUser, op: Pick<JointOperation, 'id'>): Promise<boolean> {
  if (seesAllOperations(user)) return true;
  return user.departmentCode !== null && manager.existsBy(OperationParticipantEntity, { operationId: op.id, departmentCode: user.departmentCode });
}

/** Of these operation ids, those the user may see. */
export async function visibleIds(manager: EntityManager, user: CurrentUser, ids: readonly number[]): Promise<Set<number>> {
  if (seesAllOperations(user) || ids.length === 0) return new Set(ids);
  if (!user.departmentCode) return new Set();
  const rows = await manager.find(OperationParticipantEntity, { select: { operationId: true }, where: { operationId: In([...ids]), departmentCode: user.departmentCode } });
  return new Set(rows.map((r) => r.operationId));
}
