import type { EntityManager } from 'typeorm';
import type { TaskSubject } from '../../contracts/tasks.js';
import type { Task } from '../../engine/index.js';
import type { LianqinModule, TaskPresenter } from '../module.js';

/** The presenter of each process whose tasks the inbox lists, by process definition key. */
export type TaskPresenters = Readonly<Record<string, TaskPresenter>>;

/** The presenters the modules declare; two modules presenting one process is a wiring mistake, refused at start. */
export function collectPresenters(modules: readonly LianqinModule[]): TaskPresenters {
  const presenters: Record<string, TaskPresenter> = {};
  const owners = new Map<string, string>();
  for (const module of modules) {
    for (const [processKey, presenter] of Object.entries(module.presenters ?? {})) {
      const owner = owners.get(processKey);
      if (owner) throw new Error(`process ${processKey} has two presenters, in modules ${owner} and ${module.name}`);
      owners.set(processKey, module.name);
      presenters[processKey] = presenter;
    }
  }
  return presenters;
}

/**
 * The process definition key of a task, read from its definition id `key:version:uuid`. The engine falls back to a
 * bare id only when that form would pass 64 characters, which Lianqin's short keys never do; null then.
 */
export function processKeyOf(processDefinitionId: string): string | null {
  const parts = processDefinitionId.split(':');
  return parts.length >= 3 ? parts[0]! : null;
}

/**
 * What each task's process instance is about, asked of its process's presenter in one call per process. The instances
 * of a task whose key cannot be read are offered to every presenter, each of which answers only for its own.
 */
export async function subjectsOf(manager: EntityManager, presenters: TaskPresenters, tasks: readonly Task[]): Promise<Map<string, TaskSubject>> {
  const byKey = new Map<string | null, Set<string>>();
  for (const task of tasks) {
    const key = processKeyOf(task.processDefinitionId);
    byKey.set(key, (byKey.get(key) ?? new Set()).add(task.processInstanceId));
  }
  const asks: Array<Promise<Map<string, TaskSubject>>> = [];
  for (const [key, instances] of byKey) {
    const ids = [...instances];
    if (key === null) asks.push(...Object.values(presenters).map((p) => p.subjects(manager, ids)));
    else if (presenters[key]) asks.push(presenters[key].subjects(manager, ids));
  }
  const subjects = new Map<string, TaskSubject>();
  for (const answer of await Promise.all(asks)) for (const [instanceId, subject] of answer) subjects.set(instanceId, subject);
  return subjects;
}
