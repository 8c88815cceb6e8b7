import type { ClauseSource, SubsidyScheme } from './subsidy-scheme.ts';

/** The source of every example clause: domain-reference.md, not yet the published text (values are *examples*). */
function exampleSource(document: string, article: string): ClauseSource {
  return {
    document: `${document}（示例 example, domain-reference.md "Subsidies"）`,
    article,
    isExample: true,
  };
}

const NANSHAN_DOC = '南山区知识产权质押融资贴息贴费政策';
const FUTIAN_DOC = '福田区专利权质押融资贴息政策';
const CITY_DOC = '深圳市科技型企业贷款贴息贴费政策';
const FEE_KINDS = ['guarantee_fee', 'insurance_premium', 'evaluation_fee', 'service_fee'] as const;

/**
 * 南山 example: 70% of interest, guarantee, insurance and evaluation fees actually paid, ≤ CNY 1.5 m per firm per year
 * (domain-reference.md "Subsidies"). Registration in 南山 and a registered pledge are assumed conditions of the
 * example; the effective period is illustrative.
 */
export const NANSHAN_IP_PLEDGE_SUBSIDY_EXAMPLE: SubsidyScheme = {
  schemeId: 'nanshan-ip-pledge-subsidy',
  version: 1,
  nameZh: '南山区知识产权质押融资贴息贴费（示例）',
  nameEn: 'Nanshan IP pledge financing interest and fee subsidy (example)',
  issuingBody: '南山区（示例）',
  effectiveFrom: '2024-01-01',
  effectiveTo: '2026-12-31',
  source: exampleSource(NANSHAN_DOC, 'scheme'),
  beneficiary: 'enterprise',
  eligibility: [
    {
      kind: 'district',
      basis: 'registration',
      districts: ['nanshan'],
      source: exampleSource(NANSHAN_DOC, 'eligibility: registered in 南山'),
    },
    { kind: 'pledge_registered', source: exampleSource(NANSHAN_DOC, 'eligibility: pledge registered') },
  ],
  benefits: (['interest', 'guarantee_fee', 'insurance_premium', 'evaluation_fee'] as const).map(
    (costKind) => ({
      kind: 'cost_share' as const,
      costKind,
      ratePct: '70',
      source: exampleSource(
        NANSHAN_DOC,
        '70% of interest, guarantee, insurance and evaluation fees actually paid',
      ),
    }),
  ),
  countedCostLimits: [],
  caps: [
    {
      kind: 'per_firm_per_year',
      capFen: 1_500_000_00n,
      source: exampleSource(NANSHAN_DOC, '≤ CNY 1.5 m per firm per year'),
    },
  ],
  trigger: { kind: 'per_year', source: exampleSource(NANSHAN_DOC, 'per year, costs actually paid') },
  stacking: { excludesSchemeIds: [], source: exampleSource(NANSHAN_DOC, 'no exclusion stated') },
  budget: {
    totalFen: null,
    whenShort: 'grant_partial',
    source: exampleSource(NANSHAN_DOC, 'no budget stated'),
  },
};

/**
 * 福田 example: patent-only pledge loans of ≤ 1 year filed with the district; after full repayment 50% of interest,
 * fees counted up to 4% of principal, ≤ CNY 2 m; budget first come first served; no stacking with other 福田
 * interest subsidies (domain-reference.md "Subsidies"). The filing deadline (30 days), budget (CNY 10 m) and the
 * excluded scheme id are illustrative.
 */
export const FUTIAN_PATENT_PLEDGE_SUBSIDY_EXAMPLE: SubsidyScheme = {
  schemeId: 'futian-patent-pledge-subsidy',
  version: 1,
  nameZh: '福田区专利权质押融资贴息（示例）',
  nameEn: 'Futian patent pledge loan interest subsidy (example)',
  issuingBody: '福田区（示例）',
  effectiveFrom: '2024-01-01',
  effectiveTo: '2026-12-31',
  source: exampleSource(FUTIAN_DOC, 'scheme'),
  beneficiary: 'enterprise',
  eligibility: [
    {
      kind: 'district',
      basis: 'registration',
      districts: ['futian'],
      source: exampleSource(FUTIAN_DOC, 'registered in 福田'),
    },
    {
      kind: 'district',
      basis: 'tax',
      districts: ['futian'],
      source: exampleSource(FUTIAN_DOC, 'tax certificate: taxed in 福田'),
    },
    {
      kind: 'pledged_ip_kinds',
      allowedKinds: ['invention_patent', 'utility_model_patent', 'design_patent'],
      source: exampleSource(FUTIAN_DOC, 'patent-only pledge loans'),
    },
    { kind: 'max_loan_term', maxTermMonths: 12, source: exampleSource(FUTIAN_DOC, 'loans of ≤ 1 year') },
    { kind: 'pledge_registered', source: exampleSource(FUTIAN_DOC, 'CNIPA pledge certificate') },
    {
      kind: 'filed_with_district',
      withinDays: 30,
      source: exampleSource(FUTIAN_DOC, 'filed with the district (deadline illustrative: 30 days)'),
    },
    { kind: 'fully_repaid', source: exampleSource(FUTIAN_DOC, 'bank payoff certificate') },
  ],
  benefits: [
    {
      kind: 'cost_share',
      costKind: 'interest',
      ratePct: '50',
      source: exampleSource(FUTIAN_DOC, '50% of interest'),
    },
    ...FEE_KINDS.map((costKind) => ({
      kind: 'cost_share' as const,
      costKind,
      ratePct: '50',
      source: exampleSource(FUTIAN_DOC, '50% of fees'),
    })),
  ],
  countedCostLimits: [
    {
      costKinds: FEE_KINDS,
      pctOfPrincipal: '4',
      source: exampleSource(FUTIAN_DOC, 'fees counted up to 4% of principal'),
    },
  ],
  caps: [
    { kind: 'per_firm_per_year', capFen: 2_000_000_00n, source: exampleSource(FUTIAN_DOC, '≤ CNY 2 m') },
  ],
  trigger: { kind: 'after_full_repayment', source: exampleSource(FUTIAN_DOC, 'after full repayment') },
  stacking: {
    excludesSchemeIds: ['futian-sci-tech-interest-subsidy'],
    source: exampleSource(FUTIAN_DOC, 'no stacking with other 福田 interest subsidies'),
  },
  budget: {
    totalFen: 10_000_000_00n,
    whenShort: 'grant_partial',
    source: exampleSource(FUTIAN_DOC, 'budget first come first served (amount illustrative)'),
  },
};

/**
 * City tech-loan example: 50% of interest (70% for a first loan), guarantee fee 50% ≤ 300 k a year, small-loan
 * insurance premium 50% ≤ 500 k a year, ≤ 1 m per firm per year and ≤ 3 m in total (domain-reference.md
 * "Subsidies"). The 科技型 flag as the condition of a "tech loan" is an assumption of the example.
 */
export const CITY_TECH_LOAN_SUBSIDY_EXAMPLE: SubsidyScheme = {
  schemeId: 'sz-city-tech-loan-subsidy',
  version: 1,
  nameZh: '深圳市科技型企业贷款贴息贴费（示例）',
  nameEn: 'Shenzhen tech-enterprise loan interest and fee subsidy (example)',
  issuingBody: '深圳市（示例）',
  effectiveFrom: '2024-01-01',
  effectiveTo: null,
  source: exampleSource(CITY_DOC, 'scheme'),
  beneficiary: 'enterprise',
  eligibility: [
    {
      kind: 'enterprise_flag',
      flag: 'tech_sme',
      source: exampleSource(CITY_DOC, 'tech enterprises (科技型)'),
    },
  ],
  benefits: [
    {
      kind: 'cost_share',
      costKind: 'interest',
      ratePct: '50',
      firstLoanRatePct: '70',
      source: exampleSource(CITY_DOC, '50% of interest, 70% for a first loan'),
    },
    {
      kind: 'cost_share',
      costKind: 'guarantee_fee',
      ratePct: '50',
      source: exampleSource(CITY_DOC, 'guarantee fee 50%'),
    },
    {
      kind: 'cost_share',
      costKind: 'insurance_premium',
      ratePct: '50',
      source: exampleSource(CITY_DOC, 'small-loan insurance premium 50%'),
    },
  ],
  countedCostLimits: [],
  caps: [
    {
      kind: 'per_line_per_year',
      line: 'guarantee_fee',
      capFen: 300_000_00n,
      source: exampleSource(CITY_DOC, 'guarantee fee ≤ 300 k a year'),
    },
    {
      kind: 'per_line_per_year',
      line: 'insurance_premium',
      capFen: 500_000_00n,
      source: exampleSource(CITY_DOC, 'insurance premium ≤ 500 k a year'),
    },
    {
      kind: 'per_firm_per_year',
      capFen: 1_000_000_00n,
      source: exampleSource(CITY_DOC, '≤ 1 m per firm per year'),
    },
    { kind: 'per_firm_lifetime', capFen: 3_000_000_00n, source: exampleSource(CITY_DOC, '≤ 3 m in total') },
  ],
  trigger: { kind: 'per_year', source: exampleSource(CITY_DOC, 'per year') },
  stacking: {
    excludesSchemeIds: [],
    source: exampleSource(CITY_DOC, 'stacks, within 100% of the cost paid'),
  },
  budget: { totalFen: null, whenShort: 'grant_partial', source: exampleSource(CITY_DOC, 'no budget stated') },
};

/**
 * Illustrative bank reward (not in domain-reference.md; every value is a placeholder): CNY 10,000 per first loan
 * (首贷) to a 科技型 enterprise, plus 0.5% of principal, ≤ CNY 500,000 per bank per year. Shows rewards to
 * institutions in the same engine (issue 9 item 2).
 */
export const BANK_FIRST_LOAN_REWARD_EXAMPLE: SubsidyScheme = {
  schemeId: 'bank-first-loan-reward',
  version: 1,
  nameZh: '银行首贷奖励（示例）',
  nameEn: 'Bank first-loan reward (example)',
  issuingBody: '深圳市（示例）',
  effectiveFrom: '2024-01-01',
  effectiveTo: null,
  source: { document: 'illustrative example, no published source', article: 'scheme', isExample: true },
  beneficiary: 'bank',
  eligibility: [
    {
      kind: 'enterprise_flag',
      flag: 'first_loan',
      source: { document: 'illustrative example', article: 'first loan 首贷', isExample: true },
    },
    {
      kind: 'pledge_registered',
      source: { document: 'illustrative example', article: 'registered IP pledge', isExample: true },
    },
  ],
  benefits: [
    {
      kind: 'loan_reward',
      amountFen: 10_000_00n,
      source: { document: 'illustrative example', article: 'per first loan', isExample: true },
    },
    {
      kind: 'volume_reward',
      ratePct: '0.5',
      source: { document: 'illustrative example', article: 'on volume', isExample: true },
    },
  ],
  countedCostLimits: [],
  caps: [
    {
      kind: 'per_firm_per_year',
      capFen: 500_000_00n,
      source: { document: 'illustrative example', article: 'per bank per year', isExample: true },
    },
  ],
  trigger: {
    kind: 'per_year',
    source: { document: 'illustrative example', article: 'per year', isExample: true },
  },
  stacking: {
    excludesSchemeIds: [],
    source: { document: 'illustrative example', article: 'none', isExample: true },
  },
  budget: {
    totalFen: 5_000_000_00n,
    whenShort: 'refuse',
    source: { document: 'illustrative example', article: 'budget', isExample: true },
  },
};

/** The three example subsidy schemes of domain-reference.md and the illustrative reward. */
export const EXAMPLE_SUBSIDY_SCHEMES: readonly SubsidyScheme[] = [
  NANSHAN_IP_PLEDGE_SUBSIDY_EXAMPLE,
  FUTIAN_PATENT_PLEDGE_SUBSIDY_EXAMPLE,
  CITY_TECH_LOAN_SUBSIDY_EXAMPLE,
  BANK_FIRST_LOAN_REWARD_EXAMPLE,
];
