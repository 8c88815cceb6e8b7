import {
  isCalendarYearCovered,
  isWorkingDay,
  addDays,
  type HolidayCalendar,
  type IsoDate,
} from '../calendar/index.ts';
import { divideRounded } from '../money/index.ts';

/** 登记记录 (one registration record) for statistics: who filed, how, when filed and when registered. */
export interface RegistrationStatisticsRecord {
  readonly institutionId: string;
  readonly channel: 'online' | 'offline';
  readonly filingDate: IsoDate;
  /** null while not (yet) registered. */
  readonly registeredDate: IsoDate | null;
}

/** 登记统计 (figures of one group): counts, share registered online, working days from filing to registration. */
export interface RegistrationFigures {
  readonly filedCount: number;
  readonly registeredCount: number;
  readonly registeredOnlineCount: number;
  /** Registered online ÷ registered, in percent with two decimals (half-up); null when none registered. */
  readonly onlineSharePct: string | null;
  /** Working days from filing to registration, two decimals; null when none registered. */
  readonly medianWorkingDays: string | null;
  readonly meanWorkingDays: string | null;
  readonly provisional: boolean;
}

/** Statistics per institution and for pilot vs non-pilot institutions. */
export interface RegistrationStatistics {
  readonly byInstitution: readonly (RegistrationFigures & {
    readonly institutionId: string;
    readonly pilot: boolean;
  })[];
  readonly pilot: RegistrationFigures;
  readonly nonPilot: RegistrationFigures;
}

/** Working days after `from` up to and including `to`; 0 when registered on the filing day. */
function countWorkingDays(
  from: IsoDate,
  to: IsoDate,
  calendar: HolidayCalendar,
): { days: number; provisional: boolean } {
  let days = 0;
  let provisional = false;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) {
    if (!isCalendarYearCovered(d, calendar)) provisional = true;
    if (isWorkingDay(d, calendar)) days += 1;
  }
  return { days, provisional };
}

/** A ratio of integers as a decimal string with two places, rounded half-up. */
function ratioText(numerator: number, denominator: number): string {
  const hundredths = divideRounded(BigInt(numerator) * 100n, BigInt(denominator), 'halfUp');
  return `${hundredths / 100n}.${(hundredths % 100n).toString().padStart(2, '0')}`;
}

function figures(
  records: readonly RegistrationStatisticsRecord[],
  calendar: HolidayCalendar,
): RegistrationFigures {
  const registered = records.filter(
    (r): r is RegistrationStatisticsRecord & { registeredDate: IsoDate } => r.registeredDate !== null,
  );
  const counts = registered.map((r) => countWorkingDays(r.filingDate, r.registeredDate, calendar));
  const days = counts.map((c) => c.days).sort((a, b) => a - b);
  const n = days.length;
  const online = registered.filter((r) => r.channel === 'online').length;
  const lower = days[Math.floor((n - 1) / 2)] ?? 0;
  const upper = days[Math.ceil((n - 1) / 2)] ?? 0;
  return {
    filedCount: records.length,
    registeredCount: n,
    registeredOnlineCount: online,
    onlineSharePct: n === 0 ? null : ratioText(online * 100, n),
    medianWorkingDays: n === 0 ? null : ratioText(lower + upper, 2),
    meanWorkingDays:
      n === 0
        ? null
        : ratioText(
            days.reduce((s, d) => s + d, 0),
            n,
          ),
    provisional: counts.some((c) => c.provisional),
  };
}

/**
 * 登记统计 (registration statistics) per institution and for pilot vs non-pilot institutions: share of
 * registrations done online (paperless since 2024-05-29) and working days from filing to registration (median
 * and mean), counted with the holiday calendar (weekends, holidays and 调休 working days; `provisional` when a year
 * is missing). Pure over the records; institutions sorted by id. Source: issue 5 item 6 "per institution".
 */
export function calculateRegistrationStatistics(
  records: readonly RegistrationStatisticsRecord[],
  options: { readonly pilotInstitutionIds: readonly string[]; readonly calendar: HolidayCalendar },
): RegistrationStatistics {
  const pilots = new Set(options.pilotInstitutionIds);
  const ids = [...new Set(records.map((r) => r.institutionId))].sort();
  return {
    byInstitution: ids.map((institutionId) => ({
      institutionId,
      pilot: pilots.has(institutionId),
      ...figures(
        records.filter((r) => r.institutionId === institutionId),
        options.calendar,
      ),
    })),
    pilot: figures(
      records.filter((r) => pilots.has(r.institutionId)),
      options.calendar,
    ),
    nonPilot: figures(
      records.filter((r) => !pilots.has(r.institutionId)),
      options.calendar,
    ),
  };
}
