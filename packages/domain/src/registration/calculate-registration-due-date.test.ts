import { describe, expect, it } from 'vitest';
import { CN_HOLIDAY_CALENDAR } from '../calendar/index.ts';
import { calculateRegistrationDueDate } from './calculate-registration-due-date.ts';

describe('calculateRegistrationDueDate', () => {
  it('counts 3 working days across National Day 2025 and the 调休 Saturday: filed 2025-09-30 → 2025-10-11', () => {
    expect(
      calculateRegistrationDueDate('2025-09-30', { unit: 'working_days', count: 3 }, CN_HOLIDAY_CALENDAR),
    ).toEqual({ date: '2025-10-11', provisional: false });
  });

  it('counts 2 working days for trademarks from the same filing: → 2025-10-10', () => {
    expect(
      calculateRegistrationDueDate('2025-09-30', { unit: 'working_days', count: 2 }, CN_HOLIDAY_CALENDAR),
    ).toEqual({ date: '2025-10-10', provisional: false });
  });

  it('counts the 调休 Sunday 2025-09-28 as a working day: filed Friday 09-26 + 1 → 09-28', () => {
    expect(
      calculateRegistrationDueDate('2025-09-26', { unit: 'working_days', count: 1 }, CN_HOLIDAY_CALENDAR)
        .date,
    ).toBe('2025-09-28');
  });

  it('ends 10 calendar days on the next working day when the 10th is a holiday (民法典 art. 203): 2025-09-21 → 10-09', () => {
    expect(
      calculateRegistrationDueDate('2025-09-21', { unit: 'calendar_days', count: 10 }, CN_HOLIDAY_CALENDAR),
    ).toEqual({ date: '2025-10-09', provisional: false });
  });

  it('keeps 10 calendar days ending on a working day as they are: 2026-03-02 → 03-12', () => {
    expect(
      calculateRegistrationDueDate('2026-03-02', { unit: 'calendar_days', count: 10 }, CN_HOLIDAY_CALENDAR)
        .date,
    ).toBe('2026-03-12');
  });

  it('flags a count reaching into a year without holiday data as provisional (weekends only)', () => {
    expect(
      calculateRegistrationDueDate('2026-12-30', { unit: 'working_days', count: 3 }, CN_HOLIDAY_CALENDAR),
    ).toEqual({ date: '2027-01-04', provisional: true });
  });

  it('decides an immediate registration on the start day', () => {
    expect(
      calculateRegistrationDueDate('2025-10-01', { unit: 'immediate', count: 0 }, CN_HOLIDAY_CALENDAR),
    ).toEqual({ date: '2025-10-01', provisional: false });
  });
});
