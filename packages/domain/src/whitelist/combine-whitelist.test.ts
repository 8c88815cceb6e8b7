import { describe, expect, it } from 'vitest';
import { combineWhitelist } from './combine-whitelist.ts';
import { defaultWhitelistRules, type WhitelistIpRecord } from './whitelist-rules.ts';

const good: WhitelistIpRecord = {
  enterpriseId: 'e-1',
  valuationScore: 85,
  validInventionPatents: 3,
  patentGrowth3y: 2,
  overdueCount: 0,
};

describe('combineWhitelist (rules v1)', () => {
  it('includes an enterprise meeting every rule, with the band of its grade and score (B, 85 → 300–600 万元)', () => {
    expect(combineWhitelist(defaultWhitelistRules, [{ enterpriseId: 'e-1', grade: 'B' }], [good])).toEqual([
      {
        enterpriseId: 'e-1',
        grade: 'B',
        included: true,
        reasons: [],
        suggestedCreditBand: { minWan: 300, maxWan: 600 },
      },
    ]);
  });

  it('takes the highest band the score reaches (A, 65 → 300–600; A, 95 → 500–1000)', () => {
    const grades = new Map([
      ['a', 'A' as const],
      ['b', 'A' as const],
    ]);
    const [a, b] = combineWhitelist(defaultWhitelistRules, grades, [
      { ...good, enterpriseId: 'a', valuationScore: 65 },
      { ...good, enterpriseId: 'b', valuationScore: 95 },
    ]);
    expect(a!.suggestedCreditBand).toEqual({ minWan: 300, maxWan: 600 });
    expect(b!.suggestedCreditBand).toEqual({ minWan: 500, maxWan: 1000 });
  });

  it('leaves out and explains: no grade, grade D, no invention patent, low or missing score, overdue, flags', () => {
    const grades = new Map([
      ['no-grade', null],
      ['d', 'D' as const],
      ['all', 'D' as const],
      ['missing', 'A' as const],
    ]);
    const entries = combineWhitelist(defaultWhitelistRules, grades, [
      { ...good, enterpriseId: 'no-grade' },
      { ...good, enterpriseId: 'd' },
      {
        enterpriseId: 'all',
        valuationScore: 40,
        validInventionPatents: 0,
        patentGrowth3y: 0,
        overdueCount: 2,
        complianceFlags: ['abnormal_operation'],
      },
      { ...good, enterpriseId: 'missing', valuationScore: null },
      { ...good, enterpriseId: 'not-graded-at-all' },
    ]);
    expect(entries.map((e) => [e.enterpriseId, e.included, e.reasons])).toEqual([
      ['no-grade', false, ['NO_GRADE']],
      ['d', false, ['GRADE_BELOW_MINIMUM']],
      [
        'all',
        false,
        [
          'GRADE_BELOW_MINIMUM',
          'TOO_FEW_INVENTION_PATENTS',
          'VALUATION_SCORE_TOO_LOW',
          'OVERDUE',
          'COMPLIANCE_FLAG',
        ],
      ],
      ['missing', false, ['VALUATION_SCORE_MISSING']],
      ['not-graded-at-all', false, ['NO_GRADE']],
    ]);
    expect(entries.every((e) => e.suggestedCreditBand === undefined)).toBe(true);
  });

  it('follows the published rules as data: excludeOverdue off lets an overdue enterprise in', () => {
    const rules = { ...defaultWhitelistRules, version: 'v2', excludeOverdue: false };
    const [entry] = combineWhitelist(
      rules,
      [{ enterpriseId: 'e-1', grade: 'C' }],
      [{ ...good, overdueCount: 1 }],
    );
    expect(entry).toMatchObject({ included: true, suggestedCreditBand: { minWan: 200, maxWan: 400 } });
  });
});
