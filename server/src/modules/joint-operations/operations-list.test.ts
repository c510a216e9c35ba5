import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../../../test/support/api-client.js';
import { uniqueKey } from '../../../../test/support/test-env.js';
import { startTestServer, type TestServer } from '../../../../test/support/test-server.js';
import type { OperationDetail, OperationReport, OperationSummary } from '../../contracts/joint-operations.js';
import { OperationParticipantEntity } from './participant.entity.js';
import { givenFinding, givenOperation } from './test-support.js';

let server: TestServer;
let coordinator: ApiClient;

beforeAll(async () => {
  server = await startTestServer({ WORKERS: 'off', DEPLOY_ON_START: 'false' });
  coordinator = await ApiClient.signedIn(server.url, 'xietiao');
});

afterAll(async () => {
  await server?.stop();
});

const refsOf = (rows: OperationSummary[]) => rows.map((r) => r.ref);
const list = (query: string, api = coordinator) => api.get<OperationSummary[]>(`/api/operations?${query}`);

describe('GET /api/operations?q= (keyword)', () => {
  it('finds operations by a word of the title, of the target, or by ref', async () => {
    // given three operations of the test's own, one of them with a keyword in its title and another in its target
    const word = uniqueKey('夜市');
    const byTitle = await givenOperation(server.dataSource, { title: `${word}周边整治` });
    const byTarget = await givenOperation(server.dataSource, { target: `${word}露天烧烤` });
    const other = await givenOperation(server.dataSource);

    // when the coordinator searches for the word, and for a ref
    const found = await list(`q=${encodeURIComponent(word)}`);
    const foundByRef = await list(`q=${encodeURIComponent(other.ref)}`);

    // then the word finds the two, and the ref the third
    expect(refsOf(found).sort()).toEqual([byTitle.ref, byTarget.ref].sort());
    expect(refsOf(foundByRef)).toEqual([other.ref]);
  });

  it('combines the keyword with the status filter and takes % and _ literally', async () => {
    // given two operations with the same word, one still pending approval and one returned
    const word = uniqueKey('菜场');
    const pending = await givenOperation(server.dataSource, { title: `${word} 待审批` });
    await givenOperation(server.dataSource, { title: `${word} 已退回`, status: 'returned' });

    // when the coordinator searches for the word among pending ones, and for bare wildcards
    const found = await list(`q=${encodeURIComponent(word)}&status=pending-approval`);
    const wildcards = await list(`q=${encodeURIComponent('%_')}`);

    // then only the pending one matches, and no title without a literal "%_" is listed
    expect(refsOf(found)).toEqual([pending.ref]);
    expect(wildcards.filter((o) => !`${o.title}${o.target}${o.ref}`.includes('%_'))).toEqual([]);
  });

  it('keeps a liaison to the operations of their department', async () => {
    // given an operation of urban management and commerce only, with a keyword
    const word = uniqueKey('店外经营');
    const op = await givenOperation(server.dataSource, { title: `${word} 整治` });

    // when liaisons of commerce and of sanitation search for it
    const commerce = await list(`q=${encodeURIComponent(word)}`, await ApiClient.signedIn(server.url, 'shichang'));
    const sanitation = await list(`q=${encodeURIComponent(word)}`, await ApiClient.signedIn(server.url, 'huanwei'));

    // then only commerce finds it
    expect(refsOf(commerce)).toEqual([op.ref]);
    expect(sanitation).toEqual([]);
  });

  it.each([
    { query: `q=${'长'.repeat(65)}`, path: 'query.q' },
    { query: 'status=done', path: 'query.status' },
    { query: 'from=tomorrow', path: 'query.from' },
    { query: 'keyword=x', path: 'query' },
  ])('answers 400 naming $path for ?$query', async ({ query, path }) => {
    const response = await coordinator.raw('GET', `/api/operations?${encodeURI(query)}`);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; details: { issues: Array<{ path: string }> } } };
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.details.issues.map((i) => i.path)).toContain(path);
  });
});

describe('display names beside usernames', () => {
  it('names the planner, the approver, who confirmed, who recorded, the timeline actors and the report writer', async () => {
    // given an approved operation with a confirmation by commerce, a finding by urban management and a wrap-up
    const op = await givenOperation(server.dataSource, { approvedBy: 'zhihui', writtenBy: 'chengguan', summaryText: '行动顺利' });
    await server.dataSource.manager.update(OperationParticipantEntity, { operationId: op.id, departmentCode: 'commerce' }, { status: 'confirmed', confirmedBy: 'shichang', confirmedAt: new Date(), people: 3, vehicles: 1 });
    await givenFinding(server.dataSource, op, { recordedBy: 'chengguan' });

    // when the coordinator opens the board and the report
    const detail = await coordinator.get<OperationDetail>(`/api/operations/${op.ref}`);
    const report = await coordinator.get<OperationReport>(`/api/operations/${op.ref}/report`);

    // then every username has its person's display name beside it
    expect(detail).toMatchObject({ createdBy: 'xietiao', createdByName: '联合行动协调员 陈刚', approvedBy: 'zhihui', approvedByName: '指挥中心 王敏' });
    expect(detail.participants.find((p) => p.departmentCode === 'commerce')).toMatchObject({ confirmedBy: 'shichang', confirmedByName: '市场监管联络员 郑洁' });
    expect(detail.participants.find((p) => p.departmentCode === 'urban-management')).toMatchObject({ confirmedBy: null, confirmedByName: null });
    expect(detail.findings[0]).toMatchObject({ recordedBy: 'chengguan', recordedByName: '城管联络员 吴涛' });
    expect(detail.events[0]).toMatchObject({ type: 'created', actor: 'xietiao', actorName: '联合行动协调员 陈刚' });
    expect(report).toMatchObject({ writtenBy: 'chengguan', writtenByName: '城管联络员 吴涛' });
    expect(report.findings[0]!.recordedByName).toBe('城管联络员 吴涛');
  });

  it('falls back to the username of someone who has no account, such as the system', async () => {
    // given an operation whose finding was recorded by an account that no longer exists
    const op = await givenOperation(server.dataSource);
    await givenFinding(server.dataSource, op, { recordedBy: 'gone-user' });

    // when the coordinator opens the board
    const detail = await coordinator.get<OperationDetail>(`/api/operations/${op.ref}`);

    // then the username stands for the name
    expect(detail.findings[0]).toMatchObject({ recordedBy: 'gone-user', recordedByName: 'gone-user' });
    expect(detail.approvedByName).toBeNull();
  });
});
