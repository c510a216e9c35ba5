import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { inTransaction } from '../../db/index.js';
import type { EngineClient } from '../../engine/index.js';
import { recordAudit } from '../audit/index.js';
import { deployResources, readProcessResources, type DeploymentReport } from './deployment.service.js';

/** Deploys processes/ and audits what changed; unchanged runs leave no record. */
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
  const report = await deployResources(input.engine, resources, { name: input.name, logger: input.logger });
  const changed = report.resources.filter((r) => r.status !== 'unchanged');
  for (const r of report.resources) {
    if (r.status === 'failed') input.logger.error(`部署失败 ${r.file}${r.line ? ` (第 ${r.line} 行)` : ''}: ${r.message}`);
  }
  input.logger.info({ deployed: changed.filter((r) => r.status === 'deployed').map((r) => r.file), unchanged: report.resources.length - changed.length }, 'processes/ deployed');
  if (changed.length) {
    await inTransaction(input.dataSource, (manager) =>
      recordAudit(manager, { actor: input.actor, action: 'deployment.deploy', targetType: 'deployment', targetId: input.name ?? 'lianqin', after: changed }),
    );
  }
  return report;
}
