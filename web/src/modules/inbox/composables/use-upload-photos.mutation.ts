import type { PhotoStage, PhotoView } from '@contracts/cases';
import { postJson } from '@/api/http';
import { useMutation, type UseMutationReturn } from './use-mutation';
import { casePath } from './task-path';

/** POST /api/cases/:caseNo/photos (multipart: `stage` and the files in `photos`). */
export function useUploadPhotosMutation(): UseMutationReturn<[caseNo: string, stage: PhotoStage, files: File[]], { photos: PhotoView[] }> {
  return useMutation((caseNo: string, stage: PhotoStage, files: File[]) => {
    const body = new FormData();
    body.append('stage', stage);
    for (const file of files) body.append('photos', file, file.name);
    return postJson<{ photos: PhotoView[] }>(casePath(caseNo, 'photos'), body);
  });
}
