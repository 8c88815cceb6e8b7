import { defineErrors } from '../errors/error-catalogue.ts';

/** Errors of ISO dates and the holiday calendar. */
export const calendarErrors = defineErrors({
  DATE_FORMAT_INVALID: {
    status: 400,
    zh: '日期“{value}”无效：应为 YYYY-MM-DD 格式的真实日期。',
    en: 'The date "{value}" is not valid: use a real date as YYYY-MM-DD.',
  },
  DAY_COUNT_INVALID: {
    status: 400,
    zh: '天数必须为非负整数，实际为 {value}。',
    en: 'The number of days must be a non-negative integer, not {value}.',
  },
  HOLIDAY_CALENDAR_INVALID: {
    status: 500,
    zh: '节假日数据无效：{detail}。',
    en: 'The holiday calendar data is not valid: {detail}.',
  },
});
