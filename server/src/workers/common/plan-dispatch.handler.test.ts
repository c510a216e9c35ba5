import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDataSource } from '../../../../test/support/test-env.js';
import { BusinessError } from '../../errors/index.js';
import type { DepartmentCode } from '../../modules/departments/index.js';
import { NotificationEntity } from '../../modules/notifications/index.js';
import { BpmnErrors, Topics } from '../topics.js';
import { caseRow, contextFor, eventsOf, givenCase, recipientsOf } from '../testing/handler-test-kit.js';
import { planDispatchHandler } from './plan-dispatch.handler.js';

let dataSource: DataSource;

beforeAll(async () => {
  dataSource = await testDataSource();
});

afterAll(async () => {
  await dataSource?.destroy();
});

type Variables = Omit<Parameters<typeof planDispatchHandler.handle>[0], 'caseId' | 'caseNo'>;

/** Dispatches a fresh registered case with the routing decision and the command centre's choice given. */
async function dispatch(variables: Variables) {
  const { caseId, caseNo } = await givenCase(dataSource, { status: 'registered' });
  const context = contextFor(dataSource, Topics.PlanDispatch, caseNo);
  const run = () => planDispatchHandler.handle({ caseId, caseNo, ...variables }, context);
  return { caseId, caseNo, run };
}

const route = { routeDepartments: 'urban-management, commerce', routeLimitAmount: 4, routeLimitUnit: 'wh', routeUrgency: 'normal' } as const;

describe('case-plan-dispatch', () => {
  it('dispatches a case to the routed departments with the routed limit', async () => {
    // given
    const { caseId, run } = await dispatch(route);

    // when
    const output = await run();

    // then
    expect(output).toEqual({ departmentList: ['urban-management', 'commerce'], limitAmount: 4, limitUnit: 'wh', urgency: 'normal', returnedCount: 0, manualDepartments: null });
    expect(await caseRow(dataSource, caseId)).toMatchObject({ status: 'dispatched', departments: 'urban-management,commerce' });
  });

  it('records one dispatched event per department and tells each department group', async () => {
    // given
    const { caseId, run } = await dispatch(route);

    // when
    await run();

    // then
    const events = await eventsOf(dataSource, caseId);
    expect(events.map((e) => [e.type, e.department, e.actor, e.onTime])).toEqual([
      ['dispatched', 'urban-management', 'system', true],
      ['dispatched', 'commerce', 'system', true],
    ]);
    expect(JSON.parse(events[0]!.data!)).toEqual({ limit: { amount: 4, unit: 'wh' }, urgency: 'normal', manual: false });
    expect(await recipientsOf(dataSource, caseId)).toEqual(['group:commerce', 'group:urban-management']);
  });

  it('follows the command centre over the route, keeping the routed limit', async () => {
    // given
    const { caseId, run } = await dispatch({ ...route, manualDepartments: ['sanitation'] });

    // when
    const output = await run();

    // then
    expect(output).toMatchObject({ departmentList: ['sanitation'], limitAmount: 4, limitUnit: 'wh' });
    const events = await eventsOf(dataSource, caseId);
    expect(events.map((e) => [e.department, e.actor])).toEqual([['sanitation', 'command-centre']]);
    expect(JSON.parse(events[0]!.data!)).toMatchObject({ manual: true });
    expect(await recipientsOf(dataSource, caseId)).toEqual(['group:sanitation']);
  });

  it('gives a manual dispatch without a route one working day, once per department', async () => {
    // given a case the rules do not know, sent twice to the same department by the command centre
    const manualDepartments: DepartmentCode[] = ['public-security', 'sanitation', 'public-security'];
    const { caseId, run } = await dispatch({ routeDepartments: null, manualDepartments });

    // when
    const output = await run();

    // then
    expect(output).toMatchObject({ departmentList: ['public-security', 'sanitation'], limitAmount: 1, limitUnit: 'wd', urgency: 'normal' });
    expect((await caseRow(dataSource, caseId)).departments).toBe('public-security,sanitation');
  });

  it.each<[string, Variables]>([
    ['no route and no choice', {}],
    ['an empty route and an empty choice', { routeDepartments: '', manualDepartments: [] }],
  ])('throws NO_ROUTE, writing nothing, for %s', async (_, variables) => {
    // given
    const { caseId, run } = await dispatch(variables);

    // when
    const error = await run().then(() => undefined, (e: unknown) => e);

    // then
    expect(error).toBeInstanceOf(BusinessError);
    expect((error as BusinessError).errorCode).toBe(BpmnErrors.NoRoute);
    expect(await caseRow(dataSource, caseId)).toMatchObject({ status: 'registered', departments: null });
    expect(await eventsOf(dataSource, caseId)).toEqual([]);
  });

  it.each<[string, Variables]>([
    ['the reporter marked the case urgent', { ...route, urgent: true }],
    ['the route says urgent', { ...route, routeUrgency: 'urgent' }],
  ])('dispatches as urgent when %s', async (_, variables) => {
    // given
    const { caseId, caseNo, run } = await dispatch(variables);

    // when
    const output = await run();

    // then
    expect(output).toMatchObject({ urgency: 'urgent' });
    const [event] = await eventsOf(dataSource, caseId);
    expect(JSON.parse(event!.data!)).toMatchObject({ urgency: 'urgent' });
    const notifications = await dataSource.manager.findBy(NotificationEntity, { caseId });
    expect(notifications.map((n) => n.title)).toEqual([`新派遣案件 ${caseNo}（紧急）`, `新派遣案件 ${caseNo}（紧急）`]);
  });

  it('fails as a technical fault, writing nothing, when the route names an unknown department', async () => {
    // given
    const { caseId, run } = await dispatch({ ...route, routeDepartments: 'urban-management,water-works' });

    // when
    const error = await run().then(() => undefined, (e: unknown) => e);

    // then
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(BusinessError);
    expect((await caseRow(dataSource, caseId)).status).toBe('registered');
    expect(await eventsOf(dataSource, caseId)).toEqual([]);
  });

  it('records the dispatch once when the same task is delivered twice, and answers the same both times', async () => {
    // given
    const { caseId, run } = await dispatch(route);

    // when
    const first = await run();
    const again = await run();

    // then
    expect(again).toEqual(first);
    expect(await eventsOf(dataSource, caseId)).toHaveLength(2);
    expect(await recipientsOf(dataSource, caseId)).toHaveLength(2);
  });
});
