import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import type { ResourceDeployment } from '../../contracts/health.js';
import { DeploymentParseError } from '../../errors/index.js';
import type { DeploymentResource, EngineClient } from '../../engine/index.js';
import { parseFailureOf } from './parse-report.js';

/** File kinds the engine deploys from processes/. */
export const deployableExtensions = ['.bpmn', '.dmn', '.form'] as const;

/** Name under which Lianqin's resources are deployed; the engine compares changes within it. */
export const deploymentName = 'lianqin';

/** The outcome of deploying processes/: one entry per file. */
export interface DeploymentReport {
  at: string;
  resources: ResourceDeployment[];
}

/** Reads every deployable file of a folder, sorted by name. */
export async function readProcessResources(dir: string): Promise<DeploymentResource[]> {
  const names = (await readdir(dir)).filter((n) => deployableExtensions.some((ext) => n.endsWith(ext))).sort();
  return Promise.all(names.map(async (name) => ({ name, content: await readFile(path.join(dir, name)) })));
}

/**
 * Deploys the resources together, creating new versions only of changed files.
 * When the engine refuses the batch, each file is deployed alone so that the good ones still go live
 * and every bad one is reported with the engine's message and line.
 */
export async function deployResources(
  engine: EngineClient,
  resources: DeploymentResource[],
  { name = deploymentName, logger }: { name?: string; logger?: Logger } = {},
): Promise<DeploymentReport> {
  const at = new Date().toISOString();
  if (resources.length === 0) return { at, resources: [] };
  const before = await engine.latestDeploymentId(name);
  try {
    return { at, resources: await deployChanged(engine, name, resources, before) };
  } catch (error) {
    if (!(error instanceof DeploymentParseError)) throw error;
    logger?.warn('deployment of processes/ refused; deploying file by file to isolate the bad ones');
  }
  const report: ResourceDeployment[] = [];
  let latest = before;
  for (const resource of resources) {
    try {
      const [entry] = await deployChanged(engine, name, [resource], latest);
      report.push(entry!);
      latest = await engine.latestDeploymentId(name);
    } catch (error) {
      if (!(error instanceof DeploymentParseError)) throw error;
      const failure = parseFailureOf(error, resource.name);
      logger?.error({ file: resource.name, line: failure.line }, `cannot deploy ${resource.name}: ${failure.message}`);
      report.push({ file: resource.name, status: 'failed', ...failure });
    }
  }
  return { at, resources: report };
}

/** Deploys with deploy-changed-only; the engine answers with the previous deployment when nothing changed. */
async function deployChanged(engine: EngineClient, name: string, resources: DeploymentResource[], previousId: string | undefined): Promise<ResourceDeployment[]> {
  const result = await engine.deploy(name, resources);
  const deployed = result.id === previousId ? new Set<string>() : new Set(await engine.deploymentResourceNames(result.id));
  return resources.map((r) => ({ file: r.name, status: deployed.has(r.name) ? 'deployed' : 'unchanged' }));
}
