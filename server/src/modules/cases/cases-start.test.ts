import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../../scripts/lib/free-port.js';
import { ApiClient } from '../../../../test/support/api-client.js';
import { eventually, testLogger } from '../../../../test/support/test-env.js';
import { startTestServer, type TestServer } from '../../../../test/support/test-server.js';
import { EngineClient } from '../../engine/index.js';
import { EngineNotFoundError } from '../../errors/index.js';
import { AuditRecordEntity } from '../audit/index.js';
import { engineTimedOut, failNextInsert, withEngineFaults, withholdingEngineProxy } from '../audit/testing/faults.js';
import { sharedGridLocator } from '../grids/index.js';
import { CaseEventEntity } from './case-event.entity.js';
import { CaseFileEntity } from './case-file.entity.js';
import { reconcileCaseStarts } from './case-reconciler.js';
import { caseProcessKey, CaseStartPendingError, isStartPending } from './case-start.js';
import { createCase, type CaseDeps } from './cases.service.js';
import { CaseApiHarness, errorOf } from './test-support.js';

let h: CaseApiHarness;
let engineDown: TestServer;
let proxy: Awaited<ReturnType<typeof withholdingEngineProxy>>;
/** A client of the engine behind the proxy, which starts cases but never gets the answer. */
let lostStartAnswers: EngineClient;
const logger = testLogger();

beforeAll(async () => {
  h = await CaseApiHarness.start();
  engineDown = await startTestServer({ ENGINE_URL: `http://127.0.0.1:${await freePort()}/engine-rest`, DEPLOY_ON_START: 'false', WORKERS: 'off' });
  proxy = await withholdingEngineProxy(h.config.ENGINE_URL, (method, path) => method === 'POST' && path === `/process-definition/key/${caseProcessKey}/start`);
  // Far longer than a warm engine takes to start a case (about 0.1 s), so that the start is done when the client gives up.
  lostStartAnswers = new EngineClient({ baseUrl: proxy.url, user: h.config.ENGINE_USER, password: h.config.ENGINE_PASSWORD, timeoutMs: 3000 });
  await h.report('wangge');
});

afterAll(async () => {
  await proxy?.close();
  await engineDown?.stop();
  await h?.stop();
});

/** A report whose description no other test uses, so that its rows and audit records can be found without a case number. */
async function report() {
  const point = await h.pointIn('residential');
  return { categoryCode: 'E0102', description: `暴露垃圾 ${randomUUID()}`, lng: point.lng, lat: point.lat, source: 'inspector' as const };
}

const deps = (engine: EngineClient): CaseDeps => ({ dataSource: h.server.dataSource, engine, workingHours: h.config.WORKING_HOURS, gridLocator: () => sharedGridLocator(h.server.dataSource.manager), logger });
const db = () => h.server.dataSource.manager;
const instancesOf = (caseNo: string) => h.server.engine.processInstancesByBusinessKey(caseProcessKey, caseNo);
const createAudits = (caseNo: string) => db().countBy(AuditRecordEntity, { action: 'case.create', targetType: 'case', targetId: caseNo });
const auditsMentioning = (description: string) => db().createQueryBuilder(AuditRecordEntity, 'a').where('a.afterState LIKE :d', { d: `%${description}%` }).getCount();

describe('starting a case process', () => {
  it('adopts the instance when the start reaches the engine but its answer times out: one case, one instance, one audit', async () => {
    // given a report, and an engine whose answer to the start never arrives before the client's timeout
    const input = await report();

    // when
    const created = await createCase(deps(lostStartAnswers), input, 'wangge');

    // then the case has the one instance the engine started for its number, and is audited once
    const instances = await instancesOf(created.caseNo);
    expect(instances.map((i) => i.id)).toEqual([created.processInstanceId]);
    expect(await h.row(created.caseNo)).toMatchObject({ processInstanceId: created.processInstanceId, description: input.description });
    expect(await createAudits(created.caseNo)).toBe(1);
  });

  it('keeps the case pending when the engine cannot be asked, and the reconciler later adopts its instance and audits it once', async () => {
    // given a start that the engine does but whose answer is lost, while lookups find the engine unreachable
    const input = await report();
    const blind = withEngineFaults(h.server.engine, {
      startProcess: async (real, ...args) => {
        await real(...args);
        throw engineTimedOut('POST /process-definition/key/case-closed-loop/start');
      },
      processInstancesByBusinessKey: () => Promise.reject(engineTimedOut('GET /history/process-instance')),
    });

    // when
    const failure = await createCase(deps(blind), input, 'wangge').catch((error: unknown) => error);

    // then the reporter is told 503 with the case number, and the row waits, unaudited
    expect(failure).toBeInstanceOf(CaseStartPendingError);
    const { caseNo } = (failure as CaseStartPendingError).details!;
    expect((failure as CaseStartPendingError).status).toBe(503);
    expect(isStartPending(await h.row(caseNo))).toBe(true);
    expect(await createAudits(caseNo)).toBe(0);

    // when the engine answers again
    const result = await reconcileCaseStarts({ dataSource: h.server.dataSource, engine: h.server.engine, logger }, { settleMs: 0, caseNos: [caseNo] });
    const again = await reconcileCaseStarts({ dataSource: h.server.dataSource, engine: h.server.engine, logger }, { settleMs: 0, caseNos: [caseNo] });

    // then the row has the engine's one instance, audited exactly once
    expect(result).toEqual({ adopted: 1, removed: 0, kept: 0 });
    expect(again).toEqual({ adopted: 0, removed: 0, kept: 0 });
    const [instance, ...others] = await instancesOf(caseNo);
    expect(others).toEqual([]);
    expect((await h.row(caseNo)).processInstanceId).toBe(instance!.id);
    expect(await createAudits(caseNo)).toBe(1);
  });

  it('removes a pending case the engine has no instance for, once the settle window has passed, without auditing it', async () => {
    // given a start whose outcome is unknown but that never reached the engine
    const input = await report();
    const lost = withEngineFaults(h.server.engine, { startProcess: () => Promise.reject(engineTimedOut('POST /process-definition/key/case-closed-loop/start')) });
    const failure = await createCase(deps(lost), input, 'wangge').catch((error: unknown) => error);
    const { caseNo } = (failure as CaseStartPendingError).details!;
    const row = await h.row(caseNo);
    const reconcile = (settleMs: number) => reconcileCaseStarts({ dataSource: h.server.dataSource, engine: h.server.engine, logger }, { settleMs, caseNos: [caseNo] });

    // when the reconciler runs inside the settle window, then it leaves the row alone
    expect(await reconcile(60_000)).toEqual({ adopted: 0, removed: 0, kept: 0 });
    expect(isStartPending(await h.row(caseNo))).toBe(true);

    // when it runs after the window, then the row and its event are gone, and nothing was audited
    expect(await reconcile(0)).toEqual({ adopted: 0, removed: 1, kept: 0 });
    expect(await db().countBy(CaseFileEntity, { caseNo })).toBe(0);
    expect(await db().countBy(CaseEventEntity, { caseId: row.id })).toBe(0);
    expect(await createAudits(caseNo)).toBe(0);
    expect(await instancesOf(caseNo)).toEqual([]);
  });

  it('removes the row and passes the refusal on when the engine refuses the start', async () => {
    // given an engine that answers the start with an error
    const input = await report();
    const refusing = withEngineFaults(h.server.engine, { startProcess: (real, _key, start) => real('no-such-process', start) });

    // when
    const failure = await createCase(deps(refusing), input, 'wangge').catch((error: unknown) => error);

    // then
    expect(failure).toBeInstanceOf(EngineNotFoundError);
    expect(await db().countBy(CaseFileEntity, { description: input.description })).toBe(0);
    expect(await auditsMentioning(input.description)).toBe(0);
  });

  it('returns the running case when the engine starts it but the confirming write fails, and the reconciler records it once', async () => {
    // given a database that fails the write confirming the start
    const input = await report();
    const { failed } = failNextInsert(h.server.dataSource, 'audit_record');

    // when
    const created = await createCase(deps(h.server.engine), input, 'wangge');

    // then the caller has the running case, which the reconciler then records
    await failed;
    expect((await instancesOf(created.caseNo)).map((i) => i.id)).toEqual([created.processInstanceId]);
    expect(isStartPending(await h.row(created.caseNo))).toBe(true);
    expect(await reconcileCaseStarts({ dataSource: h.server.dataSource, engine: h.server.engine, logger }, { settleMs: 0, caseNos: [created.caseNo] })).toEqual({ adopted: 1, removed: 0, kept: 0 });
    expect((await h.row(created.caseNo)).processInstanceId).toBe(created.processInstanceId);
    expect(await createAudits(created.caseNo)).toBe(1);
  });
});

describe('POST /api/cases while the engine is down', () => {
  it('answers 503 and leaves neither a case nor a case.create audit record', async () => {
    // given a server whose engine address has nothing listening
    const input = await report();
    const api = await ApiClient.signedIn(engineDown.url, 'wangge');

    // when
    const response = await api.raw('POST', '/api/cases', input);

    // then
    expect(response.status).toBe(503);
    expect((await errorOf(response)).code).toBe('ENGINE_UNAVAILABLE');
    expect(await db().countBy(CaseFileEntity, { description: input.description })).toBe(0);
    expect(await auditsMentioning(input.description)).toBe(0);
  });
});

describe('the reconciler of a running server', () => {
  it('removes at start-up a case left pending long ago whose start never reached the engine', async () => {
    // given a row left pending five minutes ago, as a crash between registering and starting would leave it
    const caseNo = `T${Date.now()}`;
    await db().insert(CaseFileEntity, { caseNo, processInstanceId: `pending-${randomUUID()}`, categoryCode: 'E0102', source: 'inspector', description: '崩溃前登记的案件', status: 'registered', createdAt: new Date(Date.now() - 5 * 60_000), urgent: false, reworkCount: 0 });

    // when a server starts
    const other = await startTestServer({ DEPLOY_ON_START: 'false', WORKERS: 'off' });

    // then its reconciler asks the engine, which has no instance, and removes the row
    try {
      await eventually(async () => (await db().countBy(CaseFileEntity, { caseNo })) === 0, { what: `pending case ${caseNo} removed` });
    } finally {
      await other.stop();
    }
  });
});
