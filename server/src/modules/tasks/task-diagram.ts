import type { TaskDiagram } from '../../contracts/tasks.js';
import type { CurrentUser } from '../auth/index.js';
import { visibleTask, type TaskDeps } from './tasks.service.js';

export type { TaskDiagram };

/** Process definitions never change once deployed, so their XML is kept for the life of the process. */
const xmlCache = new Map<string, Promise<string>>();

/** Multi-instance bodies ("handling#multiInstanceBody") are not shapes of the diagram. */
const isDiagramActivity = (activityId: string) => !activityId.includes('#');

/** The diagram of a task the caller may work, with the steps the case is at now and those it has passed. */
export async function getTaskDiagram(deps: TaskDeps, user: CurrentUser, taskId: string): Promise<TaskDiagram> {
  const task = await visibleTask(deps, user, taskId);
  const [xml, history] = await Promise.all([definitionXml(deps, task.processDefinitionId), deps.engine.activityHistory(task.processInstanceId)]);
  const active = new Set<string>();
  const completed = new Set<string>();
  for (const activity of history) {
    if (!isDiagramActivity(activity.activityId)) continue;
    (activity.endTime === null ? active : completed).add(activity.activityId);
  }
  return { xml, activeActivityIds: [...active], completedActivityIds: [...completed].filter((id) => !active.has(id)), taskActivityId: task.taskDefinitionKey };
}

function definitionXml(deps: TaskDeps, processDefinitionId: string): Promise<string> {
  let xml = xmlCache.get(processDefinitionId);
  if (!xml) {
    xml = deps.engine.processDefinitionXml(processDefinitionId);
    xmlCache.set(processDefinitionId, xml);
    xml.catch(() => xmlCache.delete(processDefinitionId));
  }
  return xml;
}
