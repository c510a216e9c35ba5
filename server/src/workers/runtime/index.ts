export { WorkerRuntime, type WorkerRuntimeOptions } from './worker-runtime.js';
export { defineHandler, type TopicHandler, type HandlerContext, type TaskInfo, type RetryPolicy, type HandlerOutput } from './topic-handler.js';
export { defaultRetryPolicy } from './settle-task.js';
export { SideEffectEntity } from './side-effect.entity.js';
export { defaultCompletionRetry, type CompletionRetryPolicy } from './complete-task.js';
