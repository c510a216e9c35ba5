export { taskRoutes } from './routes.js';
export { listTasks, getTask, claimTask, unclaimTask, completeTask, actOnHandling, type TaskDeps, type TaskView } from './tasks.service.js';
export { taskGroupsOf } from './task-access.js';
