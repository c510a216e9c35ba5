import type { TopicHandler } from '../runtime/index.js';
import { jointDocumentsHandler } from './joint-documents.handler.js';
import { issueNoticeHandler } from './issue-notice.handler.js';

export { issueNoticeHandler, rectificationNoticeNo } from './issue-notice.handler.js';
export { jointDocumentsHandler } from './joint-documents.handler.js';

/** The urban management enforcement (城管执法) department's steps of the case closed loop and of joint enforcement (联合执法). */
export const urbanManagementHandlers: TopicHandler[] = [issueNoticeHandler, jointDocumentsHandler];
