import type { DataSource } from 'typeorm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { testDataSource } from '../../../../test/support/test-env.js';
import { HolidayOverrideEntity, loadWorkingCalendar } from './index.js';

const bj = (local: string) => new Date(`${local}+08:00`);
const WORKING_HOURS = '08:30-12:00,13:30-17:30';
const ourDays = ['2026-03-09', '2026-03-14'];
let dataSource: DataSource;

beforeAll(async () => {
  dataSource = await testDataSource();
});

afterEach(async () => {
  await dataSource.manager.delete(HolidayOverrideEntity, ourDays);
});

afterAll(async () => {
  await dataSource?.destroy();
});

describe('loadWorkingCalendar', () => {
  it('applies a holiday stored in holiday_override', async () => {
    // given Monday 2026-03-09 stored as a local holiday
    await dataSource.manager.save(HolidayOverrideEntity, { day: '2026-03-09', kind: 'holiday', note: '本地停工 (test)' });
    // when
    const calendar = await loadWorkingCalendar(dataSource.manager, WORKING_HOURS);
    // then the Monday is off and a 1 wd limit from Friday moves to Tuesday
    expect(calendar.isWorkingDay(bj('2026-03-09T12:00'))).toBe(false);
    expect(calendar.addLimit(bj('2026-03-06T10:00'), 1, 'wd')).toEqual(bj('2026-03-10T17:30'));
  });

  it('applies a workday stored in holiday_override, with the configured working hours', async () => {
    // given Saturday 2026-03-14 stored as a local workday, without a note
    await dataSource.manager.save(HolidayOverrideEntity, { day: '2026-03-14', kind: 'workday', note: null });
    // when
    const calendar = await loadWorkingCalendar(dataSource.manager, '09:00-17:00');
    // then Friday 16:30 + 1 wh ends on Saturday morning at 09:30
    expect(calendar.isWorkingDay(bj('2026-03-14T12:00'))).toBe(true);
    expect(calendar.addLimit(bj('2026-03-13T16:30'), 1, 'wh')).toEqual(bj('2026-03-14T09:30'));
  });

  it('follows chinese-days alone when no override is stored', async () => {
    // given no row for our days
    // when
    const calendar = await loadWorkingCalendar(dataSource.manager, WORKING_HOURS);
    // then
    expect(calendar.isWorkingDay(bj('2026-03-09T12:00'))).toBe(true);
    expect(calendar.isWorkingDay(bj('2026-03-14T12:00'))).toBe(false);
  });

  it('rejects malformed working hours before reading the table', async () => {
    // given / when / then
    await expect(loadWorkingCalendar(dataSource.manager, '17:30-08:30')).rejects.toThrow('ends before it starts');
  });
});
