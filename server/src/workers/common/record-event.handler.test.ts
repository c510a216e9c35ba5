import { In, type DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDataSource, uniqueKey } from '../../../../test/support/test-env.js';
import { CaseEventEntity, type CaseStatus } from '../../modules/cases/index.js';
import { SanitationCrewEntity } from '../../modules/crews/index.js';
import { CrewAssignmentEntity } from '../../modules/department-records/index.js';
import type { HandlerOutput } from '../runtime/index.js';
import { Topics } from '../topics.js';
import { caseRow, contextFor, eventsOf, givenCase, recipientsOf } from '../testing/handler-test-kit.js';
import { recordEventHandler } from './record-event.handler.js';

let dataSource: DataSource;
const crewCodes: string[] = [];

beforeAll(async () => {
  dataSource = await testDataSource();
});

afterAll(async () => {
  if (crewCodes.length) await dataSource?.manager.delete(SanitationCrewEntity, { code: In(crewCodes) });
  await dataSource?.destroy();
});

type Variables = Parameters<typeof recordEventHandler.handle>[0];
type EventType = Variables['eventType'];

const reporter = 'citizen-t';
const hourMs = 3_600_000;
const inAnHour = () => new Date(Date.now() + hourMs);
const anHourAgo = () => new Date(Date.now() - hourMs);

/** Records an event on a fresh case in the given status; run() delivers the same task each time. */
async function record(status: CaseStatus, eventType: EventType, variables: Partial<Variables> = {}) {
  const { caseId, caseNo } = await givenCase(dataSource, { status });
  const context = contextFor(dataSource, Topics.RecordEvent, caseNo);
  const run = () => recordEventHandler.handle({ eventType, caseId, caseNo, ...variables }, context);
  return { caseId, caseNo, run };
}

/** A sanitation crew of the test's own, far from every other test's place, already sent to the given cases in order. */
async function givenBusyCrew(...caseIds: number[]): Promise<string> {
  const code = uniqueKey('HW-R');
  crewCodes.push(code);
  await dataSource.manager.insert(SanitationCrewEntity, { code, name: '测试释放班', leader: '测试组长', phone: '13900000000', lng: -70 - Math.random(), lat: -50, streetCode: 'QH-T', status: 'busy', updatedAt: new Date() });
  for (const caseId of caseIds) await dataSource.manager.insert(CrewAssignmentEntity, { caseId, crewCode: code, distanceM: 100, assignedAt: new Date() });
  return code;
}

const crewStatus = async (code: string) => (await dataSource.manager.findOneByOrFail(SanitationCrewEntity, { code })).status;

describe('case-record-event', () => {
  it.each<[EventType, CaseStatus, CaseStatus, boolean | null, Partial<Variables>, string[], HandlerOutput]>([
    ['rejected', 'registered', 'rejected', null, { rejectReason: '不属于受理范围', reporter }, [`user:${reporter}`], {}],
    ['merged', 'registered', 'merged', null, { mergeInto: 'C-00000001', reporter }, [`user:${reporter}`], {}],
    ['handled', 'dispatched', 'handled', true, { departmentCode: 'commerce', handlingDue: inAnHour(), inspector: 'wangge2' }, ['user:wangge2'], {}],
    ['returned', 'dispatched', 'returned', null, { departmentCode: 'commerce', returnReason: '不属本部门职责', returnedCount: 1 }, ['group:command-centre'], { returnedCount: 2 }],
    ['reminded', 'dispatched', 'dispatched', null, { departmentCode: 'commerce', handlingDue: inAnHour() }, ['group:commerce'], {}],
    ['overdue', 'dispatched', 'dispatched', false, { departmentCode: 'commerce', handlingDue: anHourAgo() }, ['group:commerce', 'group:supervision'], {}],
    ['public-notice', 'dispatched', 'dispatched', false, { departmentCode: 'commerce' }, ['group:command-centre', 'group:commerce', 'group:supervision'], {}],
    ['rework', 'handled', 'dispatched', null, { verifyNote: '垃圾未清运干净', reworkCount: 1 }, ['group:command-centre'], { reworkCount: 2 }],
    ['closed', 'handled', 'closed', true, { satisfaction: '满意', reporter }, [`user:${reporter}`], {}],
  ])('records %s on a %s case, which becomes %s, on time: %s', async (eventType, status, newStatus, onTime, variables, recipients, expected) => {
    // given
    const { caseId, run } = await record(status, eventType, variables);

    // when
    const output = await run();

    // then
    expect(output).toEqual(expected);
    const events = await eventsOf(dataSource, caseId);
    expect(events.map((e) => [e.type, e.department, e.actor, e.onTime])).toEqual([[eventType, variables.departmentCode ?? null, 'system', onTime]]);
    expect((await caseRow(dataSource, caseId)).status).toBe(newStatus);
    expect(await recipientsOf(dataSource, caseId)).toEqual(recipients);
  });

  it.each<[EventType, Partial<Variables>, Record<string, unknown>, Record<string, unknown>]>([
    ['rejected', { rejectReason: '不属于受理范围' }, { rejectReason: '不属于受理范围' }, { reason: '不属于受理范围' }],
    ['merged', { mergeInto: 'C-00000001' }, { mergedInto: 'C-00000001' }, { mergedInto: 'C-00000001' }],
    ['rework', { verifyNote: '未清运', reworkCount: 2 }, { reworkCount: 3 }, { note: '未清运' }],
    ['closed', { satisfaction: '满意' }, { satisfaction: '满意' }, { satisfaction: '满意' }],
  ])('writes what %s changes to the case file and the event', async (eventType, variables, columns, data) => {
    // given
    const { caseId, run } = await record('handled', eventType, variables);

    // when
    await run();

    // then
    expect(await caseRow(dataSource, caseId)).toMatchObject(columns);
    const [event] = await eventsOf(dataSource, caseId);
    expect(JSON.parse(event!.data!)).toEqual(data);
  });

  it.each([
    ['on time before the due date', inAnHour(), true],
    ['late after the due date', anHourAgo(), false],
    ['neither without a due date', null, null],
  ])('records a handling %s', async (_, handlingDue, onTime) => {
    // given
    const { caseId, run } = await record('dispatched', 'handled', { departmentCode: 'commerce', handlingDue });

    // when
    await run();

    // then
    expect((await eventsOf(dataSource, caseId)).map((e) => e.onTime)).toEqual([onTime]);
  });

  it('asks the grid inspection group to verify when the case has no inspector', async () => {
    // given
    const { caseId, run } = await record('dispatched', 'handled', { departmentCode: 'commerce' });

    // when
    await run();

    // then
    expect(await recipientsOf(dataSource, caseId)).toEqual(['group:grid-inspection']);
  });

  it('counts the first return as one', async () => {
    // given
    const { run } = await record('dispatched', 'returned', { departmentCode: 'commerce' });

    // when / then
    expect(await run()).toEqual({ returnedCount: 1 });
  });

  it('tells no one of a rejection when the reporter is unknown', async () => {
    // given a hotline case without an account
    const { caseId, run } = await record('registered', 'rejected', { rejectReason: '重复来电' });

    // when
    await run();

    // then
    expect(await recipientsOf(dataSource, caseId)).toEqual([]);
    expect(await eventsOf(dataSource, caseId)).toHaveLength(1);
  });

  it('closes a case on time at the close, and late when a department went overdue', async () => {
    // given
    const late = await record('handled', 'closed');
    await dataSource.manager.insert(CaseEventEntity, { caseId: late.caseId, type: 'overdue', department: 'commerce', actor: 'system', at: new Date(), onTime: false, data: null });
    const punctual = await record('handled', 'closed');
    const before = new Date();

    // when
    await late.run();
    await punctual.run();

    // then
    const closedOf = async (caseId: number) => (await eventsOf(dataSource, caseId)).find((e) => e.type === 'closed')?.onTime;
    expect(await closedOf(late.caseId)).toBe(false);
    expect(await closedOf(punctual.caseId)).toBe(true);
    expect((await caseRow(dataSource, punctual.caseId)).closedAt!.getTime()).toBeGreaterThanOrEqual(before.getTime());
  });

  it('frees the crews sent to a case that sanitation reports handled', async () => {
    // given
    const { caseId, run } = await record('dispatched', 'handled', { departmentCode: 'sanitation' });
    const crew = await givenBusyCrew(caseId);
    const other = await givenBusyCrew();

    // when
    await run();

    // then
    expect(await crewStatus(crew)).toBe('available');
    expect(await crewStatus(other)).toBe('busy');
  });

  it('keeps busy a crew that has since been sent to another case', async () => {
    // given a crew freed after the first handling of a case and then sent elsewhere, before the case is reworked
    const { caseId, run } = await record('dispatched', 'handled', { departmentCode: 'sanitation' });
    const elsewhere = await givenCase(dataSource);
    const movedOn = await givenBusyCrew(caseId, elsewhere.caseId);
    const sentForRework = await givenBusyCrew(caseId);

    // when the reworked case is handled again
    await run();

    // then
    expect(await crewStatus(movedOn)).toBe('busy');
    expect(await crewStatus(sentForRework)).toBe('available');
  });

  it('leaves the crews alone when another department reports the case handled', async () => {
    // given
    const { caseId, run } = await record('dispatched', 'handled', { departmentCode: 'urban-management' });
    const crew = await givenBusyCrew(caseId);

    // when
    await run();

    // then
    expect(await crewStatus(crew)).toBe('busy');
  });

  it('records once when the same task is delivered twice, and answers the same both times', async () => {
    // given
    const { caseId, run } = await record('handled', 'rework', { verifyNote: '未清运', reworkCount: 0 });

    // when
    const first = await run();
    const again = await run();

    // then
    expect(again).toEqual(first);
    expect(await eventsOf(dataSource, caseId)).toHaveLength(1);
    expect(await recipientsOf(dataSource, caseId)).toHaveLength(1);
    expect((await caseRow(dataSource, caseId)).reworkCount).toBe(1);
  });

  it.each([
    ['an unknown event type', { eventType: 'archived', caseId: 1, caseNo: 'C-1' }],
    ['a due date given as text', { eventType: 'handled', caseId: 1, caseNo: 'C-1', handlingDue: '2026-11-24T09:30:00Z' }],
    ['no case number', { eventType: 'closed', caseId: 1 }],
  ])('rejects variables with %s', (_, variables) => {
    expect(recordEventHandler.input.safeParse(variables).success).toBe(false);
  });
});
