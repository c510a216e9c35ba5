import { defineModule } from '../module.js';
import { HolidayOverrideEntity } from './holiday-override.entity.js';
export { HolidayOverrideEntity, type HolidayOverride } from './holiday-override.entity.js';
export { loadWorkingCalendar, parseWorkingHours } from './calendar.service.js';
export {
  beijingDay,
  createWorkingCalendar,
  type DayKind,
  type LimitUnit,
  type WorkingCalendar,
  type WorkingCalendarOptions,
  type WorkingPeriod,
} from './working-calendar.js';

/** The working-time calendar and its holiday overrides. */
export const calendarModule = defineModule({ name: 'calendar', entities: [HolidayOverrideEntity] });
