import { syncMigrationLimit, type MigrationExecuteResult, type MigrationInstanceView, type MigrationPlanView } from '../../contracts/process-versions.js';
import type { ActivityInstanceTree, EngineClient, MigrationPlan } from '../../engine/index.js';
import { auditedEngineCall } from '../audit/index.js';
import type { CurrentUser } from '../auth/index.js';
import { MigrationRefusedError, NotAProcessError } from './errors.js';
import type { LiveDeps } from './live.service.js';
import { findDefinition } from './versions.service.js';

/** How many activity instance trees are read from the engine at once while planning. */
const treeReads = 8;

/** A validated plan: the instructions the engine accepts, and every running instance of the source with its verdict. */
interface CheckedPlan {
  view: MigrationPlanView;
  /** The engine plan of the valid instructions only, as executed. */
  plan: MigrationPlan;
}

/**
 * Plans a migration from one version to another of the same process: the engine generates instructions for the
 * activities both versions share, validates them, and each running instance of the source is movable only when every
 * activity it is at has a valid instruction. Instances at an activity the target lacks are reported with the reason.
 */
export async function planMigration(engine: EngineClient, sourceDefinitionId: string, targetDefinitionId: string): Promise<MigrationPlanView> {
  return (await checkPlan(engine, sourceDefinitionId, targetDefinitionId)).view;
}

/**
 * Migrates the movable instances (all, or those asked for): up to syncMigrationLimit at once in one engine transaction,
 * more as an engine batch. Instances that cannot move are skipped with their reasons and stay on the source. Audited
 * as designer.migration.execute on the source definition.
 */
export async function executeMigration(deps: LiveDeps, user: CurrentUser, input: { sourceDefinitionId: string; targetDefinitionId: string; processInstanceIds?: string[] }): Promise<MigrationExecuteResult> {
  const { view, plan } = await checkPlan(deps.engine, input.sourceDefinitionId, input.targetDefinitionId);
  const known = new Map(view.instances.map((instance) => [instance.id, instance]));
  const unknown = (input.processInstanceIds ?? []).filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new MigrationRefusedError(`这些实例不是源版本上运行中的实例：${unknown.join('、')}`, { sourceDefinitionId: input.sourceDefinitionId, targetDefinitionId: input.targetDefinitionId, processInstanceIds: unknown });
  }
  const chosen = input.processInstanceIds ? input.processInstanceIds.map((id) => known.get(id)!) : view.instances;
  const movable = chosen.filter((instance) => instance.movable).map((instance) => instance.id);
  const skipped = chosen.filter((instance) => !instance.movable).map(({ id, reasons }) => ({ id, reasons }));
  const mode = movable.length > syncMigrationLimit ? 'batch' : 'sync';
  if (movable.length === 0) return { mode, migrated: 0, skipped };

  const entry = {
    actor: user.username,
    action: 'designer.migration.execute',
    targetType: 'process-definition',
    targetId: input.sourceDefinitionId,
    before: { sourceDefinitionId: input.sourceDefinitionId, processInstanceIds: movable },
    after: { targetDefinitionId: input.targetDefinitionId, mode, instructions: plan.instructions, skipped: skipped.map((s) => s.id) },
    evidence: 'instances-migrated',
  };
  if (mode === 'sync') {
    await auditedEngineCall(deps, entry, () => deps.engine.executeMigration(plan, movable));
    return { mode, migrated: movable.length, skipped };
  }
  const batch = await auditedEngineCall(deps, entry, () => deps.engine.executeMigrationBatch(plan, movable));
  return { mode, migrated: movable.length, batchId: batch.id, skipped };
}

async function checkPlan(engine: EngineClient, sourceDefinitionId: string, targetDefinitionId: string): Promise<CheckedPlan> {
  const ids = { sourceDefinitionId, targetDefinitionId };
  const [source, target] = await Promise.all([findDefinition(engine, sourceDefinitionId), findDefinition(engine, targetDefinitionId)]);
  for (const side of [source, target]) if (side.kind !== 'bpmn') throw new NotAProcessError(`${side.definition.id} 是决策表，只有 BPMN 流程的实例可以迁移`, { id: side.definition.id });
  if (sourceDefinitionId === targetDefinitionId) throw new MigrationRefusedError('源版本和目标版本相同，无需迁移', ids);
  if (source.definition.key !== target.definition.key) {
    throw new MigrationRefusedError(`只能在同一流程的版本之间迁移（${source.definition.key} ≠ ${target.definition.key}）`, ids);
  }

  const generated = await engine.generateMigrationPlan(sourceDefinitionId, targetDefinitionId);
  const report = generated.instructions.length > 0 ? await engine.validateMigrationPlan(generated) : { instructionReports: [] };
  const failuresOf = (instruction: MigrationPlan['instructions'][number]) =>
    report.instructionReports.find((r) => sameActivities(r.instruction.sourceActivityIds, instruction.sourceActivityIds))?.failures ?? [];
  const instructions = generated.instructions.map((instruction) => ({ sourceActivityIds: instruction.sourceActivityIds, targetActivityIds: instruction.targetActivityIds, failures: failuresOf(instruction) }));
  const valid = generated.instructions.filter((instruction) => failuresOf(instruction).length === 0);
  const mapped = new Set(valid.flatMap((instruction) => instruction.sourceActivityIds));
  const failed = new Map(instructions.filter((i) => i.failures.length > 0).flatMap((i) => i.sourceActivityIds.map((id) => [id, i.failures] as const)));

  const running = await engine.definitionInstances(sourceDefinitionId);
  const instances = await mapLimited(running, treeReads, async (instance): Promise<MigrationInstanceView> => {
    const activities = activitiesOf(await engine.activityInstanceTree(instance.id));
    const reasons = activities.filter(({ id }) => !mapped.has(id)).map(({ id, name }) => reasonFor(id, name, failed.get(id)));
    return { id: instance.id, ...(instance.businessKey ? { businessKey: instance.businessKey } : {}), activityIds: unique(activities.map((a) => a.id)), movable: reasons.length === 0, reasons: unique(reasons) };
  });
  const movable = instances.filter((instance) => instance.movable).length;
  return {
    view: { sourceDefinitionId, targetDefinitionId, instructions: instructions.map(({ failures, ...rest }) => (failures.length > 0 ? { ...rest, failures } : rest)), instances, movable, blocked: instances.length - movable },
    plan: { sourceProcessDefinitionId: sourceDefinitionId, targetProcessDefinitionId: targetDefinitionId, instructions: valid },
  };
}

function reasonFor(activityId: string, name: string | null, failures: readonly string[] | undefined): string {
  const label = name ? `「${name}」(${activityId})` : activityId;
  if (failures) return `活动 ${label} 的迁移指令无效：${failures.join('；')}`;
  return `活动 ${label} 在目标版本中没有对应的活动`;
}

/** Every activity an instance is at: each activity and transition instance of its tree, below the process itself. */
function activitiesOf(tree: ActivityInstanceTree): Array<{ id: string; name: string | null }> {
  const found: Array<{ id: string; name: string | null }> = [];
  const visit = (node: ActivityInstanceTree) => {
    for (const child of node.childActivityInstances) {
      found.push({ id: child.activityId, name: child.activityName ?? null });
      visit(child);
    }
    for (const transition of node.childTransitionInstances) found.push({ id: transition.activityId, name: transition.activityName ?? null });
  };
  visit(tree);
  return found;
}

function sameActivities(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, index) => id === b[index]);
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!);
    }
  });
  await Promise.all(lanes);
  return results;
}
