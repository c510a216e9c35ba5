import { EntitySchema } from 'typeorm';

/** One saved revision of a draft: the whole file, who saved it, when and why. Never changed once written. */
export interface DraftRevisionRow {
  id: number;
  draftId: number;
  revision: number;
  content: string;
  author: string;
  comment: string | null;
  at: Date;
}

export const DraftRevisionEntity = new EntitySchema<DraftRevisionRow>({
  name: 'DesignerDraftRevision',
  tableName: 'designer_draft_revision',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    draftId: { name: 'draft_id', type: 'integer' },
    revision: { type: 'integer' },
    // mediumtext on MySQL (the migration), text on SQLite: 'text' is what both drivers accept here.
    content: { type: 'text' },
    author: { type: 'varchar', length: 64 },
    comment: { type: 'varchar', length: 500, nullable: true },
    at: { type: 'datetime', precision: 3 },
  },
  indices: [{ columns: ['draftId', 'revision'], unique: true }],
});
