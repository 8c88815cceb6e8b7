import type { BankProduct } from './bank-product.ts';

/**
 * 演示产品 (demo bank products) for the seed and tests. Every figure is an *example* (domain-reference.md
 * "Typical pledge rates": invention ≤ 25 %, utility model ≤ 15 %, trademark ≤ 50 % of appraised value); real
 * products are entered by banks as data.
 */
export const demoBankProducts: readonly BankProduct[] = [
  {
    productId: 'prd-demo-ipdai',
    bankPartyId: 'bank-demo',
    nameZh: '知识产权质押贷（示例）',
    nameEn: 'IP pledge loan (example)',
    acceptedIpKinds: ['invention_patent', 'utility_model_patent', 'trademark', 'software_copyright'],
    minAmountFen: 100_000_00n,
    maxAmountFen: 30_000_000_00n,
    minTermMonths: 6,
    maxTermMonths: 36,
    lprTenor: '1y',
    minSpreadBps: -20,
    maxSpreadBps: 150,
    repaymentMethods: ['annuity', 'equalPrincipal', 'interestOnly'],
    maxPledgeRateBpsByKind: {
      invention_patent: 2500,
      utility_model_patent: 1500,
      trademark: 5000,
      software_copyright: 3000,
    },
    combinedModels: ['pledge_only', 'plus_guarantee', 'plus_insurance'],
    approvalLevels: [
      { level: 1, zh: '支行审批', en: 'Sub-branch', maxAmountFen: 3_000_000_00n },
      { level: 2, zh: '分行审批', en: 'Branch', maxAmountFen: 10_000_000_00n },
      { level: 3, zh: '总行审批', en: 'Head office', maxAmountFen: null },
    ],
    creditCommitteeThresholdFen: 5_000_000_00n,
    disbursementRequiresRegistration: true,
    allowsInternalEvaluationUpToFen: 1_000_000_00n,
  },
  {
    productId: 'prd-demo-kejidai',
    bankPartyId: 'bank-demo-2',
    nameZh: '科技成长贷（质押+担保，示例）',
    nameEn: 'Tech growth loan, pledge plus guarantee (example)',
    acceptedIpKinds: [
      'invention_patent',
      'utility_model_patent',
      'design_patent',
      'ic_layout_design',
      'trademark',
    ],
    minAmountFen: 500_000_00n,
    maxAmountFen: 10_000_000_00n,
    minTermMonths: 12,
    maxTermMonths: 12,
    lprTenor: '1y',
    minSpreadBps: 0,
    maxSpreadBps: 100,
    repaymentMethods: ['interestOnly', 'bullet'],
    maxPledgeRateBpsByKind: {
      invention_patent: 2500,
      utility_model_patent: 1500,
      design_patent: 1000,
      ic_layout_design: 2000,
      trademark: 5000,
    },
    combinedModels: ['plus_guarantee'],
    approvalLevels: [
      { level: 1, zh: '支行审批', en: 'Sub-branch', maxAmountFen: 2_000_000_00n },
      { level: 2, zh: '分行审批', en: 'Branch', maxAmountFen: null },
    ],
    creditCommitteeThresholdFen: null,
    disbursementRequiresRegistration: false,
    allowsInternalEvaluationUpToFen: null,
  },
];
