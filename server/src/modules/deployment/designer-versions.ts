import type { ResourceDeployment } from '../../contracts/health.js';
import { designerDeploymentPrefix, designerDeploymentSource, fileDeploymentSource } from '../../contracts/designer.js';
import type { Deployment, DeploymentResource, EngineClient } from '../../engine/index.js';

/**
 * The start-up rule: start-up never replaces a newer designer version. When the newest version of a definition in a
 * file of processes/ came from a designer deployment (so after the last file deployment of it), the file is not
 * deployed: it is `held` when it changed on disk since that file deployment, and `unchanged` when it did not (or
 * equals the designer's version). Every other file goes to the engine as before.
 */
export async function designerHolds(engine: EngineClient, resources: DeploymentResource[]): Promise<Map<string, ResourceDeployment>> {
  const guard = new DesignerGuard(engine);
  const holds = new Map<string, ResourceDeployment>();
  for (const resource of resources) {
    const verdict = await guard.verdict(resource.name, typeof resource.content === 'string' ? resource.content : resource.content.toString('utf8'));
    if (verdict) holds.set(resource.name, { file: resource.name, ...verdict });
  }
  return holds;
}

type Verdict = Pick<ResourceDeployment, 'status' | 'message'> | undefined;

/** One version of a definition as the rule compares it. */
interface Version {
  id: string;
  key: string;
  version: number;
  deploymentId: string;
}

class DesignerGuard {
  private readonly deployments = new Map<string, Promise<Deployment>>();

  constructor(private readonly engine: EngineClient) {}

  async verdict(file: string, content: string): Promise<Verdict> {
    if (file.endsWith('.bpmn')) return this.definitionsVerdict(content, 'bpmn', keysOf(content, 'process'));
    if (file.endsWith('.dmn')) return this.definitionsVerdict(content, 'dmn', keysOf(content, 'decision'));
    return this.formVerdict(file, content);
  }

  private async definitionsVerdict(content: string, kind: 'bpmn' | 'dmn', keys: string[]): Promise<Verdict> {
    for (const key of keys) {
      const versions: Version[] = kind === 'bpmn' ? await this.engine.processDefinitions(key) : await this.engine.allDecisionDefinitions(key);
      const newest = versions[0];
      if (!newest) continue;
      const deployment = await this.deployment(newest.deploymentId);
      if (deployment.source !== designerDeploymentSource) continue;
      // The designer's version is the newest: the file is never deployed over it, only reported.
      if ((await this.xmlOf(kind, newest.id)) === content) return { status: 'unchanged' };
      const lastFileVersion = await this.newestFileVersion(versions);
      if (lastFileVersion && (await this.xmlOf(kind, lastFileVersion.id)) === content) return { status: 'unchanged' };
      return { status: 'held', message: heldMessage(`${key} v${newest.version}`, deployment) };
    }
    return undefined;
  }

  /** Forms have no definitions in the REST API: the rule compares the resource of the same name instead. */
  private async formVerdict(file: string, content: string): Promise<Verdict> {
    const designer = await this.newestWithResource(await this.engine.deploymentsOfSource(designerDeploymentSource), file);
    if (!designer) return undefined;
    if (sameForm(designer.text, content)) return { status: 'unchanged' };
    const fromFile = await this.newestWithResource(await this.engine.deploymentsOfSource(fileDeploymentSource), file);
    // A file deployment after the designer's: the usual rule applies.
    if (fromFile && Date.parse(fromFile.deployment.deploymentTime) > Date.parse(designer.deployment.deploymentTime)) return undefined;
    if (fromFile && sameForm(fromFile.text, content)) return { status: 'unchanged' };
    return { status: 'held', message: heldMessage(file, designer.deployment) };
  }

  /** The newest of the deployments (newest first) holding a resource of that name. */
  private async newestWithResource(deployments: Deployment[], file: string): Promise<{ deployment: Deployment; text: string } | undefined> {
    for (const deployment of deployments) {
      const text = await this.engine.deploymentResourceText(deployment.id, file);
      if (text !== undefined) return { deployment, text };
    }
    return undefined;
  }

  private async newestFileVersion(versions: Version[]): Promise<Version | undefined> {
    for (const version of versions) if ((await this.deployment(version.deploymentId)).source !== designerDeploymentSource) return version;
    return undefined;
  }

  private deployment(id: string): Promise<Deployment> {
    let found = this.deployments.get(id);
    if (!found) this.deployments.set(id, (found = this.engine.deployment(id)));
    return found;
  }

  private xmlOf(kind: 'bpmn' | 'dmn', id: string): Promise<string> {
    return kind === 'bpmn' ? this.engine.processDefinitionXml(id) : this.engine.decisionDefinitionXml(id);
  }
}

/** The ids of the processes or decisions a model defines (the engine's definition keys). */
export function keysOf(xml: string, element: 'process' | 'decision'): string[] {
  // `decision\b` does not match decisionTable; attributes may come in any order.
  const pattern = new RegExp(`<(?:[\\w-]+:)?${element}\\b[^>]*?\\sid="([^"]+)"`, 'g');
  return [...new Set([...xml.matchAll(pattern)].map((m) => m[1]!))];
}

function sameForm(a: string, b: string): boolean {
  try {
    return JSON.stringify(JSON.parse(a)) === JSON.stringify(JSON.parse(b));
  } catch {
    return a === b;
  }
}

function heldMessage(version: string, deployment: Deployment): string {
  const designer = deployment.name?.startsWith(designerDeploymentPrefix) ? deployment.name.slice(designerDeploymentPrefix.length) : (deployment.name ?? '?');
  const at = new Date(deployment.deploymentTime).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
  return `文件已修改，但设计员 ${designer} 于 ${at} 部署了更新的版本 ${version}；启动时不覆盖设计员的版本。如需采用此文件，请在设计器中打开它并部署。`;
}
