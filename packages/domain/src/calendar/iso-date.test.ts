import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  dayOfWeek,
  days30360Between,
  daysBetween,
  fromEpochDay,
  isIsoDate,
  parseIsoDate,
  toEpochDay,
} from './iso-date.ts';

describe('ISO date arithmetic without the JS clock', () => {
  it('numbers days from 1970-01-01 and back', () => {
    expect(toEpochDay('1970-01-01')).toBe(0);
    expect(toEpochDay('2000-03-01')).toBe(11017);
    expect(fromEpochDay(19737)).toBe('2024-01-15');
    expect(fromEpochDay(-1)).toBe('1969-12-31');
  });

  it('agrees with the proleptic Gregorian calendar for every day from 1900 to 2200', () => {
    fc.assert(
      fc.property(fc.integer({ min: -25567, max: 84000 }), (epochDay) => {
        const date = fromEpochDay(epochDay);
        expect(toEpochDay(date)).toBe(epochDay);
        // Cross-check with the platform's UTC calendar, used in the test only.
        expect(new Date(epochDay * 86_400_000).toISOString().slice(0, 10)).toBe(date);
      }),
    );
  });

  it('rejects dates that do not exist', () => {
    for (const bad of ['2023-02-29', '2024-13-01', '2024-04-31', '2024-1-5', '20240105', '']) {
      expect(isIsoDate(bad)).toBe(false);
      expect(() => parseIsoDate(bad)).toThrow(expect.objectContaining({ code: 'DATE_FORMAT_INVALID' }));
    }
    expect(isIsoDate('2024-02-29')).toBe(true);
  });

  it('adds months from the anchor, clamped to month end (2024-01-31 → 02-29 → 03-31)', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2024-01-31', 2)).toBe('2024-03-31');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2024-11-30', 3)).toBe('2025-02-28');
    expect(addMonths('2024-01-15', 12)).toBe('2025-01-15');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
  });

  it('counts actual days and 30/360 days between dates', () => {
    expect(daysBetween('2024-01-15', '2024-02-15')).toBe(31);
    expect(daysBetween('2024-02-15', '2024-03-15')).toBe(29);
    expect(daysBetween('2024-03-15', '2024-02-15')).toBe(-29);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(days30360Between('2024-02-15', '2024-03-15')).toBe(30);
    expect(days30360Between('2024-01-31', '2024-03-31')).toBe(60);
    expect(days30360Between('2024-01-15', '2025-01-15')).toBe(360);
  });

  it('gives the ISO day of week (1 Monday … 7 Sunday)', () => {
    expect(dayOfWeek('1970-01-01')).toBe(4);
    expect(dayOfWeek('2024-09-30')).toBe(1);
    expect(dayOfWeek('2024-10-06')).toBe(7);
    expect(dayOfWeek('1969-12-28')).toBe(7);
  });
});
