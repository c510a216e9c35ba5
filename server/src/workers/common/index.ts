import type { TopicHandler } from '../runtime/index.js';
import { caseRegisterHandler } from './case-register.handler.js';

/** Steps shared by every case, not owned by one department. */
export const commonHandlers: TopicHandler[] = [caseRegisterHandler];
