import type { TopicHandler } from '../runtime/index.js';
import { issueNoticeHandler } from './issue-notice.handler.js';

export { issueNoticeHandler, rectificationNoticeNo } from './issue-notice.handler.js';

/** The urban management enforcement (城管执法) department's steps of the case closed loop. */
export const urbanManagementHandlers: TopicHandler[] = [issueNoticeHandler];
