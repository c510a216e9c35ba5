import { EntitySchema } from 'typeorm';

/** A department (its code is also the Camunda candidate group) or a unit such as the command centre. */
export interface Department {
  code: string;
  nameZh: string;
  nameEn: string;
  kind: 'department' | 'unit';
}

export const DepartmentEntity = new EntitySchema<Department>({
  name: 'Department',
  tableName: 'department',
  columns: {
    code: { type: 'varchar', length: 64, primary: true },
    nameZh: { name: 'name_zh', type: 'varchar', length: 64 },
    nameEn: { name: 'name_en', type: 'varchar', length: 128 },
    kind: { type: 'varchar', length: 16 },
  },
});
