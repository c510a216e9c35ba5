import { z } from 'zod';
import { notify } from '../../modules/notifications/index.js';
import { compileRunReport } from '../../modules/patrols/index.js';
import { defineHandler } from '../runtime/index.js';
import { Topics } from '../topics.js';
import type { CommonDeps } from './common-deps.js';

const input = z.object({ runRef: z.string().min(1) });

/** 生成巡查报告: the report is generated from the run's records and the coordinators are asked to review it. */
export function patrolCompileReportHandler(deps: Pick<CommonDeps, 'clock'>) {
  const clock = deps.clock ?? (() => new Date());
  return defineHandler({
    topic: Topics.PatrolCompileReport,
    input,
    async handle(v, { once }) {
      await once('compile-report', async (manager) => {
        const { run, plan, summary } = await compileRunReport(manager, v.runRef, clock());
        await notify(manager, { recipients: [{ type: 'group', id: 'coordination' }], title: `巡查报告待复核：${plan.title}（${run.ref}）`, body: summary, event: 'patrol.report' });
      });
    },
  });
}
