import { In, type EntityManager } from 'typeorm';
import type { MeasureKind } from '../../contracts/joint-operations.js';
import { UnitGridEntity } from '../grids/index.js';
import { recordShopMeasure, ShopEntity, ShopViolationEntity } from '../shops/index.js';
import { issueDocument } from './documents.js';
import { OperationFindingEntity, type OperationFinding } from './finding.entity.js';
import { JointOperationEntity } from './operation.entity.js';
import { recordOperationEvent } from './operation-events.js';
import { openOperation } from './open-operation.js';
import { OperationParticipantEntity } from './participant.entity.js';
import { beijingLocal, beijingWeekday, parseBeijingTime } from './schedule.js';

/** The title of the demo's finished operation; seeding is skipped when an operation of that title exists. */
export const demoOperationTitle = '柳塘农贸市场周边占道经营联合整治';

const minute = 60_000;
const dayMs = 24 * 60 * minute;

const crew: Array<{ departmentCode: string; tasks: string; people: number; vehicles: number; liaison: string }> = [
  { departmentCode: 'urban-management', tasks: '清理占道摊点，依法暂扣经营工具，责令店外经营商户改正', people: 12, vehicles: 3, liaison: 'chengguan' },
  { departmentCode: 'commerce', tasks: '核查经营执照，劝离无照游商，登记商户违法', people: 4, vehicles: 1, liaison: 'shichang' },
  { departmentCode: 'public-security', tasks: '维护现场秩序，核查身份，保障执法人员安全', people: 6, vehicles: 2, liaison: 'gongan' },
  { departmentCode: 'sanitation', tasks: '行动后清扫保洁，清运遗留垃圾', people: 8, vehicles: 2, liaison: 'huanwei' },
];

/**
 * Seeds, once, an operation that ran last week's Friday 08:30–11:30 around a market: approved, confirmed, executed by
 * four departments with findings (一家商户首违不罚责令改正 and its 回头看, a seizure, advice), documents, the wrap-up and
 * the report. It has no process instance: it is history. Measures against shops go through the shops service.
 */
export async function seedDemoOperation(manager: EntityManager, now = new Date()): Promise<number> {
  if (await manager.existsBy(JointOperationEntity, { title: demoOperationTitle })) return 0;
  const grids = await manager.find(UnitGridEntity, { where: { gridType: 'market' as never }, order: { code: 'ASC' }, take: 2 });
  if (grids.length === 0) return 0;
  const startsAt = lastWeeksFriday(now);
  const at = (offsetMinutes: number) => new Date(startsAt.getTime() + offsetMinutes * minute);
  const op = await openOperation(
    manager,
    {
      title: demoOperationTitle,
      target: '占道经营',
      targetCategoryCode: 'E0501',
      gridCodes: grids.map((g) => g.code),
      schedule: { startsAt: beijingLocal(startsAt), endsAt: beijingLocal(at(180)), recurrence: { kind: 'once' } },
      leadDepartment: 'urban-management',
      participants: crew.map(({ departmentCode, tasks }) => ({ departmentCode, tasks })),
      confirmBy: beijingLocal(at(-15 * 60 - 30)),
      briefing: { at: beijingLocal(at(-30)), place: '柳塘农贸市场管理办公室' },
      majorEvent: false,
    },
    { createdBy: 'xietiao', at: at(-3 * 24 * 60) },
  );
  const event = (type: string, offset: number, actor: string, departmentCode: string | null = null, data: Record<string, unknown> | null = null) =>
    recordOperationEvent(manager, { operationId: op.id, type, actor, departmentCode, at: at(offset), data });
  await event('approved', -2 * 24 * 60, 'zhihui', null, { comment: '同意，注意执法规范' });
  for (const [i, c] of crew.entries()) {
    await manager.update(OperationParticipantEntity, { operationId: op.id, departmentCode: c.departmentCode }, { status: 'confirmed', people: c.people, vehicles: c.vehicles, confirmedBy: c.liaison, confirmedAt: at(-24 * 60 + i * 20), doneAt: at(170 + i * 5) });
    await event('confirmed', -24 * 60 + i * 20, c.liaison, c.departmentCode, { people: c.people, vehicles: c.vehicles });
  }
  await event('briefing-announced', -20 * 60, 'system', null, { at: at(-30).toISOString(), place: '柳塘农贸市场管理办公室' });
  await event('started', 0, 'system');

  const [grid] = grids;
  const centre = { lng: (grid!.minLng + grid!.maxLng) / 2, lat: (grid!.minLat + grid!.maxLat) / 2 };
  const shop = await shopWithoutHistory(manager, grids.map((g) => g.code));
  const findings: Array<Partial<OperationFinding> & { offset: number; measure: MeasureKind }> = [
    ...(shop ? [{ offset: 25, departmentCode: 'urban-management', description: `${shop.name}店外摆放货架占用人行道，当场搬回`, lng: shop.lng, lat: shop.lat, gridCode: shop.gridCode, shopId: shop.id, violationType: 'outside-store', measure: 'order-to-correct' as const, firstViolationNoPenalty: true, correctBy: new Date(startsAt.getTime() + 3 * dayMs), recordedBy: 'chengguan', followUpStatus: 'corrected' as const, followUpBy: 'chengguan', followUpAt: at(5 * 24 * 60), followUpNote: '回头看：门前已无货架，整洁有序' }] : []),
    { offset: 50, departmentCode: 'urban-management', description: '市场东门流动摊贩占道经营，拒不撤离', ...centre, gridCode: grid!.code, violationType: 'street-vending', severity: 'serious', correctedOnSpot: false, measure: 'seizure', seizedItems: '三轮车 1 辆、电子秤 1 台', recordedBy: 'chengguan' },
    { offset: 70, departmentCode: 'commerce', description: '无照流动水果摊，经劝导自行离开', ...centre, gridCode: grid!.code, measure: 'advice', recordedBy: 'shichang' },
    { offset: 95, departmentCode: 'public-security', description: '市场西侧路口车辆乱停放影响通行，已劝离', ...centre, gridCode: grid!.code, measure: 'advice', recordedBy: 'gongan' },
  ];
  for (const { offset, ...fields } of findings) {
    const { identifiers } = await manager.insert(OperationFindingEntity, { operationId: op.id, lng: centre.lng, lat: centre.lat, gridCode: null, shopId: null, violationType: null, severity: 'minor', correctedOnSpot: true, firstViolationNoPenalty: false, fineYuan: null, correctBy: null, seizedItems: null, documentNo: null, shopViolationId: null, caseId: null, caseNo: null, followUpStatus: null, followUpBy: null, followUpAt: null, followUpNote: null, recordedAt: at(offset), ...fields } as Omit<OperationFinding, 'id'>);
    const id = Number(identifiers[0]!.id);
    if (fields.shopId && fields.measure) {
      const { violationId } = await recordShopMeasure(manager, { shopId: fields.shopId, agency: fields.departmentCode!, violationType: fields.violationType!, measure: fields.measure, firstViolationNoPenalty: fields.firstViolationNoPenalty ?? false, correctBy: fields.correctBy ?? null, note: fields.description ?? null, at: at(offset), actor: fields.recordedBy!, sourceKey: `joint-finding:${id}`, operationRef: op.ref });
      await manager.update(OperationFindingEntity, { id }, { shopViolationId: violationId });
    }
    if (fields.measure === 'order-to-correct') await manager.update(OperationFindingEntity, { id }, { documentNo: await issueDocument(manager, { kind: 'order-to-correct', operationId: op.id, findingId: id, departmentCode: fields.departmentCode!, issuedAt: at(175) }) });
    await event('finding-recorded', offset, fields.recordedBy!, fields.departmentCode!, { findingId: id, measure: fields.measure, firstViolationNoPenalty: fields.firstViolationNoPenalty ?? false, shopId: fields.shopId ?? null, caseNo: null });
  }
  for (const [i, c] of crew.entries()) await event('department-done', 170 + i * 5, c.liaison, c.departmentCode);
  await event('crew-dispatched', 186, 'worker:sanitation', 'sanitation');
  await event('execution-ended', 190, 'system');
  const summaryText = `本次行动出动 ${crew.reduce((n, c) => n + c.people, 0)} 人、车辆 ${crew.reduce((n, c) => n + c.vehicles, 0)} 辆，清理占道摊点 9 处，暂扣经营工具 1 批，劝离无照游商 3 户；对 1 家店外经营商户适用首违不罚、责令改正，回头看已改正。`;
  await event('report-generated', 240, 'chengguan', null, { findings: findings.length });
  if (shop) await event('followed-up', 5 * 24 * 60, 'chengguan', 'urban-management', { corrected: true });
  await event('finished', 5 * 24 * 60 + 1, 'system');
  await manager.update(JointOperationEntity, { id: op.id }, { status: 'finished', approvedBy: 'zhihui', summaryText, writtenBy: 'chengguan', reportAt: at(240), updatedAt: at(5 * 24 * 60 + 1) });
  return 1;
}

/** 08:30 Beijing on the Friday of last week. */
function lastWeeksFriday(now: Date): Date {
  const today = parseBeijingTime(`${beijingLocal(now).slice(0, 10)}T08:30`)!;
  const back = ((beijingWeekday(today) - 5 + 7) % 7) + 7;
  return new Date(today.getTime() - back * dayMs);
}

/** A shop of the area with nothing in its file yet, so that the demo's 首违不罚 is a true first violation. */
async function shopWithoutHistory(manager: EntityManager, gridCodes: string[]) {
  const shops = await manager.find(ShopEntity, { where: { gridCode: In(gridCodes) }, order: { id: 'ASC' } });
  for (const shop of shops) if (!(await manager.existsBy(ShopViolationEntity, { shopId: shop.id }))) return shop;
  return undefined;
}
