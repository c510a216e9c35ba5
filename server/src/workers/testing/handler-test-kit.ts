import type { DataSource } from 'typeorm';
import { seedDemoData } from '../../../../db/seed/seed.js';
import { testLogger, uniqueKey } from '../../../../test/support/test-env.js';
import { CaseEventEntity, CaseFileEntity, type CaseFile } from '../../modules/cases/index.js';
import { loadGridLocator } from '../../modules/grids/index.js';
import { NotificationEntity } from '../../modules/notifications/index.js';
import type { CommonDeps } from '../common/common-deps.js';
import type { HandlerContext, TaskInfo } from '../runtime/index.js';
import { onceFor } from '../runtime/side-effects.js';
import type { Topic } from '../topics.js';

/** The working hours the tests of the common handlers run with, as in the default configuration. */
export const workingHours = '08:30-12:00,13:30-17:30';

/** A Beijing wall-clock time such as '2026-11-24T17:30' as an instant. */
export const bj = (local: string): Date => new Date(`${local}+08:00`);

/** CommonDeps with the real settings and the grid index of the test database. */
export function commonDeps(dataSource: DataSource): CommonDeps {
  return { workingHours, duplicateRadiusM: 50, duplicateWindowDays: 7, gridLocator: () => loadGridLocator(dataSource.manager) };
}

/** Seeds the demo district (a no-op on the suite's database, which the global setup seeds; needed on private SQLite files). */
export async function givenDemoDistrict(dataSource: DataSource): Promise<void> {
  await seedDemoData(dataSource);
}

/** A point on the map. */
export type Place = { lng: number; lat: number };

/** A place of its own for each test, far from the demo district, so that the records near it are the test's. */
export function freshPlace(): Place {
  return { lng: 85 + Math.random() * 10, lat: 40 + Math.random() * 5 };
}

/** A point about `metres` north of a place. */
export function north(place: Place, metres: number): Place {
  return { lng: place.lng, lat: place.lat + metres / 111_320 };
}

/** A case file of the test's own, with a unique case number and process instance. */
export async function givenCase(dataSource: DataSource, fields: Partial<CaseFile> = {}): Promise<{ caseId: number; caseNo: string }> {
  const caseNo = uniqueKey('C');
  const { identifiers } = await dataSource.manager.insert(CaseFileEntity, {
    caseNo,
    processInstanceId: uniqueKey('pi'),
    categoryCode: 'E0102',
    source: 'inspector',
    description: '路边暴露垃圾',
    status: 'dispatched',
    createdAt: new Date(),
    ...fields,
  });
  return { caseId: Number(identifiers[0]?.id), caseNo };
}

/** The context of one delivery of a new external task; pass the same context twice to model a redelivery. */
export function contextFor(dataSource: DataSource, topic: Topic, caseNo: string): HandlerContext {
  const task: TaskInfo = { id: uniqueKey('task'), topic, businessKey: caseNo, processInstanceId: uniqueKey('pi'), activityId: topic, retries: null, workerId: 'test' };
  return { task, logger: testLogger(), manager: dataSource.manager, once: onceFor(dataSource, task) };
}

/** The case file row as stored now. */
export function caseRow(dataSource: DataSource, caseId: number): Promise<CaseFile> {
  return dataSource.manager.findOneByOrFail(CaseFileEntity, { id: caseId });
}

/** The events of a case, oldest first. */
export function eventsOf(dataSource: DataSource, caseId: number) {
  return dataSource.manager.find(CaseEventEntity, { where: { caseId }, order: { id: 'ASC' } });
}

/** Who was told about a case, as 'user:name' or 'group:code', sorted. */
export async function recipientsOf(dataSource: DataSource, caseId: number): Promise<string[]> {
  const notifications = await dataSource.manager.findBy(NotificationEntity, { caseId });
  return notifications.map((n) => `${n.recipientType}:${n.recipient}`).sort();
}
