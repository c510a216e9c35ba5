import type { TopicHandler } from '../runtime/index.js';
import type { CommonDeps } from './common-deps.js';
import { computeDueHandler } from './compute-due.handler.js';
import { findDuplicatesHandler } from './find-duplicates.handler.js';
import { locateGridHandler } from './locate-grid.handler.js';
import { planDispatchHandler } from './plan-dispatch.handler.js';
import { recordEventHandler } from './record-event.handler.js';

export type { CommonDeps } from './common-deps.js';

/** Steps shared by every case, not owned by one department. */
export function createCommonHandlers(deps: CommonDeps): TopicHandler[] {
  return [locateGridHandler(deps), findDuplicatesHandler(deps), planDispatchHandler, computeDueHandler(deps), recordEventHandler];
}
