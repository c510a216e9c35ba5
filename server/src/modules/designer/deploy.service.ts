import type { DataSource } from 'typeorm';
import { designerDeploymentPrefix, designerDeploymentSource, type DeployDraftResult, type DeployedDefinition } from '../../contracts/designer.js';
import { inTransaction } from '../../db/index.js';
import type { DeploymentResult, EngineClient } from '../../engine/index.js';
import { DeploymentParseError, EngineRejectedError } from '../../errors/index.js';
import { recordAudit } from '../audit/index.js';
import { parseFailureOf } from '../deployment/index.js';
import { getDraft } from './drafts.service.js';
import { DeployRefusedError, LintFailedError } from './errors.js';
import { hasErrors, lintModel } from './lint/lint.service.js';
import type { LintLanguage } from './lint/messages.js';

/** What a deployment from a draft needs. */
export interface DeployDeps {
  dataSource: DataSource;
  engine: EngineClient;
  processesDir: string;
}

/**
 * Deploys a draft's revision to the engine as a new version, named after the designer and marked with the designer
 * source, so that the versions list and the start-up rule can tell it from a file deployment. Lint errors and engine
 * refusals are answered with the problems; nothing is deployed then.
 */
export async function deployDraft(deps: DeployDeps, actor: string, draftId: number, revision: number, language: LintLanguage = 'zh'): Promise<DeployDraftResult> {
  const draft = await getDraft(deps.dataSource, draftId, revision);
  const report = await lintModel(deps, { fileName: draft.fileName, kind: draft.kind, content: draft.content }, language);
  if (hasErrors(report)) {
    const problems = report.problems.filter((p) => p.severity === 'error');
    throw new LintFailedError(`${draft.fileName} 第 ${revision} 版有 ${problems.length} 个错误，修正后才能部署`, { problems });
  }
  let result: DeploymentResult;
  try {
    result = await deps.engine.deployDesignerResource(`${designerDeploymentPrefix}${actor}`, designerDeploymentSource, { name: draft.fileName, content: draft.content });
  } catch (error) {
    if (error instanceof DeploymentParseError) {
      const failure = parseFailureOf(error, draft.fileName);
      throw new DeployRefusedError(`引擎拒绝部署 ${draft.fileName}${failure.line ? `（第 ${failure.line} 行）` : ''}：${failure.message}`, failure);
    }
    if (error instanceof EngineRejectedError) throw new DeployRefusedError(`引擎拒绝部署 ${draft.fileName}：${error.message}`, { message: error.message });
    throw error;
  }
  const definitions = definitionsOf(result);
  await inTransaction(deps.dataSource, (manager) =>
    recordAudit(manager, { actor, action: 'designer.deploy', targetType: 'deployment', targetId: result.id, after: { draftId, revision, fileName: draft.fileName, source: designerDeploymentSource, definitions } }),
  );
  return { deploymentId: result.id, definitions };
}

function definitionsOf(result: DeploymentResult): DeployedDefinition[] {
  const processes = Object.values(result.deployedProcessDefinitions ?? {}).map((d) => ({ id: d.id, key: d.key, version: d.version, name: d.name ?? null }));
  const decisions = Object.values(result.deployedDecisionDefinitions ?? {}).map((d) => ({ id: d.id, key: d.key, version: d.version, name: (d as { name?: string | null }).name ?? null }));
  return [...processes, ...decisions];
}
