import { describe, expect, it } from 'vitest';
import { buildRestructuringBody } from './build-restructuring-body.ts';

const current = { spreadBps: 50, repaymentMethod: 'annuity', caseVersion: 17 };

describe('buildRestructuringBody: the 展期/续贷 form as the ExtendLoanBody / RenewLoanBody contract', () => {
  it('sends an extension of whole months with the reason, the difficulty flag and the case version read', () => {
    expect(
      buildRestructuringBody(
        'extension',
        { extensionMonths: 6, borrowerInDifficulty: true, note: '  经营困难，重组展期 ' },
        current,
      ),
    ).toEqual({
      kind: 'extension',
      body: { extensionMonths: 6, borrowerInDifficulty: true, note: '经营困难，重组展期', version: 17 },
    });
  });

  it('sends a renewal term in months, not the extension field', () => {
    expect(
      buildRestructuringBody(
        'renewal',
        { termMonths: 12, extensionMonths: 3 },
        { ...current, caseVersion: undefined },
      ),
    ).toEqual({ kind: 'renewal', body: { termMonths: 12, borrowerInDifficulty: false } });
  });

  it('sends a spread or repayment method only when it differs from the loan in force', () => {
    expect(
      buildRestructuringBody(
        'renewal',
        { termMonths: 12, spreadBps: 50, repaymentMethod: 'annuity' },
        current,
      )?.body,
    ).toEqual({ termMonths: 12, borrowerInDifficulty: false, version: 17 });
    expect(
      buildRestructuringBody(
        'extension',
        { extensionMonths: 12, spreadBps: -20, repaymentMethod: 'interestOnly' },
        current,
      )?.body,
    ).toEqual({
      extensionMonths: 12,
      spreadBps: -20,
      repaymentMethod: 'interestOnly',
      borrowerInDifficulty: false,
      version: 17,
    });
  });

  it('drops an empty reason and an unknown repayment method', () => {
    expect(
      buildRestructuringBody(
        'extension',
        { extensionMonths: 1, note: '   ', repaymentMethod: 'weekly' },
        current,
      )?.body,
    ).toEqual({ extensionMonths: 1, borrowerInDifficulty: false, version: 17 });
  });

  it('refuses missing, fractional, zero and over-long terms (the contract allows 1–360 months)', () => {
    for (const months of [undefined, null, 0, -3, 1.5, 361, Number.NaN])
      expect(buildRestructuringBody('extension', { extensionMonths: months }, current)).toBeNull();
    expect(buildRestructuringBody('renewal', { extensionMonths: 6 }, current)).toBeNull();
    expect(buildRestructuringBody('renewal', { termMonths: 360 }, current)?.body).toMatchObject({
      termMonths: 360,
    });
  });
});
