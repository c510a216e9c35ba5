import { defineModule } from '../module.js';
import { taskRoutes } from './routes.js';
export { taskRoutes } from './routes.js';
export { listTasks, getTask, claimTask, unclaimTask, completeTask, actOnHandling, inboxOf, type TaskDeps, type TaskView } from './tasks.service.js';
export { collectPresenters, processKeyOf, type TaskPresenters } from './task-presenters.js';
export { getTaskDiagram } from './task-diagram.js';
export { TaskStreamHub } from './task-stream.js';
export { taskGroupsOf, workableBy, inboxQuery } from './task-access.js';
export { reconcileTaskIntents, taskIntentChecks, type TaskEvidence } from './task-intents.js';

/** The inbox: the user tasks people work in every process that has a presenter, and their live stream. */
export const tasksModule = defineModule({
  name: 'tasks',
  routes: ({ engine, dataSource, logger, taskStream, presenters }) => taskRoutes({ engine, dataSource, logger, presenters, stream: taskStream }),
});
