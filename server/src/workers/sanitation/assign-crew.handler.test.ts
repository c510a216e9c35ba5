import { In, type DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDataSource, uniqueKey } from '../../../../test/support/test-env.js';
import { CaseEventEntity } from '../../modules/cases/index.js';
import { SanitationCrewEntity, type CrewStatus } from '../../modules/crews/index.js';
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
    const handler = createAssignCrewHandler({ findCrew: async () => undefined });
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

  it('fails without writing when the chosen crew was taken by another case meanwhile', async () => {
    // given a crew read as available that another assignment has just made busy
    const place = freshPlace();
    const code = await givenCrew(north(place, 80), 'busy', '已占用');
    const stale = { ...(await dataSource.manager.findOneByOrFail(SanitationCrewEntity, { code })), status: 'available' as const, distanceM: 80 };
    const handler = createAssignCrewHandler({ findCrew: async () => stale });
    const { caseId, caseNo } = await givenCase(dataSource, place);

    // when
    const attempt = handler.handle({ caseId, caseNo, ...place }, contextFor(dataSource, Topics.SanitationAssignCrew, caseNo));

    // then
    await expect(attempt).rejects.toThrow(/已被其他案件占用/);
    expect(await dataSource.manager.countBy(CrewAssignmentEntity, { caseId })).toBe(0);
    expect(await dataSource.manager.countBy(NotificationEntity, { caseId })).toBe(0);
  });

  it.each([
    ['a case id given as text', { caseId: '12', caseNo: 'C-1', lng: 120.15, lat: 30.27 }],
    ['a longitude given as text', { caseId: 12, caseNo: 'C-1', lng: '120.15', lat: 30.27 }],
    ['no latitude', { caseId: 12, caseNo: 'C-1', lng: 120.15 }],
  ])('rejects variables with %s', (_, variables) => {
    expect(assignCrewHandler.input.safeParse(variables).success).toBe(false);
  });
});
