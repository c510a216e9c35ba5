import { z } from 'zod';
import { scheduleNextRun, type ScheduledRun } from '../../modules/patrols/index.js';
import { defineHandler } from '../runtime/index.js';
import { Topics } from '../topics.js';
import type { CommonDeps } from './common-deps.js';

const input = z.object({
  planRef: z.string().min(1),
  /** The occurrence the schedule created last; 0 before the first. */
  lastRunSeq: z.number().int().min(0),
});

/**
 * 排定下一次巡查: registers the plan's next run (its row and route) and hands the schedule what its timer and call
 * activity need; `hasNextRun` false ends the schedule when the plan has no more runs.
 */
export function patrolNextRunHandler(deps: Pick<CommonDeps, 'clock'>) {
  const clock = deps.clock ?? (() => new Date());
  return defineHandler({
    topic: Topics.PatrolNextRun,
    input,
    async handle(v, { once, logger }) {
      // "Now" is read inside once(): a redelivered task gets the run it registered the first time.
      const next = await once('next-run', (manager): Promise<ScheduledRun | null> => scheduleNextRun(manager, v.planRef, v.lastRunSeq, clock()));
      if (!next) {
        logger.info({ planRef: v.planRef }, 'patrol plan has no more runs');
        return { hasNextRun: false };
      }
      return {
        hasNextRun: true,
        lastRunSeq: next.seq,
        runRef: next.runRef,
        runStartsAt: new Date(next.startsAt),
        runEndsAt: new Date(next.endsAt),
        runCreateAt: new Date(next.createAt),
        teamMembers: next.members,
      };
    },
  });
}
