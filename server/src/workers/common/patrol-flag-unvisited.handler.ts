import { z } from 'zod';
import { notify } from '../../modules/notifications/index.js';
import { flagUnvisitedGrids } from '../../modules/patrols/index.js';
import { defineHandler } from '../runtime/index.js';
import { Topics } from '../topics.js';
import type { CommonDeps } from './common-deps.js';

const input = z.object({ runRef: z.string().min(1) });

/** 标记未巡查网格: at the end of the round, the grids of the route nobody checked in to are flagged and the coordinators told. */
export function patrolFlagUnvisitedHandler(deps: Pick<CommonDeps, 'clock'>) {
  const clock = deps.clock ?? (() => new Date());
  return defineHandler({
    topic: Topics.PatrolFlagUnvisited,
    input,
    async handle(v, { once }) {
      const unvisited = await once('flag-unvisited', async (manager) => {
        const flagged = await flagUnvisitedGrids(manager, v.runRef, clock());
        if (flagged.unvisited.length) {
          await notify(manager, {
            recipients: [{ type: 'group', id: 'coordination' }],
            title: `联合巡查 ${flagged.run.ref} 有 ${flagged.unvisited.length} 个网格未巡查`,
            body: `“${flagged.plan.title}”结束时仍未签到的网格：${flagged.unvisitedNames.join('、')}。`,
            event: 'patrol.unvisited',
          });
        }
        return flagged.unvisited;
      });
      return { unvisitedGrids: unvisited, unvisitedCount: unvisited.length };
    },
  });
}
