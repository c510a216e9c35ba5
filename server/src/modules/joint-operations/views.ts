import { In, type EntityManager } from 'typeorm';
import type { FindingView, MeasureKind, OperationDetail, OperationEventView, OperationPlanInput, OperationReport, OperationSummary, ParticipantView } from '../../contracts/joint-operations.js';
import { CaseFileEntity } from '../cases/index.js';
import { DepartmentEntity } from '../departments/index.js';
import { ShopEntity } from '../shops/index.js';
import { UserEntity } from '../users/index.js';
import { FindingPhotoEntity, OperationFindingEntity, type OperationFinding } from './finding.entity.js';
import { OperationGridEntity, type JointOperation } from './operation.entity.js';
import { OperationEventEntity, type OperationEvent } from './operation-event.entity.js';
import { OperationParticipantEntity, type OperationParticipant } from './participant.entity.js';
import { beijingLocal } from './schedule.js';
import { OperationSeriesEntity } from './series.entity.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const byId = <T, K>(rows: readonly T[], key: (row: T) => K) => new Map(rows.map((r) => [key(r), r]));

/** The list rows of operations, with their departments, series and counts, in a few queries. */
export async function summariesOf(manager: EntityManager, ops: readonly JointOperation[]): Promise<OperationSummary[]> {
  if (ops.length === 0) return [];
  const ids = ops.map((o) => o.id);
  const participants = await manager.find(OperationParticipantEntity, { where: { operationId: In(ids) }, order: { id: 'ASC' } });
  const findings = await manager.find(OperationFindingEntity, { select: { operationId: true, caseNo: true }, where: { operationId: In(ids) } });
  const seriesIds = [...new Set(ops.map((o) => o.seriesId).filter((s): s is number => s !== null))];
  const series = byId(seriesIds.length ? await manager.findBy(OperationSeriesEntity, { id: In(seriesIds) }) : [], (s) => s.id);
  return ops.map((op) => {
    const own = findings.filter((f) => f.operationId === op.id);
    return {
      ref: op.ref,
      title: op.title,
      target: op.target,
      status: op.status,
      leadDepartment: op.leadDepartment,
      departments: participants.filter((p) => p.operationId === op.id).map((p) => p.departmentCode),
      startsAt: op.startsAt.toISOString(),
      endsAt: op.endsAt.toISOString(),
      seriesRef: op.seriesId === null ? null : (series.get(op.seriesId)?.ref ?? null),
      majorEvent: Boolean(op.majorEvent),
      findings: own.length,
      casesFiled: own.filter((f) => f.caseNo !== null).length,
    };
  });
}

/** A person's display name by username; a username nobody holds any more names itself. */
export type NameOf = (username: string) => string;

/** The display names of a view's people, in one query. */
async function displayNamesOf(manager: EntityManager, usernames: readonly (string | null | undefined)[]): Promise<NameOf> {
  const wanted = [...new Set(usernames.filter((u): u is string => !!u))];
  const users = wanted.length ? await manager.find(UserEntity, { select: { username: true, displayName: true }, where: { username: In(wanted) } }) : [];
  const names = new Map(users.map((u) => [u.username, u.displayName]));
  return (username) => names.get(username) ?? username;
}

const nameOrNull = (nameOf: NameOf, username: string | null) => (username === null ? null : nameOf(username));

/** The rows one operation's board and report are built from, with the display names of everyone in them. */
async function recordsOf(manager: EntityManager, op: JointOperation, { withEvents }: { withEvents: boolean }) {
  const participants = await manager.find(OperationParticipantEntity, { where: { operationId: op.id }, order: { id: 'ASC' } });
  const findings = await manager.find(OperationFindingEntity, { where: { operationId: op.id }, order: { id: 'ASC' } });
  const events = withEvents ? await manager.find(OperationEventEntity, { where: { operationId: op.id }, order: { id: 'ASC' } }) : [];
  const nameOf = await displayNamesOf(manager, [op.createdBy, op.approvedBy, op.writtenBy, ...participants.map((p) => p.confirmedBy), ...findings.map((f) => f.recordedBy), ...events.map((e) => e.actor)]);
  const findingRows = await findingViews(manager, findings, nameOf);
  return { participants: await participantViews(manager, participants, findingRows, nameOf), findings: findingRows, events: events.map((e) => eventView(e, nameOf)), nameOf };
}

/** Everything the live board and the detail page show about one operation. */
export async function detailOf(manager: EntityManager, op: JointOperation): Promise<OperationDetail> {
  const [summary] = await summariesOf(manager, [op]);
  const grids = await manager.find(OperationGridEntity, { where: { operationId: op.id }, order: { gridCode: 'ASC' } });
  const { participants, findings, events, nameOf } = await recordsOf(manager, op, { withEvents: true });
  const plan: OperationPlanInput = {
    title: op.title,
    target: op.target,
    targetCategoryCode: op.targetCategoryCode,
    gridCodes: grids.map((g) => g.gridCode),
    schedule: { startsAt: beijingLocal(op.startsAt), endsAt: beijingLocal(op.endsAt), recurrence: { kind: 'once' } },
    leadDepartment: op.leadDepartment,
    participants: participants.map((p) => ({ departmentCode: p.departmentCode, tasks: p.tasks })),
    confirmBy: beijingLocal(op.confirmBy),
    briefing: { at: beijingLocal(op.briefingAt), place: op.briefingPlace },
    majorEvent: Boolean(op.majorEvent),
  };
  return {
    ...summary!,
    plan,
    participants,
    findings,
    events,
    returnReason: op.returnReason,
    createdBy: op.createdBy,
    createdByName: nameOf(op.createdBy),
    approvedBy: op.approvedBy,
    approvedByName: nameOrNull(nameOf, op.approvedBy),
    counts: countsOf(findings),
  };
}

/** The wrap-up report, generated from the records now: counts, participants, findings with photos, cases with their live status. */
export async function reportOf(manager: EntityManager, op: JointOperation): Promise<OperationReport> {
  const [operation] = await summariesOf(manager, [op]);
  const { participants, findings, nameOf } = await recordsOf(manager, op, { withEvents: false });
  return { operation: operation!, summaryText: op.summaryText, writtenBy: op.writtenBy, writtenByName: nameOrNull(nameOf, op.writtenBy), counts: countsOf(findings), participants, findings, generatedAt: new Date().toISOString() };
}

/** Findings per department and measure ('none' for a finding without one). */
export function countsOf(findings: readonly Pick<FindingView, 'departmentCode' | 'measure'>[]): OperationDetail['counts'] {
  const counts = new Map<string, { departmentCode: string; measure: MeasureKind | 'none'; count: number }>();
  for (const f of findings) {
    const measure = f.measure ?? 'none';
    const key = `${f.departmentCode}|${measure}`;
    const row = counts.get(key) ?? { departmentCode: f.departmentCode, measure, count: 0 };
    row.count++;
    counts.set(key, row);
  }
  return [...counts.values()].sort((a, b) => a.departmentCode.localeCompare(b.departmentCode) || a.measure.localeCompare(b.measure));
}

/** Participants with their department's name, who confirmed, and their number of findings. */
async function participantViews(manager: EntityManager, participants: readonly OperationParticipant[], findings: readonly Pick<FindingView, 'departmentCode'>[], nameOf: NameOf): Promise<ParticipantView[]> {
  const names = byId(await manager.find(DepartmentEntity), (d) => d.code);
  return participants.map((p) => ({
    departmentCode: p.departmentCode,
    tasks: p.tasks,
    departmentName: names.get(p.departmentCode)?.nameZh ?? p.departmentCode,
    status: p.status,
    people: p.people,
    vehicles: p.vehicles,
    confirmedBy: p.confirmedBy,
    confirmedByName: nameOrNull(nameOf, p.confirmedBy),
    confirmedAt: iso(p.confirmedAt),
    executing: Boolean(p.executing),
    findings: findings.filter((f) => f.departmentCode === p.departmentCode).length,
  }));
}

/** Findings with their shop's name, photos, who recorded them and the live status of the case filed from them. */
export async function findingViews(manager: EntityManager, findings: readonly OperationFinding[], names?: NameOf): Promise<FindingView[]> {
  if (findings.length === 0) return [];
  const nameOf = names ?? (await displayNamesOf(manager, findings.map((f) => f.recordedBy)));
  const shopIds = [...new Set(findings.map((f) => f.shopId).filter((id): id is number => id !== null))];
  const shops = byId(shopIds.length ? await manager.find(ShopEntity, { select: { id: true, name: true }, where: { id: In(shopIds) } }) : [], (s) => s.id);
  const caseIds = [...new Set(findings.map((f) => f.caseId).filter((id): id is number => id !== null))];
  const cases = byId(caseIds.length ? await manager.find(CaseFileEntity, { select: { id: true, status: true }, where: { id: In(caseIds) } }) : [], (c) => c.id);
  const photos = await manager.find(FindingPhotoEntity, { select: { id: true, findingId: true }, where: { findingId: In(findings.map((f) => f.id)) }, order: { id: 'ASC' } });
  return findings.map((f) => ({
    id: f.id,
    departmentCode: f.departmentCode,
    description: f.description,
    lng: f.lng,
    lat: f.lat,
    gridCode: f.gridCode,
    shopId: f.shopId,
    shopName: f.shopId === null ? null : (shops.get(f.shopId)?.name ?? null),
    measure: f.measure,
    firstViolationNoPenalty: Boolean(f.firstViolationNoPenalty),
    fineYuan: f.fineYuan,
    correctBy: iso(f.correctBy),
    seizedItems: f.seizedItems,
    documentNo: f.documentNo,
    photoIds: photos.filter((p) => p.findingId === f.id).map((p) => p.id),
    caseNo: f.caseNo,
    caseStatus: f.caseId === null ? null : (cases.get(f.caseId)?.status ?? null),
    recordedBy: f.recordedBy,
    recordedByName: nameOf(f.recordedBy),
    recordedAt: f.recordedAt.toISOString(),
    violationType: f.violationType,
    severity: f.severity,
    correctedOnSpot: Boolean(f.correctedOnSpot),
    followUpStatus: f.followUpStatus,
    followUpNote: f.followUpNote,
  }));
}

/** A timeline line with its actor's display name. */
function eventView(e: OperationEvent, nameOf: NameOf): OperationEventView {
  return {
    at: e.at.toISOString(),
    type: e.type,
    actor: e.actor,
    actorName: nameOrNull(nameOf, e.actor),
    departmentCode: e.departmentCode,
    detail: e.data ? (JSON.parse(e.data) as Record<string, unknown>) : null,
  };
}
