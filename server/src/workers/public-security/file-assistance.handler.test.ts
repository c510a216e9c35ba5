import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDataSource } from '../../../../test/support/test-env.js';
import type { CaseFile } from '../../modules/cases/index.js';
import { AssistanceRequestEntity } from '../../modules/department-records/index.js';
import { NotificationEntity } from '../../modules/notifications/index.js';
import { SideEffectEntity } from '../runtime/index.js';
import { contextFor, givenCase } from '../testing/handler-test-kit.js';
import { Topics } from '../topics.js';
import { assistanceRequestNo, fileAssistanceHandler } from './file-assistance.handler.js';

let dataSource: DataSource;

beforeAll(async () => {
  dataSource = await testDataSource();
});

afterAll(async () => {
  await dataSource?.destroy();
});

const place = { lng: 120.16321, lat: 30.26874 };

/** A hotline report of a road collapse at the place; each test adds the category. */
const hotlineReport: Partial<CaseFile> = { source: 'hotline', description: '路面出现塌陷', ...place };

describe('police-file-assistance', () => {
  it.each([
    ['an urgent case of any category', 'E0504', 'urgent'],
    ['a sudden road event (E04) even when normal', 'E0402', 'normal'],
  ] as const)('files an open request numbered by date and serial, and alerts public security, for %s', async (_, categoryCode, urgency) => {
    // given
    const { caseId, caseNo } = await givenCase(dataSource, { ...hotlineReport, categoryCode });

    // when
    const output = await fileAssistanceHandler.handle({ caseId, caseNo, categoryCode, urgency, ...place, description: '路面出现塌陷' }, contextFor(dataSource, Topics.PoliceFileAssistance, caseNo));

    // then
    const [request, ...more] = await dataSource.manager.findBy(AssistanceRequestEntity, { caseId });
    expect(more).toEqual([]);
    expect(request).toMatchObject({ categoryCode, status: 'open', ...place });
    expect(request!.requestNo).toBe(assistanceRequestNo(request!.createdAt, request!.id));
    expect(request!.requestNo).toMatch(/^JWXZ-\d{8}-\d{5,}$/);
    expect(output).toEqual({ assistanceRequestNo: request!.requestNo });
    expect(await dataSource.manager.findBy(NotificationEntity, { caseId })).toEqual([
      expect.objectContaining({ recipientType: 'group', recipient: 'public-security', title: expect.stringContaining(request!.requestNo) }),
    ]);
  });

  it('files nothing and answers null for a normal case outside sudden road events', async () => {
    // given
    const { caseId, caseNo } = await givenCase(dataSource, { ...hotlineReport, categoryCode: 'E0504' });
    const context = contextFor(dataSource, Topics.PoliceFileAssistance, caseNo);

    // when
    const output = await fileAssistanceHandler.handle({ caseId, caseNo, categoryCode: 'E0504', urgency: 'normal', ...place }, context);

    // then
    expect(output).toEqual({ assistanceRequestNo: null });
    expect(await dataSource.manager.countBy(AssistanceRequestEntity, { caseId })).toBe(0);
    expect(await dataSource.manager.countBy(NotificationEntity, { caseId })).toBe(0);
    expect(await dataSource.manager.countBy(SideEffectEntity, { effectKey: `${context.task.id}:file-assistance` })).toBe(0);
  });

  it('files one request only when the same task is delivered twice, and answers its number both times', async () => {
    // given
    const { caseId, caseNo } = await givenCase(dataSource, { ...hotlineReport, categoryCode: 'E0401' });
    const context = contextFor(dataSource, Topics.PoliceFileAssistance, caseNo);
    const variables = { caseId, caseNo, categoryCode: 'E0401', urgency: 'urgent' as const, ...place };

    // when
    const first = await fileAssistanceHandler.handle(variables, context);
    const again = await fileAssistanceHandler.handle(variables, context);

    // then
    expect(again).toEqual(first);
    expect(await dataSource.manager.countBy(AssistanceRequestEntity, { caseId })).toBe(1);
    expect(await dataSource.manager.countBy(NotificationEntity, { caseId })).toBe(1);
  });

  it.each([
    ['dates by Beijing time, not UTC', new Date('2026-11-21T16:05:00.000Z'), 1, 'JWXZ-20261122-00001'],
    ['keeps a serial beyond five digits whole', new Date('2026-11-22T03:00:00.000Z'), 100_000, 'JWXZ-20261122-100000'],
  ])('numbers a request: %s', (_, createdAt, serial, expected) => {
    expect(assistanceRequestNo(createdAt, serial)).toBe(expected);
  });

  it.each([
    ['an unknown urgency', { caseId: 1, caseNo: 'C-1', categoryCode: 'E0401', urgency: 'high', ...place }],
    ['no urgency', { caseId: 1, caseNo: 'C-1', categoryCode: 'E0401', ...place }],
    ['coordinates given as text', { caseId: 1, caseNo: 'C-1', categoryCode: 'E0401', urgency: 'urgent', lng: '120.16', lat: '30.26' }],
  ])('rejects variables with %s', (_, variables) => {
    expect(fileAssistanceHandler.input.safeParse(variables).success).toBe(false);
  });
});
