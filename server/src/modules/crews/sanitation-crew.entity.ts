import { EntitySchema } from 'typeorm';

/** Whether a crew can take a new job: 'busy' while on one, 'off' outside its shift. */
export type CrewStatus = 'available' | 'busy' | 'off';

/** A sanitation crew (环卫作业班组): who leads it, where it is and whether it is free for dispatch. */
export interface SanitationCrew {
  code: string;
  name: string;
  leader: string;
  phone: string;
  lng: number;
  lat: number;
  streetCode: string;
  status: CrewStatus;
  updatedAt: Date;
}

export const SanitationCrewEntity = new EntitySchema<SanitationCrew>({
  name: 'SanitationCrew',
  tableName: 'sanitation_crew',
  columns: {
    code: { type: 'varchar', length: 32, primary: true },
    name: { type: 'varchar', length: 64 },
    leader: { type: 'varchar', length: 64 },
    phone: { type: 'varchar', length: 32 },
    lng: { type: 'double' },
    lat: { type: 'double' },
    streetCode: { name: 'street_code', type: 'varchar', length: 32 },
    status: { type: 'varchar', length: 16 },
    updatedAt: { name: 'updated_at', type: 'datetime', precision: 3 },
  },
});
