import { EntitySchema } from 'typeorm';

/** A remark on a case by anyone who may see it; shown in the detail and the timeline. */
export interface CaseComment {
  id: number;
  caseId: number;
  author: string;
  body: string;
  createdAt: Date;
}

export const CaseCommentEntity = new EntitySchema<CaseComment>({
  name: 'CaseComment',
  tableName: 'case_comment',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    caseId: { name: 'case_id', type: 'integer' },
    author: { type: 'varchar', length: 64 },
    body: { type: 'text' },
    createdAt: { name: 'created_at', type: 'datetime', precision: 3 },
  },
});
