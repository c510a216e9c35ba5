import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FindingView, OperationSummary } from '../../server/src/contracts/joint-operations.js';
import type { TaskListResponse } from '../../server/src/contracts/tasks.js';
import { AuditRecordEntity } from '../../server/src/modules/audit/index.js';
import { CaseFileEntity } from '../../server/src/modules/cases/index.js';
import { png } from '../../server/src/modules/cases/photo-fixtures.js';
import { beijingLocal } from '../../server/src/modules/joint-operations/index.js';
import { FirstViolationEntity, recordShopMeasure, ShopEntity, ShopViolationEntity } from '../../server/src/modules/shops/index.js';
import { inTransaction } from '../../server/src/db/index.js';
import type { RunningServer } from '../../server/src/server.js';
import { eventually } from '../support/test-env.js';
import { startTestServer } from '../support/test-server.js';
import { CaseFlow } from './case-flow.js';
import { OperationFlow } from './joint-enforcement-flow.js';

let server: RunningServer;
let flow: OperationFlow;
let cases: CaseFlow;

beforeAll(async () => {
  server = await startTestServer();
  flow = new OperationFlow(server);
  cases = new CaseFlow(server);
});

afterAll(async () => {
  await server?.stop();
});

const urbanOnly = [{ departmentCode: 'urban-management', tasks: '清理占道摊点，依法处置' }];

/** An operation of urban management alone, in execution. */
async function executingOperation() {
  const { ref, processInstanceId } = await flow.create(await flow.plan({ participants: urbanOnly }));
  await flow.untilExecuting(ref, processInstanceId, ['urban-management']);
  const gridCode = (await flow.detail(ref)).plan.gridCodes[0]!;
  return { ref, processInstanceId, gridCode };
}

const violation = { severity: 'minor', correctedOnSpot: true, fineYuan: null, seizedItems: null, fileCase: null } as const;
const record = async (ref: string, body: object, as = 'chengguan') => (await flow.as(as)).raw('POST', `/api/operations/${ref}/findings`, body);

describe('findings of a joint operation', () => {
  it('files a finding as a closed-loop case linked both ways, and shows the case closing', async () => {
    // given an operation in execution, in the liaison's inbox
    const { ref, gridCode } = await executingOperation();
    const inbox = await (await flow.as('chengguan')).get<TaskListResponse>('/api/tasks?tab=all');
    expect(inbox.items.find((t) => t.taskDefinitionKey === 'execute' && t.subject?.ref === ref)?.subject).toMatchObject({ kind: 'joint-operation', link: `/operations/${ref}` });

    // when the liaison records goods piled outside a shop front for follow-up as a case
    const place = await flow.centreOf(gridCode);
    const response = await record(ref, { ...violation, description: '商铺门前堆放货物，需后续清理', ...place, fileCase: { categoryCode: 'E0503' } });
    expect(response.status).toBe(201);
    const finding = (await response.json()) as FindingView;

    // then the case is filed by the liaison with source joint-enforcement and the operation's ref
    const c = await server.dataSource.manager.findOneByOrFail(CaseFileEntity, { caseNo: finding.caseNo! });
    expect(c).toMatchObject({ source: 'joint-enforcement', sourceRef: ref, reporter: 'chengguan', categoryCode: 'E0503' });
    expect((await flow.detail(ref)).casesFiled).toBe(1);

    // when the case runs its closed loop to the end
    await cases.accept(c.processInstanceId);
    await cases.complete(c.processInstanceId, 'handle', { handlingOutcome: 'done', handlingResult: '货物已清理' });
    await cases.complete(c.processInstanceId, 'verify', { verified: true, verifyNote: '已清理干净' });
    await cases.ended(c.processInstanceId);

    // then the operation lists it with its live status
    const [listed] = (await flow.detail(ref)).findings;
    expect(listed).toMatchObject({ id: finding.id, caseNo: c.caseNo, caseStatus: 'closed' });
  });

  it('applies 首违不罚 to a first violation, penalises a repeat within 12 months, and forgives again after 12 months', async () => {
    // given an operation in execution and two shops in its area, one with a violation by urban management 13 months ago
    const { ref, gridCode } = await executingOperation();
    const first = await flow.shopIn(gridCode);
    const longAgo = await flow.shopIn(gridCode);
    const thirteenMonthsAgo = new Date(Date.now() - 396 * 24 * 3_600_000);
    await inTransaction(server.dataSource, (manager) => recordShopMeasure(manager, { shopId: longAgo.id, agency: 'urban-management', violationType: 'street-vending', measure: 'fine', firstViolationNoPenalty: false, fineYuan: 100, at: thirteenMonthsAgo, actor: 'chengguan', sourceKey: `test-old-${longAgo.id}` }));
    const at = (shop: { id: number; lng: number; lat: number }) => ({ ...violation, description: '占道摆摊', lng: shop.lng, lat: shop.lat, shopId: shop.id, violationType: 'street-vending' });

    // when the shop is found trading on the street for the first time, minor and corrected on the spot
    const firstTime = await record(ref, at(first));

    // then it gets an order to correct with a written promise, in the first-violation register, no fine
    expect(firstTime.status).toBe(201);
    expect(await firstTime.json()).toMatchObject({ measure: 'order-to-correct', firstViolationNoPenalty: true, fineYuan: null });
    expect(await server.dataSource.manager.countBy(FirstViolationEntity, { shopId: first.id, agency: 'urban-management' })).toBe(1);
    expect((await server.dataSource.manager.findOneByOrFail(ShopEntity, { id: first.id })).creditPoints).toBe(first.creditPoints);

    // when it is found again the same day: the rules fine it, so the liaison must give the amount
    const withoutAmount = await record(ref, at(first));
    expect(withoutAmount.status).toBe(400);
    expect((await withoutAmount.json()).error.details.issues).toEqual([expect.objectContaining({ path: 'body.fineYuan' })]);
    const repeat = await record(ref, { ...at(first), fineYuan: 200 });

    // then the repeat is fined and costs credit points
    expect(repeat.status).toBe(201);
    expect(await repeat.json()).toMatchObject({ measure: 'fine', firstViolationNoPenalty: false, fineYuan: 200 });
    expect(await server.dataSource.manager.countBy(ShopViolationEntity, { shopId: first.id })).toBe(2);
    expect((await server.dataSource.manager.findOneByOrFail(ShopEntity, { id: first.id })).creditPoints).toBeLessThan(first.creditPoints);

    // when the shop last fined 13 months ago is found again
    const afterAYear = await record(ref, at(longAgo));

    // then the old violation is outside the 12 months: 首违不罚 applies again
    expect(await afterAYear.json()).toMatchObject({ measure: 'order-to-correct', firstViolationNoPenalty: true });
  });

  it('refuses findings outside the execution window (409) and from departments not taking part (404)', async () => {
    // given an operation of urban management and commerce, still awaiting approval
    const both = [...urbanOnly, { departmentCode: 'commerce', tasks: '核查执照' }];
    const { ref, processInstanceId, gridCode } = await (async () => {
      const created = await flow.create(await flow.plan({ participants: both }));
      return { ...created, gridCode: (await flow.detail(created.ref)).plan.gridCodes[0]! };
    })();
    const body = { ...violation, description: '占道摆摊', ...(await flow.centreOf(gridCode)) };

    // when urban management records a finding before the start, and sanitation (not taking part) tries
    const early = await record(ref, body);
    const outsider = await record(ref, body, 'huanwei');

    // then
    expect(early.status).toBe(409);
    expect((await early.json()).error.message).toContain('只有执行阶段才能登记发现');
    expect(outsider.status).toBe(404);

    // when execution runs and urban management has finished its part, while commerce works on
    await flow.untilExecuting(ref, processInstanceId, ['urban-management', 'commerce']);
    await flow.complete(processInstanceId, 'execute', { executionNote: '完成' }, 'urban-management');
    await eventually(async () => (await flow.detail(ref)).participants.find((p) => p.departmentCode === 'urban-management')?.executing === false, { what: 'urban management done' });

    // then a late finding is refused too
    const late = await record(ref, body);
    expect(late.status).toBe(409);
    expect((await late.json()).error.message).toContain('已办结');
  });

  it('keeps photos of a finding, checked by their content, and serves them to readers', async () => {
    // given a finding
    const { ref, gridCode } = await executingOperation();
    const finding = (await (await record(ref, { ...violation, description: '占道摆摊', ...(await flow.centreOf(gridCode)) })).json()) as FindingView;
    const form = (bytes: Buffer, name: string, type: string) => {
      const data = new FormData();
      data.append('photos', new Blob([new Uint8Array(bytes)], { type }), name);
      return data;
    };
    const chengguan = await flow.as('chengguan');

    // when the liaison uploads a PNG and a text file posing as one
    const ok = await chengguan.raw('POST', `/api/operations/${ref}/findings/${finding.id}/photos`, form(png(4, 3), 'scene.png', 'image/png'));
    const fake = await chengguan.raw('POST', `/api/operations/${ref}/findings/${finding.id}/photos`, form(Buffer.from('not an image'), 'fake.png', 'image/png'));

    // then the photo is kept and served, and the fake refused
    expect(ok.status).toBe(201);
    const { photoIds } = (await ok.json()) as { photoIds: number[] };
    expect(fake.status).toBe(415);
    expect((await flow.detail(ref)).findings[0]!.photoIds).toEqual(photoIds);
    const served = await (await flow.as('zhihui')).raw('GET', `/api/operations/${ref}/findings/${finding.id}/photos/${photoIds[0]}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(await server.dataSource.manager.countBy(AuditRecordEntity, { action: 'operation.photo-upload', actor: 'chengguan', targetId: ref })).toBe(1);
  });

  it('pushes an operation event to the boards of those who see the operation when a finding arrives', async () => {
    // given an operation in execution, watched by the coordinator and by a department not taking part
    const { ref, gridCode } = await executingOperation();
    const coordinatorStream = await (await flow.as('xietiao')).events('/api/operations/stream', new AbortController().signal);
    const outsiderAbort = new AbortController();
    const outsiderStream = await (await flow.as('shichang')).events('/api/operations/stream', outsiderAbort.signal);
    await new Promise((resolve) => setTimeout(resolve, 500));

    // when urban management records a finding
    await record(ref, { ...violation, description: '占道摆摊', ...(await flow.centreOf(gridCode)) });

    // then the coordinator hears of it without a reload, the other department does not
    await eventually(async () => coordinatorStream.received.some((e) => e.event === 'operation' && JSON.parse(e.data).ref === ref), { what: 'the operation event' });
    expect(outsiderStream.received.filter((e) => e.event === 'operation' && JSON.parse(e.data).ref === ref)).toEqual([]);
    outsiderAbort.abort();
  });

  it('lists the operations a department takes part in, and everything for the coordinator, within a date window', async () => {
    // given an operation of urban management alone
    const plan = await flow.plan({ participants: urbanOnly });
    const { ref } = await flow.create(plan);
    const day = plan.schedule.startsAt.slice(0, 10);
    const list = async (as: string, query = '') => (await (await flow.as(as)).get<OperationSummary[]>(`/api/operations${query}`)).map((o) => o.ref);

    // then
    expect(await list('xietiao', `?from=${day}&to=${day}`)).toContain(ref);
    expect(await list('chengguan')).toContain(ref);
    expect(await list('shichang')).not.toContain(ref);
    expect(await list('xietiao', `?to=${beijingLocal(new Date())}`)).not.toContain(ref);
    expect(await list('xietiao', '?status=pending-approval&department=urban-management')).toContain(ref);
    const bad = await (await flow.as('xietiao')).raw('GET', '/api/operations?from=yesterday');
    expect(bad.status).toBe(400);
  });

  it('refuses a plan whose lead department does not take part, or whose grids are unknown, with the reasons', async () => {
    // given
    const plan = await flow.plan();

    // when
    const response = await (await flow.as('xietiao')).raw('POST', '/api/operations', { ...plan, leadDepartment: 'sanitation', gridCodes: ['NO-SUCH-GRID'] });
    const unknownGrid = await (await flow.as('xietiao')).raw('POST', '/api/operations', { ...plan, gridCodes: ['NO-SUCH-GRID'] });

    // then
    expect(response.status).toBe(400);
    expect((await response.json()).error.details.issues).toContainEqual({ path: 'body.leadDepartment', message: '牵头部门须是参与部门之一' });
    expect(unknownGrid.status).toBe(400);
    expect((await unknownGrid.json()).error.message).toBe('未知的网格：NO-SUCH-GRID');
  });
});
