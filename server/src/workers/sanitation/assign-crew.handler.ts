import { z } from 'zod';
import { CaseEventEntity } from '../../modules/cases/index.js';
import { nearestAvailableCrew, SanitationCrewEntity } from '../../modules/crews/index.js';
import { CrewAssignmentEntity } from '../../modules/department-records/index.js';
import { notify } from '../../modules/notifications/index.js';
import { defineHandler } from '../runtime/index.js';
import { Topics } from '../topics.js';

const input = z.object({
  caseId: z.number().int(),
  caseNo: z.string(),
  lng: z.number(),
  lat: z.number(),
});

/** The crew a case got, as recorded once and returned again on a redelivered task; null when none was free. */
type AssignedCrew = { crewCode: string; crewName: string; distanceM: number } | { crewCode: null; crewName: null; distanceM: null };

/** What the crew assignment needs besides the database. */
export interface AssignCrewDeps {
  /**
   * Finds the crew to send; tests replace it to model a district with no crew free.
   * @default nearestAvailableCrew
   */
  findCrew: typeof nearestAvailableCrew;
}

/** 指派就近作业班组: sends the nearest available sanitation crew to the case, marks it busy and tells the sanitation group; with none free, it tells the group to arrange one. */
export function createAssignCrewHandler({ findCrew = nearestAvailableCrew }: Partial<AssignCrewDeps> = {}) {
  return defineHandler({
    topic: Topics.SanitationAssignCrew,
    input,
    async handle(v, { once, logger }) {
      const assigned = await once('assign-crew', async (manager): Promise<AssignedCrew> => {
        const crew = await findCrew(manager, v.lng, v.lat);
        if (!crew) {
          // Every crew is out: a business situation for the liaison to arrange, not a fault to retry.
          await manager.insert(CaseEventEntity, { caseId: v.caseId, type: 'crew-assigned', department: 'sanitation', actor: 'worker:sanitation', at: new Date(), onTime: null, data: JSON.stringify({ crewCode: null }) });
          await notify(manager, {
            recipients: [{ type: 'group', id: 'sanitation' }],
            caseId: v.caseId,
            title: `案件 ${v.caseNo} 暂无空闲作业班组`,
            body: '所有环卫作业班组都在作业中，请联络员协调班组后处置。',
            event: 'case.crew-unavailable',
          });
          return { crewCode: null, crewName: null, distanceM: null };
        }
        const now = new Date();
        // Only an available crew may be taken: a concurrent assignment that got it first leaves nothing to update.
        const { affected } = await manager.update(SanitationCrewEntity, { code: crew.code, status: 'available' }, { status: 'busy', updatedAt: now });
        if (affected !== 1) {
          throw new Error(`环卫作业班组 ${crew.name} 已被其他案件占用，稍后重试 / Crew ${crew.code} was taken by another case meanwhile; retrying`);
        }
        const distanceM = Math.round(crew.distanceM);
        await manager.insert(CrewAssignmentEntity, { caseId: v.caseId, crewCode: crew.code, distanceM, assignedAt: now });
        const result: AssignedCrew = { crewCode: crew.code, crewName: crew.name, distanceM };
        await manager.insert(CaseEventEntity, { caseId: v.caseId, type: 'crew-assigned', department: 'sanitation', actor: 'worker:sanitation', at: now, onTime: null, data: JSON.stringify(result) });
        await notify(manager, {
          recipients: [{ type: 'group', id: 'sanitation' }],
          caseId: v.caseId,
          title: `案件 ${v.caseNo} 已指派作业班组 ${crew.name}`,
          body: `班组长 ${crew.leader}（${crew.phone}），距案发地约 ${distanceM} 米，请尽快前往处置。`,
          event: 'case.crew-assigned',
        });
        return result;
      });
      logger.info(assigned, assigned.crewCode ? 'sanitation crew assigned' : 'no sanitation crew free; the liaison arranges one');
      return { assignedCrewCode: assigned.crewCode, assignedCrewName: assigned.crewName, crewDistanceM: assigned.distanceM };
    },
  });
}

/** The crew assignment handler on the real crew table. */
export const assignCrewHandler = createAssignCrewHandler();
