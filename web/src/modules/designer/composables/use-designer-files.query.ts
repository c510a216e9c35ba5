import type { DesignerFiles, TopicStatus } from '@contracts/designer';
import { useJsonQuery, type UseJsonQueryReturn } from '@/api/use-json.query';
import { designerFilesPath } from '../requests';

/** What useDesignerFilesQuery returns. */
export type UseDesignerFilesQueryReturn = UseJsonQueryReturn<DesignerFiles>;

/** GET /api/designer/files: the files of processes/ and the drafts. */
export function useDesignerFilesQuery(): UseDesignerFilesQueryReturn {
  return useJsonQuery<DesignerFiles>(designerFilesPath);
}

/** What useWorkerTopicsQuery returns. */
export type UseWorkerTopicsQueryReturn = UseJsonQueryReturn<TopicStatus[]>;

/** GET /api/designer/workers: every topic of the worker registry and whether a worker polls it now. */
export function useWorkerTopicsQuery(): UseWorkerTopicsQueryReturn {
  return useJsonQuery<TopicStatus[]>('/api/designer/workers');
}
