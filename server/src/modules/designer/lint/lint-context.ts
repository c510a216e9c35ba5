import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { roles } from '../../../contracts/auth.js';
import { DepartmentEntity } from '../../departments/index.js';
import { taskGroupsOf } from '../../tasks/index.js';
import { polledTopics } from '../../../workers/runtime/index.js';
import { DraftRevisionEntity } from '../draft-revision.entity.js';
import { DraftEntity } from '../draft.entity.js';
import { listShippedFiles } from '../shipped-files.js';
import type { LintLanguage } from './messages.js';

/** What Lianqin's own rules check a model against: the registry, the heartbeats, the departments and the forms. */
export interface LintContext {
  language: LintLanguage;
  /** Topics a handler of the worker registry serves. */
  handledTopics: ReadonlySet<string>;
  /** Topics some live worker polls, with its newest heartbeat. */
  polledTopics: ReadonlyMap<string, Date>;
  /** Department and unit codes, and the role groups of task-access. */
  candidateGroups: ReadonlySet<string>;
  /** Codes of the real departments (kind 'department'), for DMN outputs. */
  departments: ReadonlySet<string>;
  /** Form ids shipped in processes/. */
  shippedForms: ReadonlySet<string>;
  /** Form ids that exist only in drafts. */
  draftForms: ReadonlySet<string>;
}

let registryTopics: Promise<ReadonlySet<string>> | undefined;

/** Every topic the worker registry has a handler for (handlers are built with inert dependencies: only topics are read). */
export function handledTopics(): Promise<ReadonlySet<string>> {
  // Loaded on first use: the registry pulls in every department's handlers, which import domain modules.
  registryTopics ??= import('../../../workers/registry.js').then(({ createWorkerGroups }) => {
    const unused = () => Promise.reject(new Error('not used by the lint'));
    const groups = createWorkerGroups({ workingHours: '08:30-12:00', duplicateRadiusM: 0, duplicateWindowDays: 0, gridLocator: unused });
    return new Set(Object.values(groups).flatMap((handlers) => handlers.map((h) => h.topic)));
  });
  return registryTopics;
}

/** Gathers the lint context for one request. */
export async function lintContext(dataSource: DataSource, processesDir: string, language: LintLanguage): Promise<LintContext> {
  const [topics, polled, departments, shippedForms, draftForms] = await Promise.all([
    handledTopics(),
    polledTopics(dataSource),
    dataSource.manager.find(DepartmentEntity),
    shippedFormIds(processesDir),
    draftFormIds(dataSource),
  ]);
  const roleGroups = roles.flatMap((role) => taskGroupsOf({ id: 0, username: '', displayName: '', departmentCode: null, roles: [role] }));
  return {
    language,
    handledTopics: topics,
    polledTopics: polled,
    candidateGroups: new Set([...departments.map((d) => d.code), ...roleGroups]),
    departments: new Set(departments.filter((d) => d.kind === 'department').map((d) => d.code)),
    shippedForms,
    draftForms: new Set([...draftForms].filter((id) => !shippedForms.has(id))),
  };
}

async function shippedFormIds(dir: string): Promise<Set<string>> {
  const forms = (await listShippedFiles(dir)).filter((f) => f.kind === 'form');
  const ids = await Promise.all(forms.map(async (f) => formIdOf(await readFile(path.join(dir, f.fileName), 'utf8'))));
  return new Set(ids.filter((id): id is string => !!id));
}

async function draftFormIds(dataSource: DataSource): Promise<Set<string>> {
  const drafts = await dataSource.manager.findBy(DraftEntity, { kind: 'form' });
  if (drafts.length === 0) return new Set();
  const rows = await dataSource.manager.find(DraftRevisionEntity, { where: drafts.map((d) => ({ draftId: d.id, revision: d.revision })) });
  return new Set(rows.map((r) => formIdOf(r.content)).filter((id): id is string => !!id));
}

/** The id of a Camunda Form (form-js JSON), or undefined when it has none or does not parse. */
export function formIdOf(content: string): string | undefined {
  try {
    const id = (JSON.parse(content) as { id?: unknown }).id;
    return typeof id === 'string' && id ? id : undefined;
  } catch {
    return undefined;
  }
}
