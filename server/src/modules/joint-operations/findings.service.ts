import type { EntityManager } from 'typeorm';
import type { FindingView, MeasureKind, OperationStatus } from '../../contracts/joint-operations.js';
import { inTransaction } from '../../db/transaction.js';
import { ConflictError, ForbiddenError, ValidationError, validationErrorFrom, type FieldIssue } from '../../errors/index.js';
import { recordAudit } from '../audit/index.js';
import type { CurrentUser } from '../auth/index.js';
import { loadWorkingCalendar } from '../calendar/index.js';
import { createCase } from '../cases/index.js';
import { decideMeasure, hasPriorViolation, recordShopMeasure, ShopEntity, type MeasureDecision } from '../shops/index.js';
import { OperationFindingEntity, type OperationFinding } from './finding.entity.js';
import type { JointOperation } from './operation.entity.js';
import { recordOperationEvent } from './operation-events.js';
import { visibleOperation } from './operation-scope.js';
import type { OperationDeps } from './operations.service.js';
import { findingSchema, type FindingBody } from './operations.schema.js';
import { followUpWorkingDays } from './open-operation.js';
import { OperationParticipantEntity, type OperationParticipant } from './participant.entity.js';
import { findingViews } from './views.js';

const statusNames: Record<OperationStatus, string> = {
  'pending-approval': '待审批',
  returned: '退回修改',
  confirming: '部门确认中',
  briefing: '已发布简报，等待开始',
  executing: '执行中',
  'wrap-up': '总结中',
  'follow-up': '回头看',
  finished: '已完成',
  cancelled: '已撤销',
};

/**
 * Records a finding of the caller's department during execution: the enforcement-measure DMN decides the measure
 * when a violation type is given (首违不罚 looks at the shop's file), the measure lands in the shop's file, and with
 * fileCase a closed-loop case is filed (source joint-enforcement, linked both ways). Everything is audited.
 */
export async function recordFinding(deps: OperationDeps, user: CurrentUser, ref: string, body: unknown): Promise<FindingView> {
  const parsed = findingSchema.safeParse(body);
  if (!parsed.success) throw validationErrorFrom(parsed.error, 'body');
  const input = parsed.data;
  const manager = deps.dataSource.manager;
  const op = await visibleOperation(manager, user, ref);
  const participant = await workingParticipant(manager, user, op);
  const location = (await deps.gridLocator()).locate(input.lng, input.lat);
  if (!location) throw invalid('发现位置不在本辖区的网格内', 'body.lng', '位置不在辖区网格内');
  const now = new Date();
  const shop = input.shopId === null ? null : await manager.findOneBy(ShopEntity, { id: input.shopId });
  if (input.shopId !== null && !shop) throw invalid(`商户 ${input.shopId} 不存在`, 'body.shopId', '没有这个商户档案');
  const decision = input.violationType === null ? null : await decideMeasure(deps.engine, {
    violationType: input.violationType,
    priorViolationsSameAgency12m: shop ? await hasPriorViolation(manager, shop.id, participant.departmentCode, now) : false,
    severity: input.severity,
    correctedOnSpot: input.correctedOnSpot,
  });
  checkMeasureDetails(decision, input);
  // The case first: a refused report leaves nothing behind, and the finding then records the case it became.
  const filed = input.fileCase
    ? await createCase(deps, { categoryCode: input.fileCase.categoryCode, description: input.description, lng: input.lng, lat: input.lat, source: 'joint-enforcement', sourceRef: op.ref }, user.username)
    : null;
  const finding = await inTransaction(deps.dataSource, async (tx) => {
    const calendar = await loadWorkingCalendar(tx, deps.workingHours);
    const measure: MeasureKind | null = decision?.measure ?? null;
    const row: Omit<OperationFinding, 'id'> = {
      operationId: op.id,
      departmentCode: participant.departmentCode,
      description: input.description,
      lng: input.lng,
      lat: input.lat,
      gridCode: location.gridCode,
      shopId: shop?.id ?? null,
      violationType: input.violationType,
      severity: input.severity,
      correctedOnSpot: input.correctedOnSpot,
      measure,
      firstViolationNoPenalty: decision?.firstViolationNoPenalty ?? false,
      fineYuan: measure === 'fine' ? input.fineYuan : null,
      correctBy: measure === 'order-to-correct' ? calendar.addLimit(now, followUpWorkingDays, 'wd') : null,
      seizedItems: measure === 'seizure' ? input.seizedItems : null,
      documentNo: null,
      shopViolationId: null,
      caseId: filed?.id ?? null,
      caseNo: filed?.caseNo ?? null,
      followUpStatus: null,
      followUpBy: null,
      followUpAt: null,
      followUpNote: null,
      recordedBy: user.username,
      recordedAt: now,
    };
    const { identifiers } = await tx.insert(OperationFindingEntity, row);
    const id = Number(identifiers[0]!.id);
    if (shop && measure) {
      const { violationId } = await recordShopMeasure(tx, {
        shopId: shop.id,
        agency: participant.departmentCode,
        violationType: input.violationType!,
        measure,
        firstViolationNoPenalty: row.firstViolationNoPenalty,
        fineYuan: row.fineYuan,
        correctBy: row.correctBy,
        seizedItems: row.seizedItems,
        note: input.description,
        at: now,
        actor: user.username,
        sourceKey: `joint-finding:${id}`,
        operationRef: op.ref,
      });
      await tx.update(OperationFindingEntity, { id }, { shopViolationId: violationId });
    }
    const summary = { findingId: id, measure, firstViolationNoPenalty: row.firstViolationNoPenalty, shopId: row.shopId, caseNo: row.caseNo };
    await recordOperationEvent(tx, { operationId: op.id, type: 'finding-recorded', actor: user.username, departmentCode: participant.departmentCode, at: now, data: summary });
    if (filed) await recordOperationEvent(tx, { operationId: op.id, type: 'case-filed', actor: user.username, departmentCode: participant.departmentCode, at: now, data: { findingId: id, caseNo: filed.caseNo } });
    await recordAudit(tx, { actor: user.username, action: 'operation.finding', targetType: 'operation', targetId: op.ref, after: { ...input, ...summary } });
    return tx.findOneByOrFail(OperationFindingEntity, { id });
  });
  deps.changed?.();
  const [view] = await findingViews(manager, [finding]);
  return view!;
}

/** The caller's department's part in the operation, if it may record now; a typed refusal otherwise. */
export async function workingParticipant(manager: EntityManager, user: CurrentUser, op: JointOperation): Promise<OperationParticipant> {
  const participant = user.departmentCode ? await manager.findOneBy(OperationParticipantEntity, { operationId: op.id, departmentCode: user.departmentCode }) : null;
  if (!participant) throw new ForbiddenError(`您的部门未参加行动 ${op.ref}，不能登记发现`);
  if (op.status !== 'executing') throw new ConflictError(`行动 ${op.ref} 当前为“${statusNames[op.status]}”，只有执行阶段才能登记发现`);
  if (!participant.executing) throw new ConflictError(`本部门在行动 ${op.ref} 中的执行任务已办结，不能再登记发现`);
  return participant;
}

/** The DMN decides the measure; the caller supplies only what it leaves open: the fine's amount or the seized items. */
function checkMeasureDetails(decision: MeasureDecision | null, input: FindingBody): void {
  const issues: FieldIssue[] = [];
  const measure = decision?.measure ?? null;
  if (measure === 'fine' && input.fineYuan === null) issues.push({ path: 'body.fineYuan', message: '按执法措施规则应予罚款，请填写罚款金额' });
  if (measure !== 'fine' && input.fineYuan !== null) issues.push({ path: 'body.fineYuan', message: `按执法措施规则不予罚款（措施：${measure ?? '无'}），请勿填写罚款金额` });
  if (measure === 'seizure' && input.seizedItems === null) issues.push({ path: 'body.seizedItems', message: '按执法措施规则应予暂扣，请填写暂扣物品清单' });
  if (measure !== 'seizure' && input.seizedItems !== null) issues.push({ path: 'body.seizedItems', message: `按执法措施规则不予暂扣（措施：${measure ?? '无'}），请勿填写暂扣物品` });
  if (issues.length) throw new ValidationError(issues.map((i) => i.message).join('；'), { issues, ...(decision ? { decision } : {}) });
}

function invalid(message: string, path: string, detail: string): ValidationError {
  return new ValidationError(message, { issues: [{ path, message: detail }] });
}

