import { EntitySchema } from 'typeorm';

/** A street (街道) of the district, e.g. QH-01 禾丰街道. */
export interface Street {
  code: string;
  name: string;
}

export const StreetEntity = new EntitySchema<Street>({
  name: 'Street',
  tableName: 'street',
  columns: {
    code: { type: 'varchar', length: 32, primary: true },
    name: { type: 'varchar', length: 64 },
  },
});
