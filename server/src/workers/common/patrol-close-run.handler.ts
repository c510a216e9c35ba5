import { z } from 'zod';
import { notify } from '../../modules/notifications/index.js';
import { closeRun } from '../../modules/patrols/index.js';
import { defineHandler } from '../runtime/index.js';
import { Topics } from '../topics.js';
import type { CommonDeps } from './common-deps.js';

const input = z.object({
  runRef: z.string().min(1),
  reviewComment: z.string().nullish(),
  /** Set by the review route; absent when the review was completed from the inbox. */
  reviewedBy: z.string().nullish(),
});

/** 巡查归档: the coordinator's review is recorded, the run is finished, and the team is told. */
export function patrolCloseRunHandler(deps: Pick<CommonDeps, 'clock'>) {
  const clock = deps.clock ?? (() => new Date());
  return defineHandler({
    topic: Topics.PatrolCloseRun,
    input,
    async handle(v, { once }) {
      await once('close-run', async (manager) => {
        const { run, plan, members } = await closeRun(manager, v.runRef, { by: v.reviewedBy ?? null, comment: v.reviewComment ?? null }, clock());
        await notify(manager, {
          recipients: members.map((id) => ({ type: 'user' as const, id })),
          title: `联合巡查 ${run.ref} 已复核完成`,
          body: `“${plan.title}”复核意见：${v.reviewComment ?? '无'}`,
          event: 'patrol.finished',
        });
      });
    },
  });
}
