import type { TopicHandler } from '../runtime/index.js';
import { fileAssistanceHandler } from './file-assistance.handler.js';

export { assistanceRequestNo, fileAssistanceHandler, needsAssistance } from './file-assistance.handler.js';

/** The public security (公安) department's steps of the case closed loop. */
export const publicSecurityHandlers: TopicHandler[] = [fileAssistanceHandler];
