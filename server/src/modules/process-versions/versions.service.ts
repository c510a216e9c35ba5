import { In, type EntityManager } from 'typeorm';
import { designerDeploymentPrefix as designerNamePrefix, designerDeploymentSource } from '../../contracts/designer.js';
import type { DefinitionKind, DefinitionVersion, DefinitionXml, ProcessKeySummary, VersionSource } from '../../contracts/process-versions.js';
import type { DecisionDefinition, DefinitionStatistics, Deployment, EngineClient, ProcessDefinition } from '../../engine/index.js';
import { NotFoundError } from '../../errors/index.js';
import { UserEntity } from '../users/index.js';


/** Who deployed a deployment and from where, read from its name (designer:<username>) and source. */
export function deploymentOrigin(deployment: Pick<Deployment, 'name' | 'source'>): { source: VersionSource; deployedBy: string } {
  const name = deployment.name ?? '';
  if (deployment.source === designerDeploymentSource || name.startsWith(designerNamePrefix)) {
    return { source: 'designer', deployedBy: name.startsWith(designerNamePrefix) ? name.slice(designerNamePrefix.length) : 'unknown' };
  }
  return { source: 'file', deployedBy: 'system' };
}

/** Every process and decision key with its newest version, running instances and incidents, by key. */
export async function listProcessKeys(engine: EngineClient): Promise<ProcessKeySummary[]> {
  const [processes, decisions, statistics] = await Promise.all([engine.allProcessDefinitions(), engine.allDecisionDefinitions(), engine.processDefinitionStatistics()]);
  const stats = new Map(statistics.map((row) => [row.id, row]));
  const summaries = new Map<string, ProcessKeySummary>();
  const add = (definition: ProcessDefinition | DecisionDefinition, kind: DefinitionKind) => {
    const row = kind === 'bpmn' ? stats.get(definition.id) : undefined;
    const summary = summaries.get(`${kind}:${definition.key}`) ?? { key: definition.key, name: null, kind, latestVersion: 0, versions: 0, runningInstances: 0, incidents: 0 };
    summary.versions++;
    summary.runningInstances += row?.instances ?? 0;
    summary.incidents += incidentCount(row);
    if (definition.version > summary.latestVersion) Object.assign(summary, { latestVersion: definition.version, name: definition.name });
    summaries.set(`${kind}:${definition.key}`, summary);
  };
  processes.forEach((definition) => add(definition, 'bpmn'));
  decisions.forEach((definition) => add(definition, 'dmn'));
  return [...summaries.values()].sort((a, b) => a.kind.localeCompare(b.kind) || a.key.localeCompare(b.key));
}

/** Every version of a process or decision key, newest first, with who deployed it, when and from where. */
export async function listVersions(engine: EngineClient, manager: EntityManager, key: string): Promise<DefinitionVersion[]> {
  const [processes, decisions] = await Promise.all([engine.allProcessDefinitions(key), engine.allDecisionDefinitions(key)]);
  if (processes.length === 0 && decisions.length === 0) throw new NotFoundError(`没有流程或决策的标识为 ${key}`, { resource: 'process-key', id: key });
  const statistics = processes.length > 0 ? await engine.processDefinitionStatistics() : [];
  const stats = new Map(statistics.map((row) => [row.id, row]));
  const definitions = [...processes.map((d) => ({ definition: d, kind: 'bpmn' as const })), ...decisions.map((d) => ({ definition: d, kind: 'dmn' as const }))];
  const deployments = await deploymentsById(engine, definitions.map(({ definition }) => definition.deploymentId));
  const origins = new Map([...deployments.values()].map((deployment) => [deployment.id, deploymentOrigin(deployment)]));
  const names = await displayNames(manager, [...origins.values()].map((origin) => origin.deployedBy));
  return definitions
    .map(({ definition, kind }): DefinitionVersion => {
      const origin = origins.get(definition.deploymentId) ?? { source: 'file', deployedBy: 'system' };
      const row = stats.get(definition.id);
      return {
        id: definition.id,
        key: definition.key,
        version: definition.version,
        name: definition.name,
        kind,
        deploymentId: definition.deploymentId,
        deployedAt: new Date(deployments.get(definition.deploymentId)?.deploymentTime ?? 0).toISOString(),
        source: origin.source,
        deployedBy: origin.deployedBy,
        deployedByName: names.get(origin.deployedBy) ?? origin.deployedBy,
        runningInstances: row?.instances ?? 0,
        incidents: incidentCount(row),
      };
    })
    .sort((a, b) => b.version - a.version || a.kind.localeCompare(b.kind));
}

/** A deployed process or decision definition by id, whichever it is; NotFound when it is neither. */
export async function findDefinition(engine: EngineClient, id: string): Promise<{ definition: ProcessDefinition | DecisionDefinition; kind: DefinitionKind }> {
  const [process, decision] = await Promise.all([engine.processDefinition(id).catch(notFoundAsUndefined), engine.decisionDefinition(id).catch(notFoundAsUndefined)]);
  if (process) return { definition: process, kind: 'bpmn' };
  if (decision) return { definition: decision, kind: 'dmn' };
  throw new NotFoundError(`没有标识为 ${id} 的流程版本`, { resource: 'definition', id });
}

/** The XML of a deployed process or decision definition. */
export async function definitionXml(engine: EngineClient, id: string): Promise<DefinitionXml> {
  const { definition, kind } = await findDefinition(engine, id);
  const xml = kind === 'bpmn' ? await engine.processDefinitionXml(id) : await engine.decisionDefinitionXml(id);
  return { id, key: definition.key, version: definition.version, kind, xml };
}

function incidentCount(row: DefinitionStatistics | undefined): number {
  return (row?.incidents ?? []).reduce((sum, incident) => sum + incident.incidentCount, 0);
}

async function deploymentsById(engine: EngineClient, ids: string[]): Promise<Map<string, Deployment>> {
  const unique = [...new Set(ids)];
  const rows = await Promise.all(unique.map((id) => engine.deployment(id).catch(notFoundAsUndefined)));
  return new Map(rows.filter((row): row is Deployment => row !== undefined).map((row) => [row.id, row]));
}

async function displayNames(manager: EntityManager, usernames: string[]): Promise<Map<string, string>> {
  const people = usernames.filter((name) => name !== 'system');
  const names = new Map<string, string>([['system', '系统']]);
  if (people.length === 0) return names;
  const users = await manager.find(UserEntity, { where: { username: In([...new Set(people)]) }, select: { username: true, displayName: true } });
  for (const user of users) names.set(user.username, user.displayName);
  return names;
}

function notFoundAsUndefined(error: unknown): undefined {
  if (error instanceof NotFoundError || (error instanceof Error && 'code' in error && error.code === 'NOT_FOUND')) return undefined;
  throw error;
}
