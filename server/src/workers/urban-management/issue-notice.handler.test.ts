import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDataSource } from '../../../../test/support/test-env.js';
import { CaseEventEntity, type CaseFile } from '../../modules/cases/index.js';
import { RectificationNoticeEntity } from '../../modules/department-records/index.js';
import { contextFor, givenCase } from '../testing/handler-test-kit.js';
import { Topics } from '../topics.js';
import { issueNoticeHandler, rectificationNoticeNo } from './issue-notice.handler.js';

let dataSource: DataSource;

beforeAll(async () => {
  dataSource = await testDataSource();
});

afterAll(async () => {
  await dataSource?.destroy();
});

/** An inspector's report of a shop trading on the pavement, the kind of case that gets a rectification notice. */
const storefrontCase: Partial<CaseFile> = { categoryCode: 'E0503', description: '店外经营，占用人行道' };

const handlingDue = new Date('2026-11-24T09:30:00.000Z');

describe('urban-issue-notice', () => {
  it('issues a notice numbered by its serial, due at the handling deadline, and records it on the case', async () => {
    // given
    const { caseId, caseNo } = await givenCase(dataSource, storefrontCase);

    // when
    const output = await issueNoticeHandler.handle({ caseId, caseNo, handlingDue }, contextFor(dataSource, Topics.UrbanIssueNotice, caseNo));

    // then
    const [notice, ...more] = await dataSource.manager.findBy(RectificationNoticeEntity, { caseId });
    expect(more).toEqual([]);
    expect(notice!.noticeNo).toBe(rectificationNoticeNo(notice!.issuedAt, notice!.id));
    expect(notice!.noticeNo).toMatch(/^青禾城管责改〔\d{4}〕第\d{5,}号$/);
    expect(notice).toMatchObject({ department: 'urban-management', deadline: handlingDue });
    expect(output).toEqual({ rectificationNoticeNo: notice!.noticeNo });
    const events = await dataSource.manager.findBy(CaseEventEntity, { caseId });
    expect(events).toEqual([expect.objectContaining({ type: 'notice-issued', department: 'urban-management', actor: 'worker:urban-management', data: JSON.stringify({ noticeNo: notice!.noticeNo }) })]);
  });

  it('issues one notice only when the same task is delivered twice, and answers its number both times', async () => {
    // given
    const { caseId, caseNo } = await givenCase(dataSource, storefrontCase);
    const context = contextFor(dataSource, Topics.UrbanIssueNotice, caseNo);

    // when
    const first = await issueNoticeHandler.handle({ caseId, caseNo, handlingDue }, context);
    const again = await issueNoticeHandler.handle({ caseId, caseNo, handlingDue }, context);

    // then
    expect(again).toEqual(first);
    expect(await dataSource.manager.countBy(RectificationNoticeEntity, { caseId })).toBe(1);
    expect(await dataSource.manager.countBy(CaseEventEntity, { caseId })).toBe(1);
  });

  it('gives two tasks of one case two different notices', async () => {
    // given a case handled again after rework
    const { caseId, caseNo } = await givenCase(dataSource, storefrontCase);

    // when
    const first = await issueNoticeHandler.handle({ caseId, caseNo, handlingDue }, contextFor(dataSource, Topics.UrbanIssueNotice, caseNo));
    const second = await issueNoticeHandler.handle({ caseId, caseNo, handlingDue }, contextFor(dataSource, Topics.UrbanIssueNotice, caseNo));

    // then
    expect(second?.rectificationNoticeNo).not.toBe(first?.rectificationNoticeNo);
    expect(await dataSource.manager.countBy(RectificationNoticeEntity, { caseId })).toBe(2);
  });

  it.each([
    ['takes the year of Beijing time, not UTC', new Date('2026-12-31T16:30:00.000Z'), 7, '青禾城管责改〔2027〕第00007号'],
    ['pads the serial to five digits', new Date('2026-06-01T02:00:00.000Z'), 123, '青禾城管责改〔2026〕第00123号'],
    ['keeps a serial beyond five digits whole', new Date('2026-06-01T02:00:00.000Z'), 123456, '青禾城管责改〔2026〕第123456号'],
  ])('numbers a notice: %s', (_, issuedAt, serial, expected) => {
    expect(rectificationNoticeNo(issuedAt, serial)).toBe(expected);
  });

  it.each([
    ['a deadline given as text', { caseId: 1, caseNo: 'C-1', handlingDue: '2026-11-24T09:30:00.000Z' }],
    ['no deadline', { caseId: 1, caseNo: 'C-1', handlingDue: null }],
    ['a fractional case id', { caseId: 1.5, caseNo: 'C-1', handlingDue }],
  ])('rejects variables with %s', (_, variables) => {
    expect(issueNoticeHandler.input.safeParse(variables).success).toBe(false);
  });
});
