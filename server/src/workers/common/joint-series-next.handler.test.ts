import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDataSource, uniqueKey } from '../../../../test/support/test-env.js';
import { OperationSeriesEntity, type OperationSeries } from '../../modules/joint-operations/index.js';
import { planFor } from '../../modules/joint-operations/test-support.js';
import { bj, contextFor } from '../testing/handler-test-kit.js';
import { Topics } from '../topics.js';
import { jointSeriesNextHandler } from './joint-series-next.handler.js';

let dataSource: DataSource;

beforeAll(async () => {
  dataSource = await testDataSource();
});

afterAll(async () => {
  await dataSource?.destroy();
});

/** Every Friday 08:30–11:30 from 2026-12-04 to 2026-12-18 (three Fridays). */
async function givenFridays(): Promise<OperationSeries> {
  const plan = await planFor(dataSource, { schedule: { startsAt: '2026-12-04T08:30', endsAt: '2026-12-04T11:30', recurrence: { kind: 'weekly', weekdays: [5], until: '2026-12-18' } } });
  const { identifiers } = await dataSource.manager.insert(OperationSeriesEntity, { ref: uniqueKey('JS'), processInstanceId: null, plan: JSON.stringify(plan), weekdays: '[5]', until: '2026-12-18', status: 'active', occurrences: 0, createdBy: 'xietiao', createdAt: new Date() });
  return dataSource.manager.findOneByOrFail(OperationSeriesEntity, { id: Number(identifiers[0]!.id) });
}

const next = (series: OperationSeries, lastStartsAt: Date | null) => jointSeriesNextHandler.handle({ seriesId: series.id, lastStartsAt }, contextFor(dataSource, Topics.JointSeriesNextOccurrence, series.ref));

describe('joint-series-next-occurrence', () => {
  it('starts with the first occurrence, created a week before it', async () => {
    // given
    const series = await givenFridays();

    // when / then
    expect(await next(series, null)).toEqual({ hasNext: true, nextStartsAt: bj('2026-12-04T08:30'), nextCreateAt: bj('2026-11-27T08:30') });
  });

  it('moves to the next Friday after the last one created', async () => {
    // given
    const series = await givenFridays();

    // when / then
    expect(await next(series, bj('2026-12-04T08:30'))).toMatchObject({ hasNext: true, nextStartsAt: bj('2026-12-11T08:30') });
    expect(await next(series, bj('2026-12-11T08:30'))).toMatchObject({ hasNext: true, nextStartsAt: bj('2026-12-18T08:30') });
  });

  it('ends the series after its last day', async () => {
    // given
    const series = await givenFridays();

    // when
    const output = await next(series, bj('2026-12-18T08:30'));

    // then
    expect(output).toEqual({ hasNext: false, nextStartsAt: null, nextCreateAt: null });
    expect((await dataSource.manager.findOneByOrFail(OperationSeriesEntity, { id: series.id })).status).toBe('ended');
  });
});
