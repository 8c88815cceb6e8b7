import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CN_HOLIDAY_CALENDAR } from '../calendar/index.ts';
import {
  calculateRegistrationStatistics,
  type RegistrationStatisticsRecord,
} from './calculate-registration-statistics.ts';

const records: RegistrationStatisticsRecord[] = [
  { institutionId: 'bank-a', channel: 'online', filingDate: '2025-09-30', registeredDate: '2025-10-11' },
  { institutionId: 'bank-a', channel: 'online', filingDate: '2026-03-02', registeredDate: '2026-03-03' },
  { institutionId: 'bank-a', channel: 'offline', filingDate: '2026-03-02', registeredDate: '2026-03-05' },
  { institutionId: 'bank-a', channel: 'online', filingDate: '2026-03-02', registeredDate: null },
  { institutionId: 'bank-b', channel: 'offline', filingDate: '2026-03-02', registeredDate: '2026-03-06' },
  { institutionId: 'bank-b', channel: 'online', filingDate: '2026-03-02', registeredDate: '2026-03-02' },
];

describe('calculateRegistrationStatistics', () => {
  const stats = calculateRegistrationStatistics(records, {
    pilotInstitutionIds: ['bank-a'],
    calendar: CN_HOLIDAY_CALENDAR,
  });

  it('gives each institution its share registered online and working days from filing (holidays skipped, 调休 counted)', () => {
    expect(stats.byInstitution[0]).toEqual({
      institutionId: 'bank-a',
      pilot: true,
      filedCount: 4,
      registeredCount: 3,
      registeredOnlineCount: 2,
      onlineSharePct: '66.67',
      medianWorkingDays: '3.00',
      meanWorkingDays: '2.33',
      provisional: false,
    });
    expect(stats.byInstitution[1]).toMatchObject({
      institutionId: 'bank-b',
      pilot: false,
      onlineSharePct: '50.00',
      medianWorkingDays: '2.00',
      meanWorkingDays: '2.00',
    });
  });

  it('compares pilot with non-pilot institutions', () => {
    expect(stats.pilot.registeredCount).toBe(3);
    expect(stats.nonPilot.registeredCount).toBe(2);
  });

  it('reports nulls, not zeros, for a group with nothing registered', () => {
    expect(
      calculateRegistrationStatistics([], { pilotInstitutionIds: [], calendar: CN_HOLIDAY_CALENDAR }).pilot,
    ).toMatchObject({ onlineSharePct: null, medianWorkingDays: null });
  });

  it("property: the groups partition the institutions' counts", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            institutionId: fc.constantFrom('a', 'b', 'c'),
            channel: fc.constantFrom<'online' | 'offline'>('online', 'offline'),
            registered: fc.boolean(),
          }),
          { maxLength: 20 },
        ),
        fc.subarray(['a', 'b', 'c']),
        (rows, pilots) => {
          const input = rows.map((r) => ({
            institutionId: r.institutionId,
            channel: r.channel,
            filingDate: '2026-03-02',
            registeredDate: r.registered ? '2026-03-05' : null,
          }));
          const s = calculateRegistrationStatistics(input, {
            pilotInstitutionIds: pilots,
            calendar: CN_HOLIDAY_CALENDAR,
          });
          expect(s.pilot.filedCount + s.nonPilot.filedCount).toBe(rows.length);
          expect(s.byInstitution.reduce((n, i) => n + i.registeredOnlineCount, 0)).toBe(
            s.pilot.registeredOnlineCount + s.nonPilot.registeredOnlineCount,
          );
        },
      ),
    );
  });
});
