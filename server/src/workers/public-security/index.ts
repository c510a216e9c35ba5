import type { TopicHandler } from '../runtime/index.js';
import { jointSecurityPlanHandler } from './joint-security-plan.handler.js';
import { fileAssistanceHandler } from './file-assistance.handler.js';

export { assistanceRequestNo, fileAssistanceHandler, needsAssistance } from './file-assistance.handler.js';
export { jointSecurityPlanHandler } from './joint-security-plan.handler.js';

/** The public security (公安) department's steps of the case closed loop and of joint enforcement (联合执法). */
export const publicSecurityHandlers: TopicHandler[] = [fileAssistanceHandler, jointSecurityPlanHandler];
