import type { DataSource } from 'typeorm';
import type { Draft } from '../../contracts/designer.js';
import type { DiffResult, DiffSide } from '../../contracts/process-versions.js';
import type { EngineClient } from '../../engine/index.js';
import { diffBpmn } from './bpmn-diff.js';
import { DiffUnsupportedError } from './errors.js';
import { findDefinition } from './versions.service.js';

/** Reads a draft's content at a revision (the current one when absent): the designer module's draftContent. */
export type DraftReader = (dataSource: DataSource, draftId: number, revision?: number) => Promise<Draft>;

/** What the diff needs. */
export interface DiffDeps {
  engine: EngineClient;
  dataSource: DataSource;
  readDraft: DraftReader;
}

/** One side of a diff, resolved: its label and BPMN XML. */
interface ResolvedSide {
  label: string;
  xml: string;
}

/** Compares two BPMN models, each a deployed version or a draft; decisions and forms answer DIFF_UNSUPPORTED. */
export async function diffSides(deps: DiffDeps, left: DiffSide, right: DiffSide): Promise<DiffResult> {
  const [older, newer] = await Promise.all([resolveSide(deps, left), resolveSide(deps, right)]);
  const changes = await diffBpmn(older.xml, newer.xml, { left: older.label, right: newer.label });
  return { left: older, right: newer, changes };
}

async function resolveSide(deps: DiffDeps, side: DiffSide): Promise<ResolvedSide> {
  if ('definitionId' in side) {
    const { definition, kind } = await findDefinition(deps.engine, side.definitionId);
    if (kind !== 'bpmn') throw new DiffUnsupportedError(`${definition.key} v${definition.version} 是决策表；对比只支持 BPMN 流程`, { kind });
    return { label: `${definition.name ?? definition.key} v${definition.version}`, xml: await deps.engine.processDefinitionXml(definition.id) };
  }
  const draft = await deps.readDraft(deps.dataSource, side.draftId, side.revision);
  if (draft.kind !== 'bpmn') throw new DiffUnsupportedError(`草稿 ${draft.fileName} 不是 BPMN 流程；对比只支持 BPMN 流程`, { kind: draft.kind });
  return { label: `草稿 ${draft.fileName} 第 ${draft.revision} 版`, xml: draft.content };
}
