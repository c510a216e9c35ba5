import type { CommentView } from '@contracts/cases';
import { postJson } from '@/api/http';
import { useMutation, type UseMutationReturn } from './use-mutation';
import { casePath } from './task-path';

/** POST /api/cases/:caseNo/comments: adds a comment that every department on the case reads. */
export function useAddCommentMutation(): UseMutationReturn<[caseNo: string, body: string], CommentView> {
  return useMutation((caseNo: string, body: string) => postJson<CommentView>(casePath(caseNo, 'comments'), { body }));
}
