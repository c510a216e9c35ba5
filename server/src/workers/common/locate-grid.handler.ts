import { z } from 'zod';
import { CaseFileEntity } from '../../modules/cases/index.js';
import { defineHandler } from '../runtime/index.js';
import { Topics } from '../topics.js';
import type { CommonDeps } from './common-deps.js';

/** 定位网格: the unit grid, community, street and inspector of the reported point, written to the case file. */
export function locateGridHandler(deps: CommonDeps) {
  return defineHandler({
    topic: Topics.LocateGrid,
    input: z.object({ caseId: z.number().int(), lng: z.number(), lat: z.number() }),
    async handle({ caseId, lng, lat }, { once }) {
      const location = (await deps.gridLocator()).locate(lng, lat);
      if (!location) throw new Error(`上报位置不在辖区网格内 (${lng}, ${lat} is outside every unit grid)`);
      await once('write-grid', (manager) =>
        manager.update(CaseFileEntity, { id: caseId }, { gridCode: location.gridCode, streetCode: location.streetCode, communityCode: location.communityCode }),
      );
      return { ...location };
    },
  });
}
