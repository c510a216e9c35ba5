import { z } from 'zod';
import type { EntityManager } from 'typeorm';
import { recordCaseEvent } from '../../modules/cases/index.js';
import { availableCrewsByDistance, takeCrew, type CrewNearby } from '../../modules/crews/index.js';
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

type Input = z.output<typeof input>;

/** The crew a case got, as recorded once and returned again on a redelivered task; null when none was free. */
type AssignedCrew = { crewCode: string; crewName: string; distanceM: number } | { crewCode: null; crewName: null; distanceM: null };

/** What the crew assignment needs besides the database. */
export interface AssignCrewDeps {
  /**
   * The crews to try, nearest first; tests narrow it to their own crews, or model a district with none free.
   * @default availableCrewsByDistance
   */
  findCrews: typeof availableCrewsByDistance;
}

/**
 * 指派就近作业班组: sends the nearest crew it can take to the case, marks it busy and tells the sanitation group; with
 * none free, it tells the group to arrange one. Cases at one place compete for the same crews: a crew another case
 * takes first is no fault, so the next one is tried, and when all are gone the case follows the "none free" path.
 */
export function createAssignCrewHandler({ findCrews = availableCrewsByDistance }: Partial<AssignCrewDeps> = {}) {
  return defineHandler({
    topic: Topics.SanitationAssignCrew,
    input,
    async handle(v, { once, logger }) {
      const assigned = await once('assign-crew', async (manager): Promise<AssignedCrew> => {
        const now = new Date();
        for (const crew of await findCrews(manager, v.lng, v.lat)) {
          if (await takeCrew(manager, crew.code, now)) return recordAssignment(manager, v, crew, now);
        }
        return recordNoCrewFree(manager, v, now);
      });
      logger.info(assigned, assigned.crewCode ? 'sanitation crew assigned' : 'no sanitation crew free; the liaison arranges one');
      return { assignedCrewCode: assigned.crewCode, assignedCrewName: assigned.crewName, crewDistanceM: assigned.distanceM };
    },
  });
}

async function recordAssignment(manager: EntityManager, v: Input, crew: CrewNearby, now: Date): Promise<AssignedCrew> {
  const distanceM = Math.round(crew.distanceM);
  await manager.insert(CrewAssignmentEntity, { caseId: v.caseId, crewCode: crew.code, distanceM, assignedAt: now });
  const result: AssignedCrew = { crewCode: crew.code, crewName: crew.name, distanceM };
  await recordCaseEvent(manager, { caseId: v.caseId, type: 'crew-assigned', department: 'sanitation', actor: 'worker:sanitation', at: now, data: result });
  await notify(manager, {
    recipients: [{ type: 'group', id: 'sanitation' }],
    caseId: v.caseId,
    title: `案件 ${v.caseNo} 已指派作业班组 ${crew.name}`,
    body: `班组长 ${crew.leader}（${crew.phone}），距案发地约 ${distanceM} 米，请尽快前往处置。`,
    event: 'case.crew-assigned',
  });
  return result;
}

/** Every crew is out: a business situation for the liaison to arrange, not a fault to retry. */
async function recordNoCrewFree(manager: EntityManager, v: Input, now: Date): Promise<AssignedCrew> {
  await recordCaseEvent(manager, { caseId: v.caseId, type: 'crew-assigned', department: 'sanitation', actor: 'worker:sanitation', at: now, data: { crewCode: null } });
  await notify(manager, {
    recipients: [{ type: 'group', id: 'sanitation' }],
    caseId: v.caseId,
    title: `案件 ${v.caseNo} 暂无空闲作业班组`,
    body: '所有环卫作业班组都在作业中，请联络员协调班组后处置。',
    event: 'case.crew-unavailable',
  });
  return { crewCode: null, crewName: null, distanceM: null };
}

/** The crew assignment handler on the real crew table. */
export const assignCrewHandler = createAssignCrewHandler();
