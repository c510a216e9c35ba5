import { z } from 'zod';
import type { OperationPlanInput } from '../../contracts/joint-operations.js';
import { nextOccurrence, occurrenceLeadMs, OperationSeriesEntity, parseBeijingTime } from '../../modules/joint-operations/index.js';
import { defineHandler } from '../runtime/index.js';
import { Topics } from '../topics.js';

const input = z.object({
  seriesId: z.number().int(),
  lastStartsAt: z.date().nullish(),
});

/**
 * 计算下次行动: the start of the series' next occurrence after the last one created, and when to create it (a week
 * before it starts, or now when that is past); with none left before the series' last day, the series has ended.
 */
export const jointSeriesNextHandler = defineHandler({
  topic: Topics.JointSeriesNextOccurrence,
  input,
  async handle(v, { manager, once }) {
    const series = await manager.findOneByOrFail(OperationSeriesEntity, { id: v.seriesId });
    const plan = JSON.parse(series.plan) as OperationPlanInput;
    const next = nextOccurrence({ firstStartsAt: parseBeijingTime(plan.schedule.startsAt)!, weekdays: JSON.parse(series.weekdays) as number[], until: series.until }, v.lastStartsAt ?? null);
    if (!next) {
      await once('series-ended', (tx) => tx.update(OperationSeriesEntity, { id: series.id }, { status: 'ended' }).then(() => undefined));
      return { hasNext: false, nextStartsAt: null, nextCreateAt: null };
    }
    return { hasNext: true, nextStartsAt: next, nextCreateAt: new Date(next.getTime() - occurrenceLeadMs) };
  },
});
