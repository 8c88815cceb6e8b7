/**
 * 风险评测事实 (risk evaluation facts) the scorecard reads: gathered by the bank clerk from due diligence, the
 * credit report (征信, with the enterprise's consent) and the platform's records. Numbers are plain counts and
 * percents; money is not scored here.
 */
export interface RiskEvaluationFacts {
  readonly yearsInOperation: number;
  readonly hasAdverseCreditRecord: boolean;
  readonly overdueLoansLast24Months: number;
  readonly debtToAssetPct: number;
  readonly revenueGrowthPct: number;
  readonly isHighTechEnterprise: boolean;
  readonly isOnWhitelist: boolean;
  readonly pendingLitigationCount: number;
  /** 纳税信用等级 A, B, M, C, D. */
  readonly taxCreditGrade: 'A' | 'B' | 'M' | 'C' | 'D';
  readonly grantedInventionPatentCount: number;
}

/** The numeric facts a rule may compare. */
export type NumericRiskFact = {
  [K in keyof RiskEvaluationFacts]: RiskEvaluationFacts[K] extends number ? K : never;
}[keyof RiskEvaluationFacts];

/** The yes/no facts a rule may test. */
export type BooleanRiskFact = {
  [K in keyof RiskEvaluationFacts]: RiskEvaluationFacts[K] extends boolean ? K : never;
}[keyof RiskEvaluationFacts];

/** The condition of one rule: a comparison of a numeric fact, a yes/no fact, or the tax grade in a set. */
export type RiskRuleCondition =
  | { readonly fact: NumericRiskFact; readonly operator: '>=' | '<=' | '>' | '<'; readonly threshold: number }
  | { readonly fact: BooleanRiskFact; readonly operator: 'is'; readonly value: boolean }
  | {
      readonly fact: 'taxCreditGrade';
      readonly operator: 'in';
      readonly values: readonly RiskEvaluationFacts['taxCreditGrade'][];
    };

/** 评分规则 (scorecard rule): when the condition holds, add `points` (negative for risk); `knockout` fails outright. */
export interface RiskRule {
  readonly ruleId: string;
  readonly zh: string;
  readonly en: string;
  readonly condition: RiskRuleCondition;
  readonly points: number;
  readonly knockout?: boolean;
}

/** 评分卡 (scorecard) as versioned data: base score, rules, and the thresholds of the outcome bands. */
export interface RiskScorecard {
  readonly scorecardId: string;
  /** Raised whenever the bank changes the rules or thresholds; an evaluation records the version it used. */
  readonly version: number;
  readonly effectiveDate: string;
  readonly baseScore: number;
  readonly rules: readonly RiskRule[];
  /** score ≥ passScore → pass; ≥ referScore → refer to the approver with the reasons; below → fail. */
  readonly passScore: number;
  readonly referScore: number;
}

/** 评测结果 (outcome band). */
export type RiskOutcome = 'pass' | 'refer' | 'fail';

/** 风险评测结果 (risk evaluation result): score, band and every rule that fired, in scorecard order. */
export interface RiskScore {
  readonly scorecardId: string;
  readonly scorecardVersion: number;
  readonly score: number;
  readonly outcome: RiskOutcome;
  readonly reasons: readonly {
    readonly ruleId: string;
    readonly points: number;
    readonly knockout: boolean;
    readonly zh: string;
    readonly en: string;
  }[];
}

function holds(condition: RiskRuleCondition, facts: RiskEvaluationFacts): boolean {
  switch (condition.operator) {
    case 'is':
      return facts[condition.fact] === condition.value;
    case 'in':
      return condition.values.includes(facts.taxCreditGrade);
    case '>=':
      return facts[condition.fact] >= condition.threshold;
    case '<=':
      return facts[condition.fact] <= condition.threshold;
    case '>':
      return facts[condition.fact] > condition.threshold;
    case '<':
      return facts[condition.fact] < condition.threshold;
  }
}

/**
 * 风险评测 (risk evaluation score): `baseScore + Σ points of the rules that hold`; outcome `fail` when a
 * knockout rule holds or the score is below `referScore`, `refer` below `passScore`, else `pass`. Every fired
 * rule is a reason shown to the clerk and approver. Weights are data (see `demoRiskScorecard`), not constants.
 * Source: issue 5 item 3 (风险评测: rules and a score with reasons).
 */
export function calculateRiskScore(facts: RiskEvaluationFacts, scorecard: RiskScorecard): RiskScore {
  const fired = scorecard.rules.filter((rule) => holds(rule.condition, facts));
  const score = fired.reduce((sum, rule) => sum + rule.points, scorecard.baseScore);
  const knockedOut = fired.some((rule) => rule.knockout === true);
  const outcome: RiskOutcome =
    knockedOut || score < scorecard.referScore ? 'fail' : score < scorecard.passScore ? 'refer' : 'pass';
  return {
    scorecardId: scorecard.scorecardId,
    scorecardVersion: scorecard.version,
    score,
    outcome,
    reasons: fired.map((rule) => ({
      ruleId: rule.ruleId,
      points: rule.points,
      knockout: rule.knockout === true,
      zh: rule.zh,
      en: rule.en,
    })),
  };
}
