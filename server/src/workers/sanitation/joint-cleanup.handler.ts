import { z } from 'zod';
import { availableCrewsByDistance } from '../../modules/crews/index.js';
import { JointOperationEntity, operationArea, recordOperationEvent } from '../../modules/joint-operations/index.js';
import { notify } from '../../modules/notifications/index.js';
import { defineHandler } from '../runtime/index.js';
import { Topics } from '../topics.js';

const input = z.object({ operationId: z.number().int(), departmentCode: z.string() });

/** The crew sent to clean up, as recorded once and returned again on a redelivered task; null when none was free. */
type Dispatched = { crewCode: string; crewName: string; distanceM: number } | { crewCode: null; crewName: null; distanceM: null };

/** What the clean-up dispatch needs besides the database. */
export interface JointCleanupDeps {
  /** @default availableCrewsByDistance */
  findCrews: typeof availableCrewsByDistance;
}

/**
 * 派遣保洁班组: when sanitation has finished its execution, sends the free crew nearest to the centre of the operation's
 * area to clean up after it, and tells the department with the crew leader's phone; with none free, asks the liaison
 * to arrange one. The crew is told, not booked: a clean-up after an operation is short, and cases keep first call on it.
 */
export function createJointCleanupHandler({ findCrews = availableCrewsByDistance }: Partial<JointCleanupDeps> = {}) {
  return defineHandler({
    topic: Topics.SanitationJointCleanup,
    input,
    async handle(v, { once }) {
      const dispatched = await once('joint-cleanup', async (manager): Promise<Dispatched> => {
        const op = await manager.findOneByOrFail(JointOperationEntity, { id: v.operationId });
        const { centre, gridCodes } = await operationArea(manager, op.id);
        const crew = centre ? (await findCrews(manager, centre.lng, centre.lat))[0] : undefined;
        const result: Dispatched = crew ? { crewCode: crew.code, crewName: crew.name, distanceM: Math.round(crew.distanceM) } : { crewCode: null, crewName: null, distanceM: null };
        await recordOperationEvent(manager, { operationId: op.id, type: 'crew-dispatched', actor: 'worker:sanitation', departmentCode: v.departmentCode, data: { ...result, gridCodes } });
        await notify(manager, {
          recipients: [{ type: 'group', id: v.departmentCode }],
          title: crew ? `联合执法 ${op.ref} 行动后清理：已派 ${crew.name}` : `联合执法 ${op.ref} 行动后清理：暂无空闲作业班组`,
          body: crew ? `班组长 ${crew.leader}（${crew.phone}），距行动区域中心约 ${result.distanceM} 米，请清理 ${gridCodes.length} 个网格的行动现场。` : '所有环卫作业班组都在作业中，请联络员协调班组清理行动现场。',
          event: 'operation.crew-dispatched',
        });
        return result;
      });
      return { cleanupCrewCode: dispatched.crewCode };
    },
    outputScope: 'local',
  });
}

/** The clean-up dispatch on the real crew table. */
export const jointCleanupHandler = createJointCleanupHandler();
