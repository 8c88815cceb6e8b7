import { asc, desc, eq } from 'drizzle-orm';
import { LOAN_GRADE_NAMES_ZH, type LoanGrade } from '@ipf/domain/loan';
import { formatRatePct, formatYuan } from '@ipf/domain/money';
import { tables, type Executor } from '@ipf/db';
import { bringChargesUpToDate, isOpenInstallment, unpaidOf } from './bring-charges-up-to-date.ts';
import { loanAnnualRate, type InstallmentRow, type LoanAccountRow } from './loan-annual-rate.ts';

/** One instalment on the wire (yuan strings). */
export interface LoanInstallmentView {
  readonly period: number;
  readonly accrualStartDate: string;
  readonly accrualEndDate: string;
  readonly dueDate: string;
  readonly principalYuan: string;
  readonly interestYuan: string;
  readonly paymentYuan: string;
  readonly principalPaidYuan: string;
  readonly interestPaidYuan: string;
  readonly penaltyYuan: string;
  readonly compoundYuan: string;
  readonly chargesPaidYuan: string;
  readonly status: string;
  readonly paidDate: string | null;
  /** The contract version that scheduled it (superseded instalments keep their earlier version). */
  readonly contractVersion: number;
}

/** 合同版本 (a contract version) on the wire: the original contract, then each 展期 or 续贷. */
export interface LoanContractVersionView {
  readonly version: number;
  /** `original` | `extension` | `renewal`. */
  readonly kind: string;
  readonly effectiveDate: string;
  readonly recordedDate: string;
  readonly principalYuan: string;
  readonly annualRatePct: string;
  readonly lprRatePct: string;
  readonly spreadBps: number;
  readonly repaymentMethod: string;
  readonly termMonths: number;
  readonly maturityDate: string;
  readonly extensionMonths: number | null;
  readonly restructured: boolean;
  readonly note: string | null;
}

/** One repayment on the wire, with its allocation. */
export interface LoanRepaymentView {
  readonly id: string;
  readonly kind: string;
  readonly prepaymentOption: string | null;
  readonly repaymentDate: string;
  readonly amountYuan: string;
  readonly penaltyYuan: string;
  readonly interestYuan: string;
  readonly principalYuan: string;
  readonly postedAt: string;
}

/** 贷款账户 on the wire: terms, the schedule, repayments and what is payable today. */
export interface LoanAccountView {
  readonly id: string;
  readonly caseId: string;
  readonly caseState: string;
  readonly status: string;
  readonly principalYuan: string;
  readonly outstandingPrincipalYuan: string;
  readonly annualRatePct: string;
  readonly lprTenor: string;
  readonly lprRatePct: string;
  readonly spreadBps: number;
  readonly penaltyMarkupPct: string;
  readonly repaymentMethod: string;
  readonly termMonths: number;
  readonly disbursementDate: string;
  readonly maturityDate: string;
  readonly entrustedPayment: {
    readonly counterpartyName: string;
    readonly counterpartyAccount: string;
    readonly reference: string;
  } | null;
  readonly closedDate: string | null;
  readonly servicedThroughDate: string | null;
  readonly daysPastDue: number;
  readonly grade: string;
  readonly gradeZh: string;
  /** Due on `asOfDate`: instalments due on or before it, with charges up to that day. */
  readonly payable: {
    readonly asOfDate: string;
    readonly penaltyYuan: string;
    readonly interestYuan: string;
    readonly principalYuan: string;
    readonly totalYuan: string;
  };
  readonly installments: LoanInstallmentView[];
  readonly repayments: LoanRepaymentView[];
  readonly version: number;
  /** The contract version in force (1 until a 展期 or 续贷). */
  readonly contractVersion: number;
  /** 重组贷款 (restructured): graded at least 关注. */
  readonly restructured: boolean;
  /** Every contract version, the original first (only the original before any 展期 or 续贷). */
  readonly contractVersions: LoanContractVersionView[];
}

/**
 * 当期应还 (payable on a date) in the order a repayment fills them: first the open instalments due on or before
 * the date, then the next one not yet due (it may be paid ahead of its date).
 */
export function payableTiers(installments: readonly InstallmentRow[], date: string): InstallmentRow[][] {
  const open = installments.filter(isOpenInstallment).sort((a, b) => a.period - b.period);
  const next = open.find((i) => i.dueDate > date);
  return [open.filter((i) => i.dueDate <= date), next === undefined ? [] : [next]];
}

/** Totals owed on the payable instalments, in the buckets of `allocateRepayment`. */
export function amountsDueOf(payable: readonly InstallmentRow[]): {
  penaltyFen: bigint;
  interestFen: bigint;
  principalFen: bigint;
} {
  let penaltyFen = 0n;
  let interestFen = 0n;
  let principalFen = 0n;
  for (const row of payable) {
    const unpaid = unpaidOf(row);
    penaltyFen += unpaid.chargesFen;
    interestFen += unpaid.interestFen;
    principalFen += unpaid.principalFen;
  }
  return { penaltyFen, interestFen, principalFen };
}

export async function findLoanAccountOfCase(
  executor: Executor,
  caseId: string,
): Promise<LoanAccountRow | null> {
  const [row] = await executor
    .select()
    .from(tables.loanAccounts)
    .where(eq(tables.loanAccounts.caseId, caseId));
  return row ?? null;
}

export async function loadInstallments(executor: Executor, loanAccountId: string): Promise<InstallmentRow[]> {
  return executor
    .select()
    .from(tables.loanInstallments)
    .where(eq(tables.loanInstallments.loanAccountId, loanAccountId))
    .orderBy(asc(tables.loanInstallments.period), asc(tables.loanInstallments.dueDate));
}

/** Builds the wire view of a loan account as of `asOfDate` (charges brought up to that day, not posted). */
export async function loadLoanAccountView(
  executor: Executor,
  account: LoanAccountRow,
  caseState: string,
  asOfDate: string,
): Promise<LoanAccountView> {
  const stored = await loadInstallments(executor, account.id);
  const repayments = await executor
    .select()
    .from(tables.loanRepayments)
    .where(eq(tables.loanRepayments.loanAccountId, account.id))
    .orderBy(desc(tables.loanRepayments.postedAt));
  const versions = await executor
    .select()
    .from(tables.loanContractVersions)
    .where(eq(tables.loanContractVersions.loanAccountId, account.id))
    .orderBy(asc(tables.loanContractVersions.version));
  const { installments } =
    account.status === 'active' ? bringChargesUpToDate(account, stored, asOfDate) : { installments: stored };
  const due = amountsDueOf(payableTiers(installments, asOfDate)[0]!);
  const grade = account.grade as LoanGrade;
  return {
    id: account.id,
    caseId: account.caseId,
    caseState,
    status: account.status,
    principalYuan: formatYuan(account.principalFen),
    outstandingPrincipalYuan: formatYuan(account.outstandingPrincipalFen),
    annualRatePct: formatRatePct(loanAnnualRate(account)),
    lprTenor: account.lprTenor,
    lprRatePct: account.lprRatePct,
    spreadBps: account.spreadBps,
    penaltyMarkupPct: account.penaltyMarkupPct,
    repaymentMethod: account.repaymentMethod,
    termMonths: account.termMonths,
    disbursementDate: account.disbursementDate,
    maturityDate: account.maturityDate,
    entrustedPayment: account.entrustedPayment
      ? {
          counterpartyName: account.counterpartyName ?? '',
          counterpartyAccount: account.counterpartyAccount ?? '',
          reference: account.entrustedReference ?? '',
        }
      : null,
    closedDate: account.closedDate,
    servicedThroughDate: account.servicedThroughDate,
    daysPastDue: account.daysPastDue,
    grade,
    gradeZh: LOAN_GRADE_NAMES_ZH[grade],
    payable: {
      asOfDate,
      penaltyYuan: formatYuan(due.penaltyFen),
      interestYuan: formatYuan(due.interestFen),
      principalYuan: formatYuan(due.principalFen),
      totalYuan: formatYuan(due.penaltyFen + due.interestFen + due.principalFen),
    },
    installments: installments.map((i) => ({
      period: i.period,
      accrualStartDate: i.accrualStartDate,
      accrualEndDate: i.accrualEndDate,
      dueDate: i.dueDate,
      principalYuan: formatYuan(i.principalFen),
      interestYuan: formatYuan(i.interestFen),
      paymentYuan: formatYuan(i.principalFen + i.interestFen),
      principalPaidYuan: formatYuan(i.principalPaidFen),
      interestPaidYuan: formatYuan(i.interestPaidFen),
      penaltyYuan: formatYuan(i.penaltyChargedFen),
      compoundYuan: formatYuan(i.compoundChargedFen),
      chargesPaidYuan: formatYuan(i.chargesPaidFen),
      status: i.status,
      paidDate: i.paidDate,
      contractVersion: i.contractVersion,
    })),
    repayments: repayments.map((r) => ({
      id: r.id,
      kind: r.kind,
      prepaymentOption: r.prepaymentOption,
      repaymentDate: r.repaymentDate,
      amountYuan: formatYuan(r.amountFen),
      penaltyYuan: formatYuan(r.penaltyFen),
      interestYuan: formatYuan(r.interestFen),
      principalYuan: formatYuan(r.principalFen),
      postedAt: r.postedAt.toISOString(),
    })),
    version: account.version,
    contractVersion: account.contractVersion,
    restructured: account.restructured,
    contractVersions: (versions.length > 0
      ? versions
      : [
          // A loan disbursed before versions were recorded: its original contract from the account.
          {
            version: 1,
            kind: 'original',
            effectiveDate: account.disbursementDate,
            recordedDate: account.disbursementDate,
            principalFen: account.principalFen,
            lprRatePct: account.lprRatePct,
            spreadBps: account.spreadBps,
            repaymentMethod: account.repaymentMethod,
            termMonths: account.termMonths,
            maturityDate: account.maturityDate,
            extensionMonths: null,
            restructured: false,
            note: null,
          },
        ]
    ).map((v) => ({
      version: v.version,
      kind: v.kind,
      effectiveDate: v.effectiveDate,
      recordedDate: v.recordedDate,
      principalYuan: formatYuan(v.principalFen),
      annualRatePct: formatRatePct(loanAnnualRate(v)),
      lprRatePct: v.lprRatePct,
      spreadBps: v.spreadBps,
      repaymentMethod: v.repaymentMethod,
      termMonths: v.termMonths,
      maturityDate: v.maturityDate,
      extensionMonths: v.extensionMonths,
      restructured: v.restructured,
      note: v.note,
    })),
  };
}
