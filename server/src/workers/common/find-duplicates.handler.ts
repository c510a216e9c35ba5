import { In, MoreThanOrEqual, Not, Between } from 'typeorm';
import { z } from 'zod';
import { CaseFileEntity } from '../../modules/cases/index.js';
import { degreesAround, haversineMeters } from '../../modules/grids/index.js';
import { defineHandler } from '../runtime/index.js';
import { Topics } from '../topics.js';
import type { CommonDeps } from './common-deps.js';

/** Case statuses that can still absorb a duplicate. */
const openStatuses = ['registered', 'dispatched', 'handled', 'returned'] as const;

/** 疑似重复检查: open cases of the same category, within the radius and the window, nearest first. Reads only. */
export function findDuplicatesHandler(deps: CommonDeps) {
  return defineHandler({
    topic: Topics.FindDuplicates,
    input: z.object({ caseId: z.number().int(), categoryCode: z.string(), lng: z.number(), lat: z.number() }),
    async handle({ caseId, categoryCode, lng, lat }, { manager }) {
      const { dLng, dLat } = degreesAround(lat, deps.duplicateRadiusM);
      const since = new Date(Date.now() - deps.duplicateWindowDays * 86_400_000);
      const nearby = await manager.find(CaseFileEntity, {
        where: {
          id: Not(caseId),
          categoryCode,
          status: In([...openStatuses]),
          createdAt: MoreThanOrEqual(since),
          lng: Between(lng - dLng, lng + dLng),
          lat: Between(lat - dLat, lat + dLat),
        },
      });
      const duplicateCandidates = nearby
        .map((c) => ({ caseId: c.id, caseNo: c.caseNo, distanceM: Math.round(haversineMeters(lng, lat, c.lng!, c.lat!)), createdAt: c.createdAt.toISOString() }))
        .filter((c) => c.distanceM <= deps.duplicateRadiusM)
        .sort((a, b) => a.distanceM - b.distanceM)
        .slice(0, 5);
      return { duplicateCandidates };
    },
  });
}
