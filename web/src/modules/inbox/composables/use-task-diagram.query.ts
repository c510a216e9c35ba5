import { toValue, type MaybeRefOrGetter } from 'vue';
import type { TaskDiagram } from '@contracts/tasks';
import { useJsonQuery, type UseJsonQueryReturn } from '@/api/use-json.query';
import { taskPath } from './task-path';

/** What useTaskDiagramQuery returns. */
export type UseTaskDiagramQueryReturn = UseJsonQueryReturn<TaskDiagram>;

/** GET /api/tasks/:id/diagram: the BPMN of the task's process and the steps the case is at and has passed. */
export function useTaskDiagramQuery(taskId: MaybeRefOrGetter<string>): UseTaskDiagramQueryReturn {
  return useJsonQuery<TaskDiagram>(() => taskPath(toValue(taskId), 'diagram'));
}
