import type { TopicHandler } from '../runtime/index.js';
import { assignCrewHandler } from './assign-crew.handler.js';

export { assignCrewHandler, createAssignCrewHandler, type AssignCrewDeps } from './assign-crew.handler.js';

/** The sanitation (环卫) department's steps of the case closed loop. */
export const sanitationHandlers: TopicHandler[] = [assignCrewHandler];
