import {
  addCalendarDaysWithHolidayRollover,
  addWorkingDays,
  type CalendarDateResult,
  type HolidayCalendar,
  type IsoDate,
} from '../calendar/index.ts';
import type { ServiceTimeLimit } from './registration-authorities.ts';

/**
 * 办结期限 (decision due date) of a registration step: "N working days" counted from the day after `startDate`
 * skipping weekends and holidays and counting 调休 working days; "N days" as calendar days from the day after,
 * rolled to the next working day when the last day is a holiday (民法典 art. 201, 203); `immediate` = the start
 * date. `startDate` is the filing date, or the day the defects were fully cured (补正完成). Examples: patent filed
 * 2025-09-30 + 3 working days → 2025-10-11 (the 调休 Saturday after National Day); copyright 2025-09-21 + 10 days
 * = 10-01 → 2025-10-09. `provisional` when a year without holiday data was crossed.
 */
export function calculateRegistrationDueDate(
  startDate: IsoDate,
  limit: ServiceTimeLimit,
  calendar: HolidayCalendar,
): CalendarDateResult {
  switch (limit.unit) {
    case 'working_days':
      return addWorkingDays(startDate, limit.count, calendar);
    case 'calendar_days':
      return addCalendarDaysWithHolidayRollover(startDate, limit.count, calendar);
    case 'immediate':
      return { date: startDate, provisional: false };
  }
}
