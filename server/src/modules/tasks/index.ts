export { taskRoutes } from './routes.js';
export { listTasks, getTask, claimTask, unclaimTask, completeTask, actOnHandling, type TaskDeps, type TaskView } from './tasks.service.js';
export { getTaskDiagram } from './task-diagram.js';
export { TaskStreamHub } from './task-stream.js';
export { taskGroupsOf, workableBy, inboxQuery } from './task-access.js';
export { reconcileTaskIntents, taskIntentChecks, type TaskEvidence } from './task-intents.js';
