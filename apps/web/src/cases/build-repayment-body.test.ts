import { describe, expect, it } from 'vitest';
import { buildRepaymentBody } from './build-repayment-body.ts';

describe('buildRepaymentBody: the repayment form as the RepaymentBody contract, amounts exact in 元', () => {
  it('sends a regular repayment of the typed amount as a two-decimal yuan string', () => {
    expect(buildRepaymentBody('regular', '85,291.67')).toEqual({ kind: 'regular', amountYuan: '85291.67' });
    expect(buildRepaymentBody('regular', '¥ 1 000 000.5')).toEqual({
      kind: 'regular',
      amountYuan: '1000000.50',
    });
  });

  it('keeps every fen of a sum beyond 2^53 fen', () => {
    expect(buildRepaymentBody('regular', '90071992547409.93')).toEqual({
      kind: 'regular',
      amountYuan: '90071992547409.93',
    });
  });

  it('sends a prepayment of principal with its option, shorten term or lower instalment', () => {
    expect(buildRepaymentBody('shortenTerm', '100000')).toEqual({
      kind: 'prepayment',
      principalYuan: '100000.00',
      option: 'shortenTerm',
    });
    expect(buildRepaymentBody('lowerInstallment', '0.01')).toEqual({
      kind: 'prepayment',
      principalYuan: '0.01',
      option: 'lowerInstallment',
    });
  });

  it('settles in full without an amount', () => {
    expect(buildRepaymentBody('settleInFull', '')).toEqual({ kind: 'prepayment', settleInFull: true });
  });

  it('refuses zero, negative, over-precise and non-numeric amounts', () => {
    for (const text of ['', '0', '0.00', '-5', '1.234', '1e5', 'abc'])
      expect(buildRepaymentBody('regular', text)).toBeNull();
    expect(buildRepaymentBody('shortenTerm', '0')).toBeNull();
  });
});
