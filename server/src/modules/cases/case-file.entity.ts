import { EntitySchema } from 'typeorm';

import type { CaseSource, CaseStatus } from '../../contracts/cases.js';

export type { CaseSource, CaseStatus };

/** The case file (案卷) behind one case-closed-loop process instance. */
export interface CaseFile {
  id: number;
  caseNo: string;
  processInstanceId: string;
  categoryCode: string;
  source: CaseSource;
  /** The joint operation (or patrol run) a case was filed from, e.g. JO-2026-0001; null for other sources. */
  sourceRef: string | null;
  description: string;
  status: CaseStatus;
  createdAt: Date;
  lng: number | null;
  lat: number | null;
  address: string | null;
  gridCode: string | null;
  streetCode: string | null;
  communityCode: string | null;
  urgent: boolean;
  reporter: string | null;
  callerName: string | null;
  callerPhone: string | null;
  departments: string | null;
  acceptDue: Date | null;
  closedAt: Date | null;
  reworkCount: number;
  mergedInto: string | null;
  rejectReason: string | null;
  satisfaction: string | null;
}

const nullableText = (name: string, length: number) => ({ name, type: 'varchar' as const, length, nullable: true });

export const CaseFileEntity = new EntitySchema<CaseFile>({
  name: 'CaseFile',
  tableName: 'case_file',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    caseNo: { name: 'case_no', type: 'varchar', length: 32, unique: true },
    processInstanceId: { name: 'process_instance_id', type: 'varchar', length: 64, unique: true },
    categoryCode: { name: 'category_code', type: 'varchar', length: 16 },
    source: { type: 'varchar', length: 32 },
    sourceRef: nullableText('source_ref', 32),
    description: { type: 'text' },
    status: { type: 'varchar', length: 32 },
    createdAt: { name: 'created_at', type: 'datetime', precision: 3 },
    lng: { type: 'double', nullable: true },
    lat: { type: 'double', nullable: true },
    address: nullableText('address', 255),
    gridCode: nullableText('grid_code', 32),
    streetCode: nullableText('street_code', 32),
    communityCode: nullableText('community_code', 32),
    urgent: { type: 'boolean', default: false },
    reporter: nullableText('reporter', 64),
    callerName: nullableText('caller_name', 64),
    callerPhone: nullableText('caller_phone', 32),
    departments: nullableText('departments', 255),
    acceptDue: { name: 'accept_due', type: 'datetime', precision: 3, nullable: true },
    closedAt: { name: 'closed_at', type: 'datetime', precision: 3, nullable: true },
    reworkCount: { name: 'rework_count', type: 'integer', default: 0 },
    mergedInto: nullableText('merged_into', 32),
    rejectReason: { name: 'reject_reason', type: 'text', nullable: true },
    satisfaction: nullableText('satisfaction', 16),
  },
});
