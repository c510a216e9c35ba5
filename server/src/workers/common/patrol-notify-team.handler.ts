import { z } from 'zod';
import { notify } from '../../modules/notifications/index.js';
import { routeText, startRun, windowText } from '../../modules/patrols/index.js';
import { defineHandler } from '../runtime/index.js';
import { Topics } from '../topics.js';
import type { CommonDeps } from './common-deps.js';

const input = z.object({ runRef: z.string().min(1) });

/** 通知巡查队员: at the start time the run is in progress, its instance is recorded for the inbox, and each member is told the route. */
export function patrolNotifyTeamHandler(deps: Pick<CommonDeps, 'clock'>) {
  const clock = deps.clock ?? (() => new Date());
  return defineHandler({
    topic: Topics.PatrolNotifyTeam,
    input,
    async handle(v, { once, task }) {
      const told = await once('notify-team', async (manager) => {
        const { run, plan, members } = await startRun(manager, v.runRef, task.processInstanceId, clock());
        await notify(manager, {
          recipients: members.map((id) => ({ type: 'user' as const, id })),
          title: `联合巡查“${plan.title}”开始了`,
          body: `巡查 ${run.ref}（${windowText(run)}）。路线：${await routeText(manager, plan)}。请逐个网格签到，发现问题当场上报立案。`,
          event: 'patrol.started',
        });
        return members.length;
      });
      return { membersNotified: told };
    },
  });
}
