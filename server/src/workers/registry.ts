import type { DataSource } from 'typeorm';
import type { Config } from '../config/index.js';
import { EngineClient } from '../engine/index.js';
import { sharedGridLocator } from '../modules/grids/index.js';
import { createCommonHandlers, type CommonDeps } from './common/index.js';
import { commerceHandlers } from './commerce/index.js';
import { publicSecurityHandlers } from './public-security/index.js';
import type { TopicHandler } from './runtime/index.js';
import { sanitationHandlers } from './sanitation/index.js';
import { urbanManagementHandlers } from './urban-management/index.js';

/** The handlers of each worker group; a group can run in its own process (npm run worker -- --department X). */
export function createWorkerGroups(deps: CommonDeps): Record<string, TopicHandler[]> {
  return {
    common: createCommonHandlers(deps),
    sanitation: sanitationHandlers,
    'urban-management': urbanManagementHandlers,
    commerce: commerceHandlers,
    'public-security': publicSecurityHandlers,
  };
}

/** Dependencies of the handlers, from the settings and the app database; the grid index is shared with the API. */
export function workerDeps(config: Config, dataSource: DataSource): CommonDeps {
  return {
    workingHours: config.WORKING_HOURS,
    duplicateRadiusM: config.DUPLICATE_RADIUS_M,
    duplicateWindowDays: config.DUPLICATE_WINDOW_DAYS,
    gridLocator: () => sharedGridLocator(dataSource.manager),
    engine: new EngineClient({ baseUrl: config.ENGINE_URL, user: config.ENGINE_USER, password: config.ENGINE_PASSWORD, timeoutMs: config.ENGINE_TIMEOUT_MS, readRetries: config.ENGINE_READ_RETRIES }),
  };
}

/** Handlers of the chosen groups ("all" for every group); unknown names are an error that lists the known ones. */
export function handlersOf(groups: readonly string[], deps: CommonDeps): TopicHandler[] {
  const all = createWorkerGroups(deps);
  const names = groups.includes('all') ? Object.keys(all) : groups;
  const unknown = names.filter((n) => !(n in all));
  if (unknown.length) throw new Error(`Unknown worker department(s): ${unknown.join(', ')}. Known: ${Object.keys(all).join(', ')}, all`);
  return names.flatMap((n) => all[n] ?? []);
}
