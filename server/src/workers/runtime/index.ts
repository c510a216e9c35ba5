import { defineModule } from '../../modules/module.js';
import { SideEffectEntity } from './side-effect.entity.js';
import { WorkerPresenceEntity } from './worker-presence.entity.js';
export { WorkerRuntime, type WorkerRuntimeOptions } from './worker-runtime.js';
export { defineHandler, type TopicHandler, type HandlerContext, type TaskInfo, type RetryPolicy, type HandlerOutput } from './topic-handler.js';
export { defaultRetryPolicy } from './settle-task.js';
export { SideEffectEntity } from './side-effect.entity.js';
export { WorkerPresenceEntity, type WorkerPresence } from './worker-presence.entity.js';
export { polledTopics, defaultHeartbeatMs } from './heartbeat.js';
export { defaultCompletionRetry, type CompletionRetryPolicy } from './complete-task.js';

/** The worker runtime's record of side effects done once per external task, and its heartbeats (which topics are polled now). */
export const workerRuntimeModule = defineModule({ name: 'worker-runtime', entities: [SideEffectEntity, WorkerPresenceEntity] });
