import { EntitySchema } from 'typeorm';

/** A police assistance request (警务协助) for an urgent road event. */
export interface AssistanceRequest {
  id: number;
  requestNo: string;
  caseId: number;
  categoryCode: string;
  lng: number;
  lat: number;
  status: 'open' | 'closed';
  createdAt: Date;
}

export const AssistanceRequestEntity = new EntitySchema<AssistanceRequest>({
  name: 'AssistanceRequest',
  tableName: 'assistance_request',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    requestNo: { name: 'request_no', type: 'varchar', length: 64, unique: true },
    caseId: { name: 'case_id', type: 'integer' },
    categoryCode: { name: 'category_code', type: 'varchar', length: 16 },
    lng: { type: 'double' },
    lat: { type: 'double' },
    status: { type: 'varchar', length: 16 },
    createdAt: { name: 'created_at', type: 'datetime', precision: 3 },
  },
});
