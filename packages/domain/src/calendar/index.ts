export * from './iso-date.ts';
export * from './holiday-calendar.ts';
export * from './calendar-errors.ts';
