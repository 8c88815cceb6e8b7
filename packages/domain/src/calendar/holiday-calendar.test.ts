import { describe, expect, it } from 'vitest';
import cnHolidayData from './cn-holidays.json' with { type: 'json' };
import {
  addCalendarDaysWithHolidayRollover,
  addWorkingDays,
  CN_HOLIDAY_CALENDAR,
  createHolidayCalendar,
  followingWorkingDay,
  isCalendarYearCovered,
  isWorkingDay,
} from './holiday-calendar.ts';

const cal = CN_HOLIDAY_CALENDAR;

describe('holiday calendar (State Council notices 2024–2026, kept as data)', () => {
  it('loads every year of the data file', () => {
    expect([...cal.years.keys()]).toEqual(Object.keys(cnHolidayData.years).map(Number));
  });

  it('treats public holidays as days off and 调休 weekend days as working days', () => {
    expect(isWorkingDay('2024-10-01', cal)).toBe(false);
    expect(isWorkingDay('2024-10-12', cal)).toBe(true); // Saturday 调休
    expect(isWorkingDay('2024-10-13', cal)).toBe(false); // ordinary Sunday
    expect(isWorkingDay('2024-10-08', cal)).toBe(true);
  });

  it('counts "N working days" from the day after, skipping holidays and counting 调休 days', () => {
    expect(addWorkingDays('2024-09-30', 3, cal)).toEqual({ date: '2024-10-10', provisional: false });
    expect(addWorkingDays('2024-02-02', 1, cal)).toEqual({ date: '2024-02-04', provisional: false });
    expect(addWorkingDays('2024-09-27', 2, cal)).toEqual({ date: '2024-09-30', provisional: false }); // 09-29 Sunday is 调休
    expect(addWorkingDays('2024-05-06', 0, cal)).toEqual({ date: '2024-05-06', provisional: false });
  });

  it('ends an "N days" period on the next working day when its last day is a holiday (民法典 art. 203)', () => {
    expect(addCalendarDaysWithHolidayRollover('2024-09-21', 10, cal)).toEqual({
      date: '2024-10-08',
      provisional: false,
    });
    expect(addCalendarDaysWithHolidayRollover('2024-09-20', 10, cal)).toEqual({
      date: '2024-09-30',
      provisional: false,
    });
    expect(addCalendarDaysWithHolidayRollover('2024-10-02', 10, cal)).toEqual({
      date: '2024-10-12',
      provisional: false,
    });
  });

  it('shifts a date to the following working day only when it is not one', () => {
    expect(followingWorkingDay('2025-10-01', cal).date).toBe('2025-10-09');
    expect(followingWorkingDay('2025-09-30', cal).date).toBe('2025-09-30');
  });

  it('counts weekends only for a year missing from the calendar and flags the result provisional', () => {
    expect(isCalendarYearCovered('2027-01-01', cal)).toBe(false);
    expect(addWorkingDays('2027-01-01', 3, cal)).toEqual({ date: '2027-01-06', provisional: true });
    expect(addWorkingDays('2026-12-30', 3, cal)).toEqual({ date: '2027-01-04', provisional: true });
    expect(addCalendarDaysWithHolidayRollover('2027-01-01', 1, cal)).toEqual({
      date: '2027-01-04',
      provisional: true,
    });
  });

  it('rejects negative day counts and data whose dates sit under the wrong year', () => {
    expect(() => addWorkingDays('2024-01-01', -1, cal)).toThrow(
      expect.objectContaining({ code: 'DAY_COUNT_INVALID' }),
    );
    expect(() =>
      createHolidayCalendar({ years: { '2024': { holidays: ['2025-01-01'], workdays: [] } } }),
    ).toThrow(expect.objectContaining({ code: 'HOLIDAY_CALENDAR_INVALID' }));
  });
});
