import { In, type DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDataSource, uniqueKey } from '../../../../test/support/test-env.js';
import { CaseEventEntity } from '../../modules/cases/index.js';
import { availableCrewsByDistance, SanitationCrewEntity, type CrewStatus } from '../../modules/crews/index.js';
import { CrewAssignmentEntity } from '../../modules/department-records/index.js';
import { NotificationEntity } from '../../modules/notifications/index.js';
import { contextFor, freshPlace, givenCase, north, type Place } from '../testing/handler-test-kit.js';
import { Topics } from '../topics.js';
import { assignCrewHandler, createAssignCrewHandler } from './assign-crew.handler.js';

let dataSource: DataSource;
const crewCodes: string[] = [];

beforeAll(async () => {
  dataSource = await testDataSource();
});

afterAll(async () => {
  if (crewCodes.length) await dataSource?.manager.delete(SanitationCrewEntity, { code: In(crewCodes) });
  await dataSource?.destroy();
});

async function givenCrew(place: Place, status: CrewStatus, label: string): Promise<string> {
  const code = uniqueKey('HW-T');
  crewCodes.push(code);
  await dataSource.manager.insert(SanitationCrewEntity, { code, name: `测试${label}班`, leader: '测试组长', phone: '13900000000', ...place, streetCode: 'QH-T', status, updatedAt: new Date() });
  return code;
}

const statusOf = async (code: string) => (await dataSource.manager.findOneByOrFail(SanitationCrewEntity, { code })).status;

/** A crew as a reader saw it a moment ago: available, whatever it is now. */
async function staleAvailable(code: string, distanceM: number) {
  return { ...(await dataSource.manager.findOneByOrFail(SanitationCrewEntity, { code })), status: 'available' as const, distanceM };
}

describe('sanitation-assign-crew', () => {
  it('assigns the nearest available crew, skipping a nearer busy or off-shift one, and marks it busy', async () => {
    // given
    const place = freshPlace();
    const busy = await givenCrew(north(place, 40), 'busy', '忙碌');
    const off = await givenCrew(north(place, 60), 'off', '休班');
    const near = await givenCrew(north(place, 200), 'available', '就近');
    const far = await givenCrew(north(place, 900), 'available', '较远');
    const { caseId, caseNo } = await givenCase(dataSource, place);

    // when
    const output = await assignCrewHandler.handle({ caseId, caseNo, ...place }, contextFor(dataSource, Topics.SanitationAssignCrew, caseNo));

    // then
    expect(output).toEqual({ assignedCrewCode: near, assignedCrewName: '测试就近班', crewDistanceM: 200 });
    expect(await statusOf(near)).toBe('busy');
    expect([await statusOf(busy), await statusOf(off), await statusOf(far)]).toEqual(['busy', 'off', 'available']);
    expect(await dataSource.manager.findBy(CrewAssignmentEntity, { caseId })).toEqual([expect.objectContaining({ crewCode: near, distanceM: 200 })]);
  });

  it('records a dispatched event of the sanitation worker and tells the sanitation group', async () => {
    // given
    const place = freshPlace();
    const crew = await givenCrew(north(place, 150), 'available', '事件');
    const { caseId, caseNo } = await givenCase(dataSource, place);

    // when
    await assignCrewHandler.handle({ caseId, caseNo, ...place }, contextFor(dataSource, Topics.SanitationAssignCrew, caseNo));

    // then
    const [event, ...more] = await dataSource.manager.findBy(CaseEventEntity, { caseId });
    expect(more).toEqual([]);
    expect(event).toMatchObject({ type: 'crew-assigned', department: 'sanitation', actor: 'worker:sanitation', onTime: null });
    expect(JSON.parse(event!.data!)).toEqual({ crewCode: crew, crewName: '测试事件班', distanceM: 150 });
    expect(await dataSource.manager.findBy(NotificationEntity, { caseId })).toEqual([
      expect.objectContaining({ recipientType: 'group', recipient: 'sanitation', title: `案件 ${caseNo} 已指派作业班组 测试事件班` }),
    ]);
  });

  it('takes one crew only when the same task is delivered twice, and answers the same both times', async () => {
    // given
    const place = freshPlace();
    const first = await givenCrew(north(place, 100), 'available', '第一');
    const second = await givenCrew(north(place, 300), 'available', '第二');
    const { caseId, caseNo } = await givenCase(dataSource, place);
    const context = contextFor(dataSource, Topics.SanitationAssignCrew, caseNo);

    // when
    const once = await assignCrewHandler.handle({ caseId, caseNo, ...place }, context);
    const again = await assignCrewHandler.handle({ caseId, caseNo, ...place }, context);

    // then
    expect(again).toEqual(once);
    expect(once).toMatchObject({ assignedCrewCode: first });
    expect(await statusOf(second)).toBe('available');
    expect(await dataSource.manager.countBy(CrewAssignmentEntity, { caseId })).toBe(1);
    expect(await dataSource.manager.countBy(CaseEventEntity, { caseId })).toBe(1);
    expect(await dataSource.manager.countBy(NotificationEntity, { caseId })).toBe(1);
  });

  it('asks the sanitation liaisons to arrange a crew when none is free, without failing the task', async () => {
    // given a district where every crew is busy
    const handler = createAssignCrewHandler({ findCrews: async () => [] });
    const place = freshPlace();
    const { caseId, caseNo } = await givenCase(dataSource, place);

    // when
    const output = await handler.handle({ caseId, caseNo, ...place }, contextFor(dataSource, Topics.SanitationAssignCrew, caseNo));

    // then the task completes with no crew, and the group is told
    expect(output).toEqual({ assignedCrewCode: null, assignedCrewName: null, crewDistanceM: null });
    expect(await dataSource.manager.countBy(CrewAssignmentEntity, { caseId })).toBe(0);
    const [notice] = await dataSource.manager.findBy(NotificationEntity, { caseId });
    expect(notice).toMatchObject({ recipientType: 'group', recipient: 'sanitation', title: `案件 ${caseNo} 暂无空闲作业班组` });
  });

  it('takes the next nearest crew when the nearest one was taken by another case meanwhile', async () => {
    // given the nearest crew read as available, though another assignment has just made it busy
    const place = freshPlace();
    const taken = await givenCrew(north(place, 80), 'busy', '已占用');
    const next = await givenCrew(north(place, 300), 'available', '次近');
    const handler = createAssignCrewHandler({ findCrews: async () => [await staleAvailable(taken, 80), await staleAvailable(next, 300)] });
    const { caseId, caseNo } = await givenCase(dataSource, place);

    // when
    const output = await handler.handle({ caseId, caseNo, ...place }, contextFor(dataSource, Topics.SanitationAssignCrew, caseNo));

    // then
    expect(output).toEqual({ assignedCrewCode: next, assignedCrewName: '测试次近班', crewDistanceM: 300 });
    expect(await dataSource.manager.findBy(CrewAssignmentEntity, { caseId })).toEqual([expect.objectContaining({ crewCode: next })]);
  });

  it('follows the "no crew free" path, without failing, when every crew it tries was taken meanwhile', async () => {
    // given the only crew read as available, though another assignment has just made it busy
    const place = freshPlace();
    const taken = await givenCrew(north(place, 80), 'busy', '已占用');
    const handler = createAssignCrewHandler({ findCrews: async () => [await staleAvailable(taken, 80)] });
    const { caseId, caseNo } = await givenCase(dataSource, place);

    // when
    const output = await handler.handle({ caseId, caseNo, ...place }, contextFor(dataSource, Topics.SanitationAssignCrew, caseNo));

    // then
    expect(output).toEqual({ assignedCrewCode: null, assignedCrewName: null, crewDistanceM: null });
    expect(await dataSource.manager.countBy(CrewAssignmentEntity, { caseId })).toBe(0);
    expect(await dataSource.manager.findBy(NotificationEntity, { caseId })).toEqual([expect.objectContaining({ title: `案件 ${caseNo} 暂无空闲作业班组` })]);
  });

  it('lets 20 cases at one place compete for 5 crews: each crew goes to one case, and every case completes', async () => {
    // given five crews of the test around one place, and twenty cases there handled at the same time
    const place = freshPlace();
    const own: string[] = [];
    for (let i = 1; i <= 5; i++) own.push(await givenCrew(north(place, i * 100), 'available', `争用${i}`));
    const handler = createAssignCrewHandler({ findCrews: async (m, lng, lat) => (await availableCrewsByDistance(m, lng, lat)).filter((c) => own.includes(c.code)) });
    const cases = await Promise.all(Array.from({ length: 20 }, () => givenCase(dataSource, place)));

    // when
    const outcomes = await Promise.allSettled(cases.map(({ caseId, caseNo }) => handler.handle({ caseId, caseNo, ...place }, contextFor(dataSource, Topics.SanitationAssignCrew, caseNo))));

    // then no handler failed, the five crews went to five different cases, and the other fifteen were told none is free
    expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);
    const assignedCodes = outcomes.map((o) => (o.status === 'fulfilled' ? (o.value as { assignedCrewCode: string | null }).assignedCrewCode : 'failed'));
    expect(assignedCodes.filter((c) => c !== null).sort()).toEqual([...own].sort());
    expect(assignedCodes.filter((c) => c === null)).toHaveLength(15);
    const assignments = await dataSource.manager.findBy(CrewAssignmentEntity, { crewCode: In(own) });
    expect(assignments.map((a) => a.crewCode).sort()).toEqual([...own].sort());
    expect(await Promise.all(own.map(statusOf))).toEqual(own.map(() => 'busy'));
    const caseIds = cases.map((c) => c.caseId);
    expect(await dataSource.manager.countBy(CaseEventEntity, { caseId: In(caseIds) })).toBe(20);
  });

  it.each([
    ['a case id given as text', { caseId: '12', caseNo: 'C-1', lng: 120.15, lat: 30.27 }],
    ['a longitude given as text', { caseId: 12, caseNo: 'C-1', lng: '120.15', lat: 30.27 }],
    ['no latitude', { caseId: 12, caseNo: 'C-1', lng: 120.15 }],
  ])('rejects variables with %s', (_, variables) => {
    expect(assignCrewHandler.input.safeParse(variables).success).toBe(false);
  });
});
