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
