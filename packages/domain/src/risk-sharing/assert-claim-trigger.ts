import { DomainError } from '../errors/domain-error.ts';

/** The case states in which every payer of the agreement may be claimed: the loan is in default (states.md). */
export const DEFAULTED_CLAIM_STATES: readonly string[] = ['non_performing', 'compensating', 'disposing'];

export interface ClaimTriggerInput {
  /** The financing case's state (`overdue`, `non_performing` …). */
  readonly caseState: string;
  readonly payerRole: string;
  /** 逾期天数 of the loan account on the filing day. */
  readonly daysPastDue: number;
  /** 代偿触发天数 of the case's guarantee (its product's); null: the guarantor pays at default only. */
  readonly guarantorCompensationOverdueDays: number | null;
}

/**
 * 代偿/理赔触发条件 (claim trigger): whether a claim on `payerRole` may be filed now. Every payer may be claimed once
 * the loan is in default (non-performing, compensating or disposing; states.md "compensation claims may start at
 * default"). The guarantor may also be claimed earlier, while the loan is `overdue`, once it is overdue at least
 * the guarantee's `guarantorCompensationOverdueDays` (e.g. 90: day 89 refused, day 90 allowed), because a
 * guarantee contract usually obliges payment when the loan is that many days overdue (融资担保公司监督管理条例
 * and the guarantors' standard contracts; issue 8 "guarantor 代偿 trigger").
 * @throws CLAIM_GUARANTEE_TRIGGER_NOT_REACHED before that day; CLAIM_CASE_NOT_DEFAULTED in any other state.
 */
export function assertClaimTrigger(input: ClaimTriggerInput): void {
  if (DEFAULTED_CLAIM_STATES.includes(input.caseState)) return;
  const threshold = input.guarantorCompensationOverdueDays;
  if (input.caseState === 'overdue' && input.payerRole === 'guarantor' && threshold !== null) {
    if (input.daysPastDue >= threshold) return;
    throw new DomainError('CLAIM_GUARANTEE_TRIGGER_NOT_REACHED', {
      daysPastDue: input.daysPastDue,
      requiredDays: threshold,
    });
  }
  throw new DomainError('CLAIM_CASE_NOT_DEFAULTED', { state: input.caseState });
}

/** Whether `assertClaimTrigger` lets the claim be filed (the same rule, as a boolean for the claim panel). */
export function isClaimTriggerReached(input: ClaimTriggerInput): boolean {
  if (DEFAULTED_CLAIM_STATES.includes(input.caseState)) return true;
  const threshold = input.guarantorCompensationOverdueDays;
  return (
    input.caseState === 'overdue' &&
    input.payerRole === 'guarantor' &&
    threshold !== null &&
    input.daysPastDue >= threshold
  );
}
