import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { inTransaction } from '../../db/index.js';
import type { EngineClient } from '../../engine/index.js';
import { recordAudit } from '../audit/index.js';
import { deployResources, readProcessResources, type DeploymentReport } from './deployment.service.js';
import { designerHolds } from './designer-versions.js';

/**
 * Deploys processes/ and audits what changed; unchanged runs leave no record. Files whose definitions a designer has
 * since deployed a newer version of are held back (designerHolds): start-up never replaces a designer's version.
 */
export async function deployProcessesDir(input: {
  engine: EngineClient;
  dataSource: DataSource;
  dir: string;
  actor: string;
  logger: Logger;
  /** Deployment name; the engine compares changes within it. @default 'lianqin' */
  name?: string;
}): Promise<DeploymentReport> {
  const resources = await readProcessResources(input.dir);
  const holds = await designerHolds(input.engine, resources);
  const deployed = await deployResources(input.engine, resources.filter((r) => !holds.has(r.name)), { name: input.name, logger: input.logger });
  // One entry per file, in the folder's order.
  const entries = new Map([...deployed.resources, ...holds.values()].map((r) => [r.file, r]));
  const report = { at: deployed.at, resources: resources.map((r) => entries.get(r.name)!) };
  const changed = report.resources.filter((r) => r.status === 'deployed' || r.status === 'failed');
  for (const r of report.resources) {
    if (r.status === 'failed') input.logger.error(`部署失败 ${r.file}${r.line ? ` (第 ${r.line} 行)` : ''}: ${r.message}`);
    if (r.status === 'held') input.logger.warn(`未部署 ${r.file}: ${r.message}`);
  }
  input.logger.info({ deployed: changed.filter((r) => r.status === 'deployed').map((r) => r.file), unchanged: report.resources.length - changed.length }, 'processes/ deployed');
  if (changed.length) {
    await inTransaction(input.dataSource, (manager) =>
      recordAudit(manager, { actor: input.actor, action: 'deployment.deploy', targetType: 'deployment', targetId: input.name ?? 'lianqin', after: changed }),
    );
  }
  return report;
}
