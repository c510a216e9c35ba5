import type { DataSource } from 'typeorm';
import { inTransaction } from '../../db/transaction.js';
import { recordAudit } from '../audit/index.js';
import type { CurrentUser } from '../auth/index.js';
import { CaseCommentEntity } from './case-comment.entity.js';
import type { CaseFile } from './case-file.entity.js';
import { commentView, type CommentView } from './case-views.js';

/** Adds a comment to a case, audited in the same transaction. */
export async function addComment(dataSource: DataSource, c: CaseFile, user: CurrentUser, body: string): Promise<CommentView> {
  const comment = await inTransaction(dataSource, async (manager) => {
    const row = { caseId: c.id, author: user.username, body, createdAt: new Date() };
    const { identifiers } = await manager.insert(CaseCommentEntity, row);
    const id = Number(identifiers[0]!.id);
    await recordAudit(manager, { actor: user.username, action: 'case.comment', targetType: 'case', targetId: c.caseNo, after: { commentId: id, body } });
    return { ...row, id };
  });
  return commentView(comment, user);
}
