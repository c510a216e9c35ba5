import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDataSource } from '../../../../test/support/test-env.js';
import { createWorkingCalendar, parseWorkingHours } from '../../modules/calendar/index.js';
import { Topics } from '../topics.js';
import { computeDueHandler } from './compute-due.handler.js';
import { bj, commonDeps, contextFor, eventsOf, givenCase, workingHours } from '../testing/handler-test-kit.js';

let dataSource: DataSource;
let handler: ReturnType<typeof computeDueHandler>;

beforeAll(async () => {
  dataSource = await testDataSource();
  handler = computeDueHandler(commonDeps(dataSource));
});

afterAll(async () => {
  await dataSource?.destroy();
});

/** The expected calendar: the configured hours and the statutory days; the overrides other tests store lie in March 2026. */
const calendar = createWorkingCalendar({ periods: parseWorkingHours(workingHours) });
const hourMs = 3_600_000;

type Variables = Omit<Parameters<typeof handler.handle>[0], 'caseId' | 'departmentCode'>;

/** Computes the due date of a fresh case of urban management, noting the instants just before and after. */
async function computeDue(variables: Variables) {
  const { caseId, caseNo } = await givenCase(dataSource);
  const context = contextFor(dataSource, Topics.ComputeDue, caseNo);
  const run = async () => {
    const before = new Date();
    const output = (await handler.handle({ caseId, departmentCode: 'urban-management', ...variables }, context)) as { handlingDue: Date; reminderAt: Date; noticeAt: Date };
    return { before, after: new Date(), output };
  };
  return { caseId, run };
}

describe('case-compute-due', () => {
  it('writes its output to the task, for the multi-instance subprocess to map', () => {
    expect(handler.outputScope).toBe('local');
  });

  it('gives a due date four working hours from now, a reminder before it and a public-notice mark five working days after it', async () => {
    // given
    const { caseId, run } = await computeDue({ dueMode: 'start', limitAmount: 4, limitUnit: 'wh' });

    // when
    const { before, after, output } = await run();

    // then
    const { handlingDue, reminderAt, noticeAt } = output;
    expect(handlingDue.getTime()).toBeGreaterThanOrEqual(calendar.addLimit(before, 4, 'wh').getTime());
    expect(handlingDue.getTime()).toBeLessThanOrEqual(calendar.addLimit(after, 4, 'wh').getTime());
    expect(reminderAt.getTime()).toBeGreaterThan(before.getTime());
    expect(reminderAt.getTime()).toBeLessThan(handlingDue.getTime());
    expect(noticeAt).toEqual(calendar.addLimit(handlingDue, 5, 'wd'));
    expect(await eventsOf(dataSource, caseId)).toEqual([]);
  });

  it('counts calendar hours, nights and holidays included, for an hour limit', async () => {
    // given
    const { run } = await computeDue({ dueMode: 'start', limitAmount: 2, limitUnit: 'h' });

    // when
    const { before, after, output } = await run();

    // then
    expect(output.handlingDue.getTime()).toBeGreaterThanOrEqual(before.getTime() + 2 * hourMs);
    expect(output.handlingDue.getTime()).toBeLessThanOrEqual(after.getTime() + 2 * hourMs);
  });

  it('adds the approved working days to the previous due date and records the extension once', async () => {
    // given a case due Tuesday 2026-11-24 17:30, extended by three working days, delivered twice
    const handlingDue = bj('2026-11-24T17:30');
    const { caseId, run } = await computeDue({ dueMode: 'extend', limitAmount: 4, limitUnit: 'wh', handlingDue, extensionDays: 3 });

    // when
    const { output } = await run();
    const again = await run();

    // then it is due Friday 17:30
    expect(output.handlingDue).toEqual(bj('2026-11-27T17:30'));
    expect(output.handlingDue).toEqual(calendar.addLimit(handlingDue, 3, 'wd'));
    expect(output.noticeAt).toEqual(calendar.addLimit(output.handlingDue, 5, 'wd'));
    expect(again.output.handlingDue).toEqual(output.handlingDue);
    const events = await eventsOf(dataSource, caseId);
    expect(events.map((e) => [e.type, e.department, e.actor, e.onTime])).toEqual([['extended', 'urban-management', 'system', null]]);
    expect(JSON.parse(events[0]!.data!)).toEqual({ handlingDue: output.handlingDue.toISOString(), previousDue: handlingDue.toISOString() });
  });

  it('gives back the working time that was left at suspension and records the resumption once', async () => {
    // given a case suspended on Monday 10:00, due the same day at 15:30: four working hours were left
    const suspendedAt = bj('2026-11-23T10:00');
    const handlingDue = bj('2026-11-23T15:30');
    const { caseId, run } = await computeDue({ dueMode: 'resume', limitAmount: 1, limitUnit: 'wd', handlingDue, suspendedAt });

    // when
    const { before, after, output } = await run();
    await run();

    // then
    expect(output.handlingDue.getTime()).toBeGreaterThanOrEqual(calendar.addLimit(before, 4, 'wh').getTime());
    expect(output.handlingDue.getTime()).toBeLessThanOrEqual(calendar.addLimit(after, 4, 'wh').getTime());
    const events = await eventsOf(dataSource, caseId);
    expect(events.map((e) => [e.type, e.department, e.onTime])).toEqual([['resumed', 'urban-management', null]]);
    expect(JSON.parse(events[0]!.data!)).toMatchObject({ previousDue: handlingDue.toISOString() });
  });

  it('gives back the calendar time that was left at suspension for an hour limit', async () => {
    // given a case suspended 90 minutes before its due time, over a lunch break
    const suspendedAt = bj('2026-11-23T11:00');
    const handlingDue = bj('2026-11-23T12:30');
    const { run } = await computeDue({ dueMode: 'resume', limitAmount: 2, limitUnit: 'h', handlingDue, suspendedAt });

    // when
    const { before, after, output } = await run();

    // then
    expect(output.handlingDue.getTime()).toBeGreaterThanOrEqual(before.getTime() + 1.5 * hourMs);
    expect(output.handlingDue.getTime()).toBeLessThanOrEqual(after.getTime() + 1.5 * hourMs);
  });

  it.each([
    ['start', { dueMode: 'start', limitAmount: 4, limitUnit: 'wh' }, 0],
    ['resume', { dueMode: 'resume', limitAmount: 1, limitUnit: 'wd', handlingDue: bj('2026-11-23T15:30'), suspendedAt: bj('2026-11-23T10:00') }, 1],
  ] as const)('gives a redelivered %s task the dates of its first delivery, however late it comes', async (_, variables, events) => {
    // given a clock the test moves, and one external task delivered on Monday morning
    let now = bj('2026-11-23T09:00');
    const clocked = computeDueHandler({ ...commonDeps(dataSource), clock: () => now });
    const { caseId, caseNo } = await givenCase(dataSource);
    const context = contextFor(dataSource, Topics.ComputeDue, caseNo);
    const first = await clocked.handle({ caseId, departmentCode: 'urban-management', ...variables }, context);

    // when the same task is delivered again on Tuesday afternoon (the first completion never reached the engine)
    now = bj('2026-11-24T15:00');
    const again = await clocked.handle({ caseId, departmentCode: 'urban-management', ...variables }, context);

    // then both deliveries answer the Monday dates, and the change is recorded once
    expect(again).toEqual(first);
    expect((first as { reminderAt: Date }).reminderAt.getTime()).toBeLessThan(bj('2026-11-24T00:00').getTime());
    expect(await eventsOf(dataSource, caseId)).toHaveLength(events);
  });

  it('computes a later due date for a new task delivered later, so the fixed dates belong to the task, not to the case', async () => {
    // given two external tasks of one case, delivered a day apart
    let now = bj('2026-11-23T09:00');
    const clocked = computeDueHandler({ ...commonDeps(dataSource), clock: () => now });
    const { caseId, caseNo } = await givenCase(dataSource);
    const variables = { caseId, departmentCode: 'urban-management', dueMode: 'start', limitAmount: 4, limitUnit: 'wh' } as const;
    const monday = (await clocked.handle(variables, contextFor(dataSource, Topics.ComputeDue, caseNo))) as { handlingDue: Date };

    // when
    now = bj('2026-11-24T09:00');
    const tuesday = (await clocked.handle(variables, contextFor(dataSource, Topics.ComputeDue, caseNo))) as { handlingDue: Date };

    // then
    expect(monday.handlingDue).toEqual(bj('2026-11-23T14:30'));
    expect(tuesday.handlingDue).toEqual(bj('2026-11-24T14:30'));
  });

  it.each([
    ['an unknown mode', { dueMode: 'pause', caseId: 1, departmentCode: 'commerce', limitAmount: 4, limitUnit: 'wh' }],
    ['an unknown unit', { dueMode: 'start', caseId: 1, departmentCode: 'commerce', limitAmount: 4, limitUnit: 'd' }],
    ['a limit of zero', { dueMode: 'start', caseId: 1, departmentCode: 'commerce', limitAmount: 0, limitUnit: 'wh' }],
    ['a due date given as text', { dueMode: 'extend', caseId: 1, departmentCode: 'commerce', limitAmount: 4, limitUnit: 'wh', handlingDue: '2026-11-24T09:30:00Z', extensionDays: 3 }],
    ['an extension of more than 60 days', { dueMode: 'extend', caseId: 1, departmentCode: 'commerce', limitAmount: 4, limitUnit: 'wh', extensionDays: 61 }],
  ])('rejects variables with %s', (_, variables) => {
    expect(handler.input.safeParse(variables).success).toBe(false);
  });
});
