import { describe, expect, it } from 'vitest';
import i18n from '../i18n/i18n.ts';
import { loanLabels } from './loan-labels.ts';

const zh = i18n.getFixedT('zh-CN');
const en = i18n.getFixedT('en');
const statuses = ['scheduled', 'due', 'partially_paid', 'overdue', 'paid', 'superseded'];

describe('loanLabels: servicing codes in words in both languages', () => {
  it('names every instalment status the server sends, with its colour', () => {
    expect(statuses.map((s) => loanLabels.installmentStatus(s, zh))).toEqual([
      '未到期',
      '今日到期',
      '部分还款',
      '逾期',
      '已还清',
      '已重排',
    ]);
    for (const s of statuses) expect(loanLabels.installmentStatus(s, en)).not.toBe(s);
    expect(loanLabels.installmentStatusColor('overdue')).toBe('red');
    expect(loanLabels.installmentStatusColor('paid')).toBe('green');
    expect(loanLabels.installmentStatus('unknown_code', zh)).toBe('unknown_code');
  });

  it('shows the five-category grade by its Chinese name, with the English name first in English', () => {
    expect(loanLabels.grade('special_mention', '关注', zh)).toBe('关注');
    expect(loanLabels.grade('special_mention', '关注', en)).toBe('Special mention (关注)');
    expect(loanLabels.grade('substandard', '次级', en)).toBe('Substandard (次级)');
  });

  it('names a repayment by its kind and prepayment option', () => {
    expect(loanLabels.repaymentKind('regular', null, zh)).toBe('正常还款');
    expect(loanLabels.repaymentKind('prepayment', 'shortenTerm', zh)).toBe('提前还款（缩短期限）');
    expect(loanLabels.repaymentKind('prepayment', 'lowerInstallment', zh)).toBe('提前还款（减少月供）');
    expect(loanLabels.repaymentKind('prepayment', 'full', zh)).toBe('提前结清');
    expect(loanLabels.loanStatus('closed', en)).toBe('Closed');
  });

  it('names the contract versions: the original, 展期 and 续贷', () => {
    expect(['original', 'extension', 'renewal'].map((k) => loanLabels.contractVersionKind(k, zh))).toEqual([
      '原合同',
      '展期',
      '续贷',
    ]);
    expect(loanLabels.contractVersionKind('renewal', en)).toBe('Renewal');
  });
});
