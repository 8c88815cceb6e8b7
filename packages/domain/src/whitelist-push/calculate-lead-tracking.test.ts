import { describe, expect, it } from 'vitest';
import { CN_HOLIDAY_CALENDAR } from '../calendar/holiday-calendar.ts';
import { calculateLeadTracking } from './calculate-lead-tracking.ts';

const track = (caseState: string, contacted: boolean, today = '2024-09-30') =>
  calculateLeadTracking({ caseState, contacted, pushedOn: '2024-09-27', today }, CN_HOLIDAY_CALENDAR);

describe('whitelist lead tracking (issue 10 item 5)', () => {
  it('reads pushed → contacted → applied → approved | declined → disbursed from the case state and contact mark', () => {
    expect(track('lead', false).status).toBe('pushed');
    expect(track('lead', true).status).toBe('contacted');
    for (const s of ['applied', 'risk_evaluated', 'value_evaluated', 'credit_rated'])
      expect(track(s, true).status).toBe('applied');
    for (const s of ['approved', 'contracted', 'registration_pending', 'registered'])
      expect(track(s, false).status).toBe('approved');
    expect(track('declined', true).status).toBe('declined');
    expect(track('withdrawn', true).status).toBe('declined');
    for (const s of ['disbursed', 'repaying', 'closed', 'overdue', 'non_performing', 'written_off'])
      expect(track(s, true).status).toBe('disbursed');
  });

  it('flags a lead not contacted within 10 working days, counting the National Day holidays and 调休 days', () => {
    // 2024-09-29 (Sunday) and 2024-10-12 (Saturday) are working days; 10-01 … 10-07 are holidays.
    expect(track('lead', false).followUpDueOn).toBe('2024-10-16');
    expect(track('lead', false, '2024-10-16').followUpOverdue).toBe(false);
    expect(track('lead', false, '2024-10-17').followUpOverdue).toBe(true);
    expect(track('lead', true, '2024-10-17').followUpOverdue).toBe(false);
    expect(track('applied', false, '2024-10-17').followUpOverdue).toBe(false);
  });
});
