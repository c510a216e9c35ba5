import { In, type EntityManager } from 'typeorm';
import type { TaskSubject } from '../../contracts/tasks.js';
import { CommunityEntity, gridDisplayName, UnitGridEntity } from '../grids/index.js';
import type { TaskPresenter } from '../module.js';
import { JointOperationEntity, OperationGridEntity } from './operation.entity.js';

/** How the tasks of joint-enforcement show in the inbox: the operation's number, title and target, and its area. */
export const operationPresenter: TaskPresenter = {
  async subjects(manager: EntityManager, processInstanceIds: readonly string[]): Promise<Map<string, TaskSubject>> {
    const subjects = new Map<string, TaskSubject>();
    if (processInstanceIds.length === 0) return subjects;
    const ops = await manager.findBy(JointOperationEntity, { processInstanceId: In([...new Set(processInstanceIds)]) });
    if (ops.length === 0) return subjects;
    const grids = await manager.find(OperationGridEntity, { where: { operationId: In(ops.map((o) => o.id)) }, order: { gridCode: 'ASC' } });
    const firstCodes = [...new Set(ops.map((o) => grids.find((g) => g.operationId === o.id)?.gridCode).filter((c): c is string => c !== undefined))];
    const units = firstCodes.length ? await manager.findBy(UnitGridEntity, { code: In(firstCodes) }) : [];
    const communityCodes = [...new Set(units.map((u) => u.communityCode))];
    const communities = new Map((communityCodes.length ? await manager.findBy(CommunityEntity, { code: In(communityCodes) }) : []).map((c) => [c.code, c.name]));
    for (const op of ops) {
      const own = grids.filter((g) => g.operationId === op.id);
      const first = own[0]?.gridCode ?? null;
      const unit = units.find((u) => u.code === first);
      const firstName = first ? gridDisplayName(first, unit ? communities.get(unit.communityCode) : null) : null;
      subjects.set(op.processInstanceId!, {
        kind: 'joint-operation',
        ref: op.ref,
        title: `${op.title}（${op.target}）`,
        place: firstName && own.length > 1 ? `${firstName}等 ${own.length} 个网格` : firstName,
        streetCode: unit?.streetCode ?? null,
        gridCode: first,
        urgent: Boolean(op.majorEvent),
        link: `/operations/${op.ref}`,
      });
    }
    return subjects;
  },
};
