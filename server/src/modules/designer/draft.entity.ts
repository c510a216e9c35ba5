import { EntitySchema } from 'typeorm';
import type { ModelKind } from '../../contracts/designer.js';

/** A designer's draft of one model file; its content lives in its revisions. */
export interface DraftRow {
  id: number;
  /** Unique: one draft per file name, so two designers editing a file meet in one history. */
  fileName: string;
  kind: ModelKind;
  /** The current revision; a save must name it as its base. */
  revision: number;
  updatedBy: string;
  updatedAt: Date;
}

export const DraftEntity = new EntitySchema<DraftRow>({
  name: 'DesignerDraft',
  tableName: 'designer_draft',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    fileName: { name: 'file_name', type: 'varchar', length: 128, unique: true },
    kind: { type: 'varchar', length: 8 },
    revision: { type: 'integer' },
    updatedBy: { name: 'updated_by', type: 'varchar', length: 64 },
    updatedAt: { name: 'updated_at', type: 'datetime', precision: 3 },
  },
});
