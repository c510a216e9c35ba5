import { EntitySchema } from 'typeorm';

/** Where a report came from. */
export type CaseSource = 'inspector' | 'hotline' | 'patrol' | 'open311';

/** The registered case (案卷) behind one case-closed-loop process instance. */
export interface CaseFile {
  id: number;
  caseNo: string;
  processInstanceId: string;
  categoryCode: string;
  source: CaseSource;
  description: string;
  status: string;
  createdAt: Date;
}

export const CaseFileEntity = new EntitySchema<CaseFile>({
  name: 'CaseFile',
  tableName: 'case_file',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    caseNo: { name: 'case_no', type: 'varchar', length: 32, unique: true },
    processInstanceId: { name: 'process_instance_id', type: 'varchar', length: 64, unique: true },
    categoryCode: { name: 'category_code', type: 'varchar', length: 16 },
    source: { type: 'varchar', length: 16 },
    description: { type: 'text' },
    status: { type: 'varchar', length: 32 },
    createdAt: { name: 'created_at', type: 'datetime', precision: 3 },
  },
});
