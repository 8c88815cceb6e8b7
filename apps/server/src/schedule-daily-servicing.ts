import { addDays } from '@ipf/domain/calendar';
import {
  runDailyServicingJob,
  runMonthlyWhitelistPush,
  systemActor,
  toShanghaiDate,
  type AppDeps,
} from '@ipf/app';

/** Asia/Shanghai is UTC+8 all year (no daylight saving time). */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * Milliseconds from `now` to the next `HH:MM` wall-clock time in Asia/Shanghai (a full day when it is that time
 * exactly). Example: 2026-03-02T16:00Z (00:00 in Shanghai) to 00:30 → 30 minutes.
 */
export function msUntilNextShanghaiTime(now: Date, hhmm: string): number {
  const [hours, minutes] = hhmm.split(':').map(Number) as [number, number];
  const local = now.getTime() + SHANGHAI_OFFSET_MS;
  const dayStart = local - (((local % 86_400_000) + 86_400_000) % 86_400_000);
  let next = dayStart + (hours * 60 + minutes) * 60_000;
  if (next <= local) next += 86_400_000;
  return next - local;
}

export interface DailyServicingScheduler {
  /** Stops the schedule and waits for a run in progress to finish. */
  stop(): Promise<void>;
}

/**
 * 日终调度 (the daily servicing schedule): at `HH:MM` Asia/Shanghai every day, the daily job runs for the day
 * just ended; once at start-up it also runs for yesterday, so a day missed while the server was down is caught
 * up (a completed run returns at once, an interrupted one is continued). Failures are logged and retried at the
 * next tick. A second step makes the month's whitelist push (issue 10 item 5) from `whitelistPushDay` on, once per
 * round × bank × month (`runMonthlyWhitelistPush`), so a day missed is caught up the next day.
 */
export function scheduleDailyServicing(
  deps: AppDeps,
  hhmm: string,
  whitelistPushDay = 1,
): DailyServicingScheduler {
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  const runForYesterday = async () => {
    const businessDate = addDays(toShanghaiDate(deps.clock.now()), -1);
    try {
      const run = await runDailyServicingJob(
        { businessDate },
        systemActor(`daily-servicing-${businessDate}`),
        deps,
      );
      deps.log.info({ run }, 'daily servicing run');
    } catch (error) {
      deps.log.error({ err: error, businessDate }, 'daily servicing run failed');
    }
    try {
      const push = await runMonthlyWhitelistPush(
        { dayOfMonth: whitelistPushDay },
        systemActor(`whitelist-push-${businessDate}`),
        deps,
      );
      if (push.pushes.length > 0) deps.log.info({ push }, 'monthly whitelist push');
    } catch (error) {
      deps.log.error({ err: error }, 'monthly whitelist push failed');
    }
  };
  const arm = () => {
    if (stopped) return;
    timer = setTimeout(
      () => {
        running = runForYesterday().finally(arm);
      },
      msUntilNextShanghaiTime(deps.clock.now(), hhmm),
    );
    timer.unref();
  };
  running = runForYesterday().finally(arm);
  return {
    async stop() {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
      await running;
    },
  };
}
