import type { IsoDate } from '../calendar/iso-date.ts';
import type { IpAssetKind } from '../ip-asset/ip-asset-kind.ts';
import type { DistrictCode } from '../party/reference-data.ts';
import type { EnterpriseFlag, SubsidyCostKind, SubsidyLineKind } from './subsidy-scheme.ts';

/**
 * 证明记录 (the record that proves a fact): a reference the caller supplies, e.g. `{ kind: 'contract', id }`;
 * `fee_payment` is a fee payment record (费用缴付记录, id the invoice number).
 */
export interface FactProof {
  readonly kind:
    | 'contract'
    | 'registration_notice'
    | 'ledger_entry'
    | 'payoff_certificate'
    | 'enterprise_profile'
    | 'filing'
    | 'upload'
    | 'fee_payment';
  readonly id: string;
  /** The uploaded document (a case attachment id) the reviewer opens, when the fact rests on one. */
  readonly documentId?: string;
}

/** A fact with the record that proves it. */
export interface Proved<T> {
  readonly value: T;
  readonly proof: FactProof;
}

/** 实际支付的费用 (a cost actually paid), from the ledger: one record each, identified for the 100% rule. */
export interface CostPaid {
  readonly costId: string;
  readonly kind: SubsidyCostKind;
  readonly amountFen: bigint;
  readonly paidOn: IsoDate;
  readonly proof: FactProof;
}

/** The loan being subsidised (or rewarded) and what the platform knows of it. */
export interface SubsidyLoanFacts {
  readonly loanId: string;
  readonly principalFen: Proved<bigint>;
  readonly termMonths: Proved<number>;
  readonly disbursedOn: Proved<IsoDate>;
  readonly pledgedIpKinds?: Proved<readonly IpAssetKind[]>;
  readonly pledgeRegistered?: Proved<boolean>;
  readonly filedWithDistrictOn?: Proved<IsoDate>;
  readonly fullyRepaidOn?: Proved<IsoDate>;
}

/** Everything {@link evaluateSubsidy} reads: passed in, never looked up (the domain is pure). */
export interface SubsidyFacts {
  /** The day of evaluation (the clock is a parameter). */
  readonly asOfDate: IsoDate;
  /** The year applied for, for per-year schemes. */
  readonly subsidyYear?: number;
  readonly registrationDistrict?: Proved<DistrictCode>;
  readonly taxDistrict?: Proved<DistrictCode>;
  /** The borrower's flags (for a reward, still the borrower's: e.g. a first loan 首贷). */
  readonly enterpriseFlags: Partial<Readonly<Record<EnterpriseFlag, Proved<boolean>>>>;
  readonly loan: SubsidyLoanFacts;
  readonly costsPaid: readonly CostPaid[];
}

/** Part of a cost record a payment covered. */
export interface CoveredCost {
  readonly costId: string;
  readonly amountFen: bigint;
}

/** 已兑付补贴 (a subsidy already paid to the applicant), by any scheme: the basis of caps and stacking. */
export interface PriorSubsidyPayment {
  readonly schemeId: string;
  /** The exclusions of the paying scheme, so that exclusion holds in both directions. */
  readonly excludesSchemeIds: readonly string[];
  readonly loanId: string;
  readonly subsidyYear: number;
  readonly line: SubsidyLineKind;
  readonly amountFen: bigint;
  readonly coveredCosts: readonly CoveredCost[];
}
