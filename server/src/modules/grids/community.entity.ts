import { EntitySchema } from 'typeorm';

/** A community (社区) of one street, e.g. QH-01-02 麦浪社区. */
export interface Community {
  code: string;
  streetCode: string;
  name: string;
}

export const CommunityEntity = new EntitySchema<Community>({
  name: 'Community',
  tableName: 'community',
  columns: {
    code: { type: 'varchar', length: 32, primary: true },
    streetCode: { name: 'street_code', type: 'varchar', length: 32 },
    name: { type: 'varchar', length: 64 },
  },
});
