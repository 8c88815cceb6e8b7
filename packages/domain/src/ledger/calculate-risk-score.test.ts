import { describe, expect, it } from 'vitest';
import { calculateRiskScore, type RiskEvaluationFacts } from './calculate-risk-score.ts';
import { demoRiskScorecard } from './demo-risk-scorecard.ts';

const solid: RiskEvaluationFacts = {
  yearsInOperation: 8,
  hasAdverseCreditRecord: false,
  overdueLoansLast24Months: 0,
  debtToAssetPct: 45,
  revenueGrowthPct: 12,
  isHighTechEnterprise: true,
  isOnWhitelist: true,
  pendingLitigationCount: 0,
  taxCreditGrade: 'A',
  grantedInventionPatentCount: 6,
};

describe('calculateRiskScore', () => {
  it('adds the points of every rule that holds to the base score and lists them as reasons', () => {
    const result = calculateRiskScore(solid, demoRiskScorecard);
    expect(result.score).toBe(60 + 5 + 5 + 5 + 5 + 5 + 5);
    expect(result.outcome).toBe('pass');
    expect(result.reasons.map((r) => r.ruleId)).toEqual([
      'established_firm',
      'revenue_growth',
      'high_tech',
      'whitelist',
      'tax_grade_good',
      'patent_portfolio',
    ]);
  });

  it('fails on a knockout rule whatever the score (adverse credit record)', () => {
    const result = calculateRiskScore({ ...solid, hasAdverseCreditRecord: true }, demoRiskScorecard);
    expect(result.score).toBe(60);
    expect(result.outcome).toBe('fail');
    expect(result.reasons[0]).toMatchObject({ ruleId: 'adverse_credit', knockout: true });
  });

  it('refers a score between the refer and pass thresholds to the approver', () => {
    const weak: RiskEvaluationFacts = {
      ...solid,
      yearsInOperation: 1,
      debtToAssetPct: 80,
      revenueGrowthPct: 0,
      isHighTechEnterprise: false,
      isOnWhitelist: false,
      taxCreditGrade: 'M',
      grantedInventionPatentCount: 0,
    };
    expect(calculateRiskScore(weak, demoRiskScorecard)).toMatchObject({ score: 40, outcome: 'fail' });
    expect(calculateRiskScore({ ...weak, debtToAssetPct: 50 }, demoRiskScorecard)).toMatchObject({
      score: 50,
      outcome: 'refer',
    });
  });

  it('treats a threshold as inclusive where the rule says ≥ (5 years counts as established)', () => {
    expect(
      calculateRiskScore({ ...solid, yearsInOperation: 5 }, demoRiskScorecard).reasons.some(
        (r) => r.ruleId === 'established_firm',
      ),
    ).toBe(true);
    expect(
      calculateRiskScore({ ...solid, yearsInOperation: 4 }, demoRiskScorecard).reasons.some(
        (r) => r.ruleId === 'established_firm',
      ),
    ).toBe(false);
  });

  it("scores with the scorecard it is given and names that scorecard's id and version (a bank's own card is data)", () => {
    const bankCard = {
      ...demoRiskScorecard,
      scorecardId: 'bank-own',
      version: 4,
      baseScore: 40,
      rules: demoRiskScorecard.rules.filter((r) => r.ruleId !== 'whitelist'),
    };
    const demo = calculateRiskScore(solid, demoRiskScorecard);
    const own = calculateRiskScore(solid, bankCard);
    expect(demo).toMatchObject({ scorecardId: 'demo-2026', scorecardVersion: 1, score: 90, outcome: 'pass' });
    // 40 + 5 × 5 (the whitelist rule is not on this card) = 65.
    expect(own).toMatchObject({ scorecardId: 'bank-own', scorecardVersion: 4, score: 65, outcome: 'pass' });
  });
});
