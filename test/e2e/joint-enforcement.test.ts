import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FindingView, OperationReport } from '../../server/src/contracts/joint-operations.js';
import { AuditRecordEntity, auditTrail } from '../../server/src/modules/audit/index.js';
import { beijingLocal, OperationDocumentEntity, OperationFindingEntity } from '../../server/src/modules/joint-operations/index.js';
import { NotificationEntity } from '../../server/src/modules/notifications/index.js';
import type { RunningServer } from '../../server/src/server.js';
import { eventually } from '../support/test-env.js';
import { startTestServer } from '../support/test-server.js';
import { OperationFlow } from './joint-enforcement-flow.js';

let server: RunningServer;
let flow: OperationFlow;

beforeAll(async () => {
  server = await startTestServer();
  flow = new OperationFlow(server);
});

afterAll(async () => {
  await server?.stop();
});

const departments = ['urban-management', 'commerce', 'public-security'];
const eventTypes = async (ref: string) => (await flow.detail(ref)).events.map((e) => e.type);

describe('joint enforcement through the API, on the real engine', () => {
  it('runs an approved operation through confirmation, briefing, execution, wrap-up and the report', async () => {
    // given a plan with three departments, approved by the command centre
    const { ref, processInstanceId } = await flow.create(await flow.plan());
    expect((await flow.row(ref)).status).toBe('pending-approval');
    await flow.untilExecuting(ref, processInstanceId, departments);
    const detail = await flow.detail(ref);
    expect(detail.approvedBy).toBe('zhihui');
    expect(detail.participants.map((p) => [p.departmentCode, p.status, p.people, p.executing])).toEqual(departments.map((d) => [d, 'confirmed', 6, true]));

    // when urban management records a finding at a shop, and everyone finishes
    const [grid] = detail.plan.gridCodes;
    const shop = await flow.shopIn(grid!);
    const chengguan = await flow.as('chengguan');
    const finding = await chengguan.post<FindingView>(`/api/operations/${ref}/findings`, { description: '水果摊占道经营', lng: shop.lng, lat: shop.lat, shopId: shop.id, violationType: 'street-vending', severity: 'minor', correctedOnSpot: true, fineYuan: null, seizedItems: null, fileCase: null });
    expect(finding).toMatchObject({ measure: 'order-to-correct', firstViolationNoPenalty: true, shopName: shop.name, documentNo: null });
    for (const department of departments) await flow.complete(processInstanceId, 'execute', { executionNote: '已完成本部门任务' }, department);
    await flow.status(ref, 'wrap-up');
    await flow.complete(processInstanceId, 'wrap-up', { summaryText: '清理占道摊点 12 处，责令改正 1 家。' }, 'urban-management');

    // then the report counts the finding, urban management numbered the order, and 回头看 waits for the shop
    await flow.status(ref, 'follow-up');
    const report = await chengguan.get<OperationReport>(`/api/operations/${ref}/report`);
    expect(report).toMatchObject({ summaryText: '清理占道摊点 12 处，责令改正 1 家。', writtenBy: 'chengguan', counts: [{ departmentCode: 'urban-management', measure: 'order-to-correct', count: 1 }] });
    const numbered = await server.dataSource.manager.findOneByOrFail(OperationFindingEntity, { id: finding.id });
    expect(numbered.documentNo).toMatch(/^青禾联执城管责改〔\d{4}〕第\d{5}号$/);
    expect(await server.dataSource.manager.countBy(OperationDocumentEntity, { operationId: numbered.operationId, kind: 'security-plan' })).toBe(1);
    expect(await eventTypes(ref)).toEqual(expect.arrayContaining(['created', 'approved', 'confirmed', 'security-plan', 'shops-checked', 'briefing-announced', 'started', 'finding-recorded', 'department-done', 'documents-issued', 'execution-ended', 'report-generated']));
    expect((await auditTrail(server.dataSource.manager, 'operation', ref)).map((a) => [a.action, a.actor])).toEqual([['operation.create', 'xietiao'], ['operation.finding', 'chengguan']]);

    // when the 回头看 timer fires (its job executed now), and urban management finds the shop corrected
    const { followUpAt } = await server.engine.processVariables(processInstanceId);
    expect(followUpAt).toBeInstanceOf(Date);
    await expect(server.engine.tasks({ processInstanceId, taskDefinitionKey: 're-inspect' })).resolves.toEqual([]);
    await flow.fireTimerAt(processInstanceId, followUpAt as Date);
    const reInspect = await flow.taskOf(processInstanceId, 're-inspect', 'urban-management');
    expect(await flow.candidateGroups(reInspect.id)).toEqual(['urban-management']);
    await flow.completeTask(reInspect, { corrected: true, followUpNote: '摊点已撤，门前整洁' });

    // then the finding records the re-inspection and the operation is finished
    await flow.ended(processInstanceId);
    expect((await flow.row(ref)).status).toBe('finished');
    const [followedUp] = (await flow.detail(ref)).findings;
    expect(followedUp).toMatchObject({ followUpStatus: 'corrected', followUpNote: '摊点已撤，门前整洁' });
  });

  it('waits 回头看 N working days after the end, and not before the deadline to correct', async () => {
    // given an operation whose urban management ordered a shop to correct
    const { ref, processInstanceId } = await flow.create(await flow.plan({ participants: [{ departmentCode: 'urban-management', tasks: '清理占道摊点' }] }));
    await flow.untilExecuting(ref, processInstanceId, ['urban-management']);
    const shop = await flow.shopIn((await flow.detail(ref)).plan.gridCodes[0]!);
    const finding = await (await flow.as('chengguan')).post<FindingView>(`/api/operations/${ref}/findings`, { description: '店外堆放货物', lng: shop.lng, lat: shop.lat, shopId: shop.id, violationType: 'outside-store', severity: 'minor', correctedOnSpot: true });

    // when it ends and the lead department writes the wrap-up
    await flow.complete(processInstanceId, 'execute', { executionNote: '完成' }, 'urban-management');
    await flow.complete(processInstanceId, 'wrap-up', { summaryText: '责令改正 1 家' }, 'urban-management');
    await flow.status(ref, 'follow-up');

    // then 回头看 is due at the later of 3 working days after the end and the deadline to correct
    const op = await flow.row(ref);
    const { followUpAt } = await server.engine.processVariables(processInstanceId);
    expect((followUpAt as Date).getTime()).toBeGreaterThanOrEqual(new Date(finding.correctBy!).getTime());
    expect((followUpAt as Date).getTime()).toBeGreaterThan(op.endsAt.getTime() + 3 * 24 * 3_600_000 - 1);
    await flow.timerAt(processInstanceId, followUpAt as Date);
  });

  it('sends a plan back with a reason; the coordinator revises it and it is approved', async () => {
    // given a plan the supervisor sends back
    const plan = await flow.plan();
    const { ref, processInstanceId } = await flow.create(plan);
    const approval = (await flow.tasks(processInstanceId, 'approve-plan'))[0]!;
    expect((await flow.candidateGroups(approval.id)).sort()).toEqual(['command-centre', 'supervision']);
    await flow.completeTask(approval, { approved: false, returnReason: '缺少环卫部门，请补充行动后清理' }, 'duban');
    await flow.status(ref, 'returned');
    expect((await flow.detail(ref)).returnReason).toBe('缺少环卫部门，请补充行动后清理');
    expect(await server.dataSource.manager.countBy(NotificationEntity, { recipient: 'xietiao', title: `联合执法 ${ref} 方案被退回` })).toBe(1);
    const revise = (await flow.tasks(processInstanceId, 'revise-plan'))[0]!;
    expect(await flow.candidateGroups(revise.id)).toEqual(['coordination']);

    // when the coordinator adds sanitation and saves the plan
    const xietiao = await flow.as('xietiao');
    const revised = { ...plan, participants: [...plan.participants, { departmentCode: 'sanitation', tasks: '行动后清扫保洁' }], revisionNote: '已增加环卫部门' };
    const detail = await xietiao.send('PUT', `/api/operations/${ref}`, revised);

    // then it is back with the approvers, with four departments, and approval starts their confirmations
    expect(detail.participants.map((p: { departmentCode: string }) => p.departmentCode)).toEqual([...departments, 'sanitation']);
    await flow.status(ref, 'pending-approval');
    expect((await flow.detail(ref)).returnReason).toBeNull();
    await flow.approve(processInstanceId);
    await flow.status(ref, 'confirming');
    expect(await flow.tasks(processInstanceId, 'confirm-resources', 4)).toHaveLength(4);
    expect(await eventTypes(ref)).toEqual(['created', 'returned', 'revised', 'resubmitted', 'approved']);
    expect(await server.dataSource.manager.countBy(AuditRecordEntity, { action: 'operation.revise', actor: 'xietiao', targetType: 'task', targetId: revise.id })).toBe(1);
  });

  it('refuses to revise a plan that was not sent back, and lets the coordinator withdraw a returned one', async () => {
    // given a plan awaiting approval
    const plan = await flow.plan();
    const { ref, processInstanceId } = await flow.create(plan);
    const xietiao = await flow.as('xietiao');

    // when the coordinator edits it before any decision
    const early = await xietiao.raw('PUT', `/api/operations/${ref}`, plan);

    // then that is a conflict
    expect(early.status).toBe(409);
    expect((await early.json()).error.message).toContain('退回修改');

    // when it is sent back and the coordinator withdraws it in the inbox
    await flow.complete(processInstanceId, 'approve-plan', { approved: false, returnReason: '时间与高考冲突' });
    await flow.complete(processInstanceId, 'revise-plan', { reviseDecision: 'cancel', revisionNote: '本周不再安排' });

    // then it is cancelled and its process ends
    await flow.ended(processInstanceId);
    expect((await flow.row(ref)).status).toBe('cancelled');
  });

  it('escalates a department that misses its confirmation deadline, and reminds departments still working at the end', async () => {
    // given an approved operation with sanitation among the departments
    const { ref, processInstanceId } = await flow.create(await flow.plan({ participants: [{ departmentCode: 'urban-management', tasks: '清理占道' }, { departmentCode: 'sanitation', tasks: '行动后清扫' }] }));
    await flow.approve(processInstanceId);
    await flow.complete(processInstanceId, 'confirm-resources', { people: 8, vehicles: 2 }, 'urban-management');
    const op = await flow.row(ref);

    // when the confirmation deadline passes (its timer job executed now) without sanitation's confirmation
    await flow.fireTimerAt(processInstanceId, op.confirmBy);

    // then sanitation is escalated to supervision, and its task stays open
    await eventually(async () => (await flow.detail(ref)).participants.find((p) => p.departmentCode === 'sanitation')?.status === 'escalated', { what: 'sanitation escalated' });
    expect(await server.dataSource.manager.countBy(NotificationEntity, { recipient: 'supervision', title: `督办：联合执法 ${ref} 的 sanitation 未按时确认` })).toBe(1);
    const late = await flow.taskOf(processInstanceId, 'confirm-resources', 'sanitation');

    // when sanitation confirms late, the operation starts, and the end time passes with both still working
    await flow.completeTask(late, { people: 4, vehicles: 1 });
    await flow.status(ref, 'briefing');
    await flow.fireTimerAt(processInstanceId, op.startsAt);
    await flow.status(ref, 'executing');
    await flow.tasks(processInstanceId, 'execute', 2);
    await flow.complete(processInstanceId, 'execute', { executionNote: '完成' }, 'urban-management');
    await eventually(async () => (await flow.detail(ref)).participants.find((p) => p.departmentCode === 'urban-management')?.executing === false, { what: 'urban management done' });
    await flow.fireTimerAt(processInstanceId, op.endsAt);

    // then only sanitation, still working, is reminded; when it finishes, a crew is sent to clean up
    await eventually(async () => (await eventTypes(ref)).includes('reminded'), { what: 'the reminder' });
    expect((await flow.detail(ref)).events.filter((e) => e.type === 'reminded').map((e) => e.departmentCode)).toEqual(['sanitation']);
    expect(await server.dataSource.manager.countBy(NotificationEntity, { recipient: 'sanitation', title: `提醒：联合执法 ${ref} 已到结束时间` })).toBe(1);
    await flow.complete(processInstanceId, 'execute', { executionNote: '完成清扫' }, 'sanitation');
    await eventually(async () => (await eventTypes(ref)).includes('crew-dispatched'), { what: 'the clean-up crew' });
    expect((await flow.detail(ref)).participants.find((p) => p.departmentCode === 'sanitation')).toMatchObject({ status: 'confirmed', people: 4 });

    // and with no shop ordered to correct, the wrap-up finishes the operation
    await flow.complete(processInstanceId, 'wrap-up', { summaryText: '清理完毕' }, 'urban-management');
    await flow.ended(processInstanceId);
    expect((await flow.row(ref)).status).toBe('finished');
  });

  it('files cases reported inside a running major-event area as urgent', async () => {
    // given a 重大活动保障 operation over one grid (one that other tests do not report in), approved, whose one-minute window opens in a few seconds
    const [inside, outside] = await flow.marketGrids(2, 'DESC');
    const start = new Date(Date.now() + 8000);
    const plan = await flow.plan({
      majorEvent: true,
      gridCodes: [inside!.code],
      participants: [{ departmentCode: 'sanitation', tasks: '保障区域保洁' }],
      leadDepartment: 'sanitation',
      schedule: { startsAt: beijingLocal(start), endsAt: beijingLocal(new Date(start.getTime() + 60_000)), recurrence: { kind: 'once' } },
      confirmBy: beijingLocal(start),
      briefing: { at: beijingLocal(start), place: '活动指挥部' },
    });
    const { processInstanceId } = await flow.create(plan);
    await flow.approve(processInstanceId);
    await eventually(async () => Date.now() > start.getTime(), { what: 'the window to open' });

    // when the grid inspector reports garbage inside the area, and just outside it
    const wangge = await flow.as('wangge');
    const report = async (gridCode: string) => (await wangge.post<{ caseNo: string; urgent: boolean }>('/api/cases', { categoryCode: 'E0102', description: '活动区域暴露垃圾', ...(await flow.centreOf(gridCode)) }));

    // then the case inside is urgent, the other not
    expect((await report(inside!.code)).urgent).toBe(true);
    expect((await report(outside!.code)).urgent).toBe(false);
  });
});
