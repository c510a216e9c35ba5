import type { TopicHandler } from '../runtime/index.js';
import { jointCleanupHandler } from './joint-cleanup.handler.js';
import { assignCrewHandler } from './assign-crew.handler.js';

export { assignCrewHandler, createAssignCrewHandler, type AssignCrewDeps } from './assign-crew.handler.js';
export { jointCleanupHandler, createJointCleanupHandler, type JointCleanupDeps } from './joint-cleanup.handler.js';

/** The sanitation (环卫) department's steps of the case closed loop and of joint enforcement (联合执法). */
export const sanitationHandlers: TopicHandler[] = [assignCrewHandler, jointCleanupHandler];
