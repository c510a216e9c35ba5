import type { Router } from 'express';
import type { Logger } from 'pino';
import type { DataSource, EntityManager, EntitySchema } from 'typeorm';
import type { TaskSubject } from '../contracts/tasks.js';
import type { Config } from '../config/index.js';
import type { EngineClient } from '../engine/index.js';
import type { SystemState } from '../system-state.js';
import type { TaskStreamHub } from './tasks/task-stream.js';

/** What a module's routes get from the running server. */
export interface RouteContext {
  config: Config;
  dataSource: DataSource;
  engine: EngineClient;
  state: SystemState;
  logger: Logger;
  taskStream: TaskStreamHub;
  /** The presenter of each process whose tasks the inbox lists, collected from the modules' manifests. */
  presenters: Readonly<Record<string, TaskPresenter>>;
}

/**
 * What one domain module brings to Lianqin, declared in its index.ts: the tables it owns and its /api routes.
 * data-source.ts and app.ts collect these from the list in modules/index.ts, so adding a module touches that list only.
 */
export interface LianqinModule {
  name: string;
  /** The TypeORM entities of the tables this module owns; nothing else writes them. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  entities?: readonly EntitySchema<any>[];
  /** Its routes, mounted under /api in the order of the module list. */
  routes?: (context: RouteContext) => Router;
  /** How the inbox shows the user tasks of this module's processes, by process definition key. */
  presenters?: Record<string, TaskPresenter>;
}

/** Says what the tasks of one process are about, for the inbox rows and the task page. */
export interface TaskPresenter {
  /** The subject of each process instance asked about (by process instance id); instances it does not know are left out. */
  subjects(manager: EntityManager, processInstanceIds: readonly string[]): Promise<Map<string, TaskSubject>>;
}

/** Declares a module's manifest (typed identity, as bpmn-js modules are plain objects). */
export function defineModule<M extends LianqinModule>(module: M): M {
  return module;
}
