import { describe, expect, it } from 'vitest';
import { caseLabels, eventReasonLabel } from '../cases/case-labels.ts';
import i18n from '../i18n/i18n.ts';
import { claimReasonLabel, claimRoleLabel, claimStateLabel, claimStates } from './claim-labels.ts';

const zh = i18n.getFixedT('zh-CN');
const en = i18n.getFixedT('en');

describe('claim labels: states, kinds and timeline steps in words in both languages', () => {
  it('names every claim state of states.md', () => {
    expect(claimStates.map((s) => claimStateLabel(s, zh))).toEqual([
      '已申请',
      '审查中',
      '已核定',
      '已拒赔',
      '已支付',
      '已返还追偿款',
    ]);
    expect(claimStates.map((s) => claimStateLabel(s, en))).not.toContain('filed');
  });

  it('calls a claim by what it is for its payer: 代偿 from a guarantor, 理赔 from an insurer, 补偿 from a pool', () => {
    expect(['guarantor', 'insurer', 'pool'].map((r) => claimRoleLabel(r, zh))).toEqual([
      '担保代偿',
      '保险理赔',
      '资金池补偿',
    ]);
  });

  it('labels the claim steps and their reasons on the case timeline, leaving other codes alone', () => {
    expect(caseLabels.action('pay_risk_claim', 'zh-CN')).toBe('代偿/理赔/补偿支付');
    expect(caseLabels.action('share_risk_recovery', 'en')).toBe('Recovery shared back');
    expect(eventReasonLabel('pool_claim', 'file_claim', 'zh-CN', zh)).toBe('资金池补偿');
    expect(claimReasonLabel('guarantee_pool_claim', zh)).toBeNull();
    expect(claimReasonLabel('formal_report', zh)).toBeNull();
  });
});
