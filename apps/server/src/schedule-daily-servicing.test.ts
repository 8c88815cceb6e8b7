import { describe, expect, it } from 'vitest';
import { msUntilNextShanghaiTime } from './schedule-daily-servicing.ts';

describe('daily servicing schedule (00:30 Asia/Shanghai, UTC+8 without daylight saving)', () => {
  it('waits until the next 00:30 in Shanghai, whatever the UTC date', () => {
    // 2026-03-02 00:00 in Shanghai.
    expect(msUntilNextShanghaiTime(new Date('2026-03-01T16:00:00Z'), '00:30')).toBe(30 * 60_000);
    // 2026-03-02 10:00 in Shanghai: next is 2026-03-03 00:30, 14 h 30 min later.
    expect(msUntilNextShanghaiTime(new Date('2026-03-02T02:00:00Z'), '00:30')).toBe((14 * 60 + 30) * 60_000);
  });

  it('at the time exactly, waits a full day (the run of today has started)', () => {
    expect(msUntilNextShanghaiTime(new Date('2026-03-01T16:30:00Z'), '00:30')).toBe(86_400_000);
  });
});
