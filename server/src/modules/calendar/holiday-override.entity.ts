import { EntitySchema } from 'typeorm';
import type { DayKind } from './working-calendar.js';

/** A local decision about one Beijing date that wins over the statutory calendar (a day chinese-days does not know yet, or a city's own rule). */
export interface HolidayOverride {
  /** Beijing date, 'YYYY-MM-DD'. */
  day: string;
  kind: DayKind;
  note: string | null;
}

export const HolidayOverrideEntity = new EntitySchema<HolidayOverride>({
  name: 'HolidayOverride',
  tableName: 'holiday_override',
  columns: {
    day: { type: 'varchar', length: 10, primary: true },
    kind: { type: 'varchar', length: 16 },
    note: { type: 'varchar', length: 255, nullable: true },
  },
});
