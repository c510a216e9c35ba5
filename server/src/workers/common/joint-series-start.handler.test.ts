import { readFile } from 'node:fs/promises';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDataSource, testEngine, uniqueKey } from '../../../../test/support/test-env.js';
import type { EngineClient } from '../../engine/index.js';
import { JointOperationEntity, operationProcessKey, OperationSeriesEntity, OperationParticipantEntity, type OperationSeries } from '../../modules/joint-operations/index.js';
import { planFor } from '../../modules/joint-operations/test-support.js';
import { bj, contextFor } from '../testing/handler-test-kit.js';
import { Topics } from '../topics.js';
import { jointSeriesStartHandler } from './joint-series-start.handler.js';

let dataSource: DataSource;
let engine: EngineClient;
const started: string[] = [];
const processes = new URL('../../../../processes/', import.meta.url);

beforeAll(async () => {
  dataSource = await testDataSource();
  engine = testEngine();
  const names = ['joint-enforcement.bpmn', 'joint-approval.form', 'joint-revise.form', 'joint-confirm.form', 'joint-execute.form', 'joint-wrap-up.form', 'joint-follow-up.form'];
  await engine.deploy(uniqueKey('joint-series-start-test'), await Promise.all(names.map(async (name) => ({ name, content: await readFile(new URL(name, processes)) }))));
});

afterAll(async () => {
  await Promise.all(started.map((id) => engine.deleteProcessInstance(id).catch(() => undefined)));
  await dataSource?.destroy();
});

/** Every Friday 08:30–11:30 from 2026-12-04, confirmation due the day before at 17:00. */
async function givenFridays(): Promise<OperationSeries> {
  const plan = await planFor(dataSource, { schedule: { startsAt: '2026-12-04T08:30', endsAt: '2026-12-04T11:30', recurrence: { kind: 'weekly', weekdays: [5], until: '2027-01-29' } }, confirmBy: '2026-12-03T17:00', briefing: { at: '2026-12-04T08:00', place: '菜场管理办公室' } });
  const { identifiers } = await dataSource.manager.insert(OperationSeriesEntity, { ref: uniqueKey('JS'), processInstanceId: null, plan: JSON.stringify(plan), weekdays: '[5]', until: '2027-01-29', status: 'active', occurrences: 0, createdBy: 'xietiao', createdAt: new Date() });
  return dataSource.manager.findOneByOrFail(OperationSeriesEntity, { id: Number(identifiers[0]!.id) });
}

describe('joint-series-start-occurrence', () => {
  it('creates the occurrence from the series plan moved to its day, and starts its joint-enforcement process once', async () => {
    // given the series and the delivery of its second Friday
    const series = await givenFridays();
    const handler = jointSeriesStartHandler({ engine });
    const context = contextFor(dataSource, Topics.JointSeriesStartOccurrence, series.ref);

    // when the task is delivered, and delivered again
    const output = await handler.handle({ seriesId: series.id, nextStartsAt: bj('2026-12-11T08:30') }, context);
    const again = await handler.handle({ seriesId: series.id, nextStartsAt: bj('2026-12-11T08:30') }, context);

    // then one operation of the series, with every time a week later, awaits approval in one process keyed on its ref
    expect(again).toEqual(output);
    const ops = await dataSource.manager.findBy(JointOperationEntity, { seriesId: series.id });
    expect(ops).toHaveLength(1);
    const [op] = ops;
    started.push(op!.processInstanceId!);
    expect(output).toEqual({ lastStartsAt: bj('2026-12-11T08:30'), lastOperationRef: op!.ref });
    expect(op).toMatchObject({ status: 'pending-approval', startsAt: bj('2026-12-11T08:30'), endsAt: bj('2026-12-11T11:30'), confirmBy: bj('2026-12-10T17:00'), briefingAt: bj('2026-12-11T08:00'), createdBy: 'xietiao' });
    expect((await dataSource.manager.findBy(OperationParticipantEntity, { operationId: op!.id })).map((p) => p.departmentCode).sort()).toEqual(['commerce', 'urban-management']);
    const instances = await engine.processInstancesByBusinessKey(operationProcessKey, op!.ref);
    expect(instances.map((i) => i.id)).toEqual([op!.processInstanceId]);
    expect(await engine.processVariables(op!.processInstanceId!)).toMatchObject({ operationId: op!.id, participants: ['urban-management', 'commerce'], startsAt: bj('2026-12-11T08:30') });
    expect((await dataSource.manager.findOneByOrFail(OperationSeriesEntity, { id: series.id })).occurrences).toBe(1);
  });

  it('fails without the engine client, as a technical fault', async () => {
    // given
    const series = await givenFridays();

    // when / then
    await expect(jointSeriesStartHandler({}).handle({ seriesId: series.id, nextStartsAt: bj('2026-12-11T08:30') }, contextFor(dataSource, Topics.JointSeriesStartOccurrence, series.ref))).rejects.toThrow('needs the engine client');
  });
});
