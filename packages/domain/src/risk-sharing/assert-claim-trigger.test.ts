import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error.ts';
import { assertClaimTrigger, type ClaimTriggerInput } from './assert-claim-trigger.ts';

const codeOf = (input: ClaimTriggerInput): string | null => {
  try {
    assertClaimTrigger(input);
    return null;
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
};

const overdue = (daysPastDue: number, payerRole = 'guarantor', threshold: number | null = 90) => ({
  caseState: 'overdue',
  payerRole,
  daysPastDue,
  guarantorCompensationOverdueDays: threshold,
});

describe('claim trigger: every payer at default, the guarantor also once overdue N days', () => {
  it('allows every payer once the loan is non-performing, compensating or disposing', () => {
    for (const caseState of ['non_performing', 'compensating', 'disposing'])
      for (const payerRole of ['guarantor', 'insurer', 'pool', 're_guarantor'])
        expect(codeOf({ caseState, payerRole, daysPastDue: 0, guarantorCompensationOverdueDays: null })).toBe(
          null,
        );
  });

  it('refuses the guarantor on day N−1 overdue and allows it on day N (90 days)', () => {
    expect(codeOf(overdue(89))).toBe('CLAIM_GUARANTEE_TRIGGER_NOT_REACHED');
    expect(codeOf(overdue(90))).toBe(null);
    expect(codeOf(overdue(120))).toBe(null);
  });

  it('names the days overdue and the days required in the refusal', () => {
    expect(() => assertClaimTrigger(overdue(30))).toThrowError(
      expect.objectContaining({ params: { daysPastDue: 30, requiredDays: 30 + 60 } }),
    );
  });

  it('keeps the other payers and a guarantee without a trigger to default', () => {
    expect(codeOf(overdue(200, 'pool'))).toBe('CLAIM_CASE_NOT_DEFAULTED');
    expect(codeOf(overdue(200, 'insurer'))).toBe('CLAIM_CASE_NOT_DEFAULTED');
    expect(codeOf(overdue(200, 'guarantor', null))).toBe('CLAIM_CASE_NOT_DEFAULTED');
    expect(codeOf({ ...overdue(200), caseState: 'repaying' })).toBe('CLAIM_CASE_NOT_DEFAULTED');
  });
});
