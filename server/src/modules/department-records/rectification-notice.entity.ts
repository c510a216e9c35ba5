import { EntitySchema } from 'typeorm';

/** A numbered rectification notice (责令整改通知书) issued by urban management. */
export interface RectificationNotice {
  id: number;
  noticeNo: string;
  caseId: number;
  department: string;
  issuedAt: Date;
  deadline: Date;
}

export const RectificationNoticeEntity = new EntitySchema<RectificationNotice>({
  name: 'RectificationNotice',
  tableName: 'rectification_notice',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    noticeNo: { name: 'notice_no', type: 'varchar', length: 64, unique: true },
    caseId: { name: 'case_id', type: 'integer' },
    department: { type: 'varchar', length: 64 },
    issuedAt: { name: 'issued_at', type: 'datetime', precision: 3 },
    deadline: { type: 'datetime', precision: 3 },
  },
});
