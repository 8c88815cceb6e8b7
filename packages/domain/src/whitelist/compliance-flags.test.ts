import { describe, expect, it } from 'vitest';
import { combineWhitelist } from './combine-whitelist.ts';
import {
  complianceFlagKinds,
  isComplianceFlagActive,
  isRecordedComplianceFlagKind,
  recordedComplianceFlagKinds,
} from './compliance-flags.ts';
import { defaultWhitelistRules } from './whitelist-rules.ts';

describe('compliance flags', () => {
  it('holds a flag from its effective day up to, not including, the day it is cleared', () => {
    const flag = { effectiveOn: '2026-01-10', clearedOn: '2026-03-01' };
    expect(isComplianceFlagActive(flag, '2026-01-09')).toBe(false);
    expect(isComplianceFlagActive(flag, '2026-01-10')).toBe(true);
    expect(isComplianceFlagActive(flag, '2026-02-28')).toBe(true);
    expect(isComplianceFlagActive(flag, '2026-03-01')).toBe(false);
    expect(isComplianceFlagActive({ effectiveOn: '2026-01-10', clearedOn: null }, '2030-01-01')).toBe(true);
  });

  it('lets the bureau record the authorities’ kinds but never the derived platform default', () => {
    for (const kind of recordedComplianceFlagKinds) expect(isRecordedComplianceFlagKind(kind)).toBe(true);
    expect(isRecordedComplianceFlagKind('platform_default')).toBe(false);
    expect(complianceFlagKinds).toContain('platform_default');
    expect(isRecordedComplianceFlagKind('bad_mood')).toBe(false);
  });

  it('keeps an otherwise eligible enterprise off the whitelist with COMPLIANCE_FLAG while a flag is active', () => {
    const record = {
      enterpriseId: 'e1',
      valuationScore: 90,
      validInventionPatents: 3,
      patentGrowth3y: 1,
      overdueCount: 0,
    };
    const grades = new Map([
      ['e1', 'A' as const],
      ['e2', 'A' as const],
    ]);
    const [flagged, clean] = combineWhitelist(defaultWhitelistRules, grades, [
      { ...record, complianceFlags: ['dishonest_debtor'] },
      { ...record, enterpriseId: 'e2', complianceFlags: [] },
    ]);
    expect(flagged).toMatchObject({ included: false, reasons: ['COMPLIANCE_FLAG'] });
    expect(flagged!.suggestedCreditBand).toBeUndefined();
    expect(clean).toMatchObject({ included: true, reasons: [] });
  });
});
