import dayjs from 'dayjs';
import { todayInShanghai } from '../cases/today-in-shanghai.ts';

/** Dates a new consent may run until, as ISO `YYYY-MM-DD`. */
export interface ConsentExpiryBounds {
  /** The first date the server accepts: tomorrow (it refuses `expiresOn ≤ today`, CONSENT_EXPIRY_INVALID). */
  readonly earliest: string;
  /** The dialog's default: one year from today. */
  readonly suggested: string;
}

/**
 * 授权截止日 bounds of 新增授权, counted from today in Asia/Shanghai (the platform's day, the one grant-consent checks)
 * rather than the browser's local date: a browser west of Shanghai would otherwise offer today as "tomorrow" before
 * 16:00 UTC, and the server would refuse it.
 */
export function consentExpiryBounds(now: Date = new Date()): ConsentExpiryBounds {
  const today = dayjs(todayInShanghai(now));
  return {
    earliest: today.add(1, 'day').format('YYYY-MM-DD'),
    suggested: today.add(1, 'year').format('YYYY-MM-DD'),
  };
}
