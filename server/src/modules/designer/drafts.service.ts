import { In, type DataSource, type EntityManager } from 'typeorm';
import type { CreateDraftRequest, Draft, DraftRevisionSummary, DraftSummary, SaveDraftRequest } from '../../contracts/designer.js';
import { inTransaction } from '../../db/index.js';
import { NotFoundError } from '../../errors/index.js';
import { recordAudit } from '../audit/index.js';
import { UserEntity } from '../users/index.js';
import { DraftRevisionEntity, type DraftRevisionRow } from './draft-revision.entity.js';
import { DraftEntity, type DraftRow } from './draft.entity.js';
import { DraftConflictError, DraftExistsError } from './errors.js';

/** Every draft, newest change first. */
export async function listDrafts(dataSource: DataSource): Promise<DraftSummary[]> {
  const drafts = await dataSource.manager.find(DraftEntity, { order: { updatedAt: 'DESC', id: 'DESC' } });
  if (drafts.length === 0) return [];
  const current = await dataSource.manager.find(DraftRevisionEntity, {
    select: { draftId: true, revision: true, comment: true },
    where: drafts.map((d) => ({ draftId: d.id, revision: d.revision })),
  });
  const names = await displayNames(dataSource.manager, drafts.map((d) => d.updatedBy));
  return drafts.map((d) => summaryOf(d, current.find((r) => r.draftId === d.id)?.comment ?? null, names));
}

/** Starts a draft of a file at revision 1; a second draft of the same file name is a 409 naming the first. */
export async function createDraft(dataSource: DataSource, actor: string, input: CreateDraftRequest): Promise<Draft> {
  const id = await inTransaction(dataSource, async (manager) => {
    const existing = await manager.findOneBy(DraftEntity, { fileName: input.fileName });
    if (existing) throw draftExists(existing);
    const now = new Date();
    const { identifiers } = await manager.insert(DraftEntity, { fileName: input.fileName, kind: input.kind, revision: 1, updatedBy: actor, updatedAt: now });
    const draftId = Number(identifiers[0]!.id);
    await manager.insert(DraftRevisionEntity, { draftId, revision: 1, content: input.content, author: actor, comment: input.comment || null, at: now });
    await recordAudit(manager, { actor, action: 'designer.draft.create', targetType: 'designer-draft', targetId: String(draftId), after: { fileName: input.fileName, kind: input.kind, revision: 1 } });
    return draftId;
  }).catch(async (error: unknown) => {
    // Two designers creating the same file at once: the unique file name lets one through.
    const existing = await dataSource.manager.findOneBy(DraftEntity, { fileName: input.fileName });
    throw existing ? draftExists(existing) : error;
  });
  return getDraft(dataSource, id);
}

/**
 * Saves a new revision on top of baseRevision. Another revision being current is a conflict that names who saved it;
 * the conditional update makes two saves on one base conflict even when they arrive together.
 */
export async function saveDraft(dataSource: DataSource, actor: string, id: number, input: SaveDraftRequest): Promise<Draft> {
  await inTransaction(dataSource, async (manager) => {
    const draft = await findDraft(manager, id);
    const now = new Date();
    const { affected } = await manager.update(DraftEntity, { id, revision: input.baseRevision }, { revision: input.baseRevision + 1, updatedBy: actor, updatedAt: now });
    if (!affected) throw await conflictOf(manager, await findDraft(manager, id).catch(() => draft));
    await manager.insert(DraftRevisionEntity, { draftId: id, revision: input.baseRevision + 1, content: input.content, author: actor, comment: input.comment || null, at: now });
    await recordAudit(manager, { actor, action: 'designer.draft.save', targetType: 'designer-draft', targetId: String(id), before: { revision: input.baseRevision }, after: { fileName: draft.fileName, revision: input.baseRevision + 1 } });
  }).catch(async (error: unknown) => {
    if (error instanceof DraftConflictError || error instanceof NotFoundError) throw error;
    // The revision's unique key refused a save that raced ours past the update (engines without row locks).
    const draft = await dataSource.manager.findOneBy(DraftEntity, { id });
    if (draft && draft.revision !== input.baseRevision) throw await conflictOf(dataSource.manager, draft);
    throw error;
  });
  return getDraft(dataSource, id);
}

/** Deletes a draft with its history. */
export async function deleteDraft(dataSource: DataSource, actor: string, id: number): Promise<void> {
  await inTransaction(dataSource, async (manager) => {
    const draft = await findDraft(manager, id);
    await manager.delete(DraftRevisionEntity, { draftId: id });
    await manager.delete(DraftEntity, { id });
    await recordAudit(manager, { actor, action: 'designer.draft.delete', targetType: 'designer-draft', targetId: String(id), before: { fileName: draft.fileName, revision: draft.revision } });
  });
}

/** A draft with the content of its current revision, or of the revision asked for. */
export async function getDraft(dataSource: DataSource, id: number, revision?: number): Promise<Draft> {
  const draft = await findDraft(dataSource.manager, id);
  const row = await findRevision(dataSource.manager, draft, revision ?? draft.revision);
  const names = await displayNames(dataSource.manager, [row.author]);
  return { ...summaryOf({ ...draft, revision: row.revision, updatedBy: row.author, updatedAt: row.at }, row.comment, names), content: row.content };
}

/** The content of a draft at a revision (the current one unless told): what the diff and the deployment read. */
export async function draftContent(dataSource: DataSource, draftId: number, revision?: number): Promise<Draft> {
  return getDraft(dataSource, draftId, revision);
}

/** The history of a draft, newest first. */
export async function listRevisions(dataSource: DataSource, id: number): Promise<DraftRevisionSummary[]> {
  await findDraft(dataSource.manager, id);
  const rows = await dataSource.manager.find(DraftRevisionEntity, { select: { revision: true, author: true, at: true, comment: true }, where: { draftId: id }, order: { revision: 'DESC' } });
  const names = await displayNames(dataSource.manager, rows.map((r) => r.author));
  return rows.map((r) => ({ revision: r.revision, author: r.author, authorName: names.get(r.author) ?? r.author, at: r.at.toISOString(), comment: r.comment }));
}

async function findDraft(manager: EntityManager, id: number): Promise<DraftRow> {
  const draft = await manager.findOneBy(DraftEntity, { id });
  if (!draft) throw new NotFoundError(`草稿 ${id} 不存在`, { resource: 'designer-draft', id: String(id) });
  return draft;
}

async function findRevision(manager: EntityManager, draft: DraftRow, revision: number): Promise<DraftRevisionRow> {
  const row = await manager.findOneBy(DraftRevisionEntity, { draftId: draft.id, revision });
  if (!row) throw new NotFoundError(`草稿 ${draft.fileName} 没有第 ${revision} 版`, { resource: 'designer-draft-revision', id: `${draft.id}/${revision}` });
  return row;
}

async function conflictOf(manager: EntityManager, current: DraftRow): Promise<DraftConflictError> {
  const names = await displayNames(manager, [current.updatedBy]);
  const updatedByName = names.get(current.updatedBy) ?? current.updatedBy;
  return new DraftConflictError(`草稿已被 ${updatedByName} 保存为第 ${current.revision} 版，请先查看对方的修改再保存`, {
    currentRevision: current.revision,
    updatedBy: current.updatedBy,
    updatedByName,
    updatedAt: current.updatedAt.toISOString(),
  });
}

function draftExists(existing: DraftRow): DraftExistsError {
  return new DraftExistsError(`文件 ${existing.fileName} 已有草稿，请打开该草稿继续编辑`, { fileName: existing.fileName, draftId: existing.id });
}

function summaryOf(draft: DraftRow, comment: string | null, names: Map<string, string>): DraftSummary {
  return { id: draft.id, fileName: draft.fileName, kind: draft.kind, revision: draft.revision, updatedBy: draft.updatedBy, updatedByName: names.get(draft.updatedBy) ?? draft.updatedBy, updatedAt: draft.updatedAt.toISOString(), comment };
}

/** Display names of usernames; a removed account keeps its username. */
export async function displayNames(manager: EntityManager, usernames: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(usernames)];
  if (unique.length === 0) return new Map();
  const users = await manager.find(UserEntity, { select: { username: true, displayName: true }, where: { username: In(unique) } });
  return new Map(users.map((u) => [u.username, u.displayName]));
}
