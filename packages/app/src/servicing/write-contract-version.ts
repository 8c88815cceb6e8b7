import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { assertCaseAction, type CaseState } from '@ipf/domain/ledger';
import { classifyLoan, worstGrade, type LoanGrade, type Schedule } from '@ipf/domain/loan';
import { formatYuan } from '@ipf/domain/money';
import { tables, type Transaction } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { getVisibleCase, withPreparer, writeCaseTransition } from '../ledger/transition-case.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { bringChargesUpToDate, isOpenInstallment, unpaidOf } from './bring-charges-up-to-date.ts';
import { claimIdempotencyKey, storeIdempotentResponse } from './claim-idempotency-key.ts';
import type { InstallmentRow, LoanAccountRow } from './loan-annual-rate.ts';
import {
  amountsDueOf,
  loadInstallments,
  loadLoanAccountView,
  type LoanAccountView,
} from './loan-account-view.ts';

export type ContractVersionRow = typeof tables.loanContractVersions.$inferSelect;

/** What a loan looks like to a 展期 or 续贷 plan: the locked account, its open instalments and its versions. */
export interface ContractVersionContext {
  readonly account: LoanAccountRow;
  /** The unpaid instalments in period order (none due yet, none part-paid). */
  readonly open: readonly InstallmentRow[];
  /** Every version so far, the original first. */
  readonly versions: readonly ContractVersionRow[];
  readonly today: string;
}

/** The new contract version a plan computes with the loan engine. */
export interface ContractVersionPlan {
  readonly kind: 'extension' | 'renewal';
  readonly effectiveDate: string;
  readonly schedule: Schedule;
  readonly lprTenor: string;
  readonly lprRatePct: string;
  readonly spreadBps: number;
  readonly repaymentMethod: string;
  /** Months the new schedule runs from its effective date. */
  readonly termMonths: number;
  readonly extensionMonths: number | null;
  readonly restructured: boolean;
  /** 续贷: the old loan's interest up to the renewal date, owed on that day as an interest-only instalment. */
  readonly settlement?: {
    readonly accrualStartDate: string;
    readonly accrualEndDate: string;
    readonly interestFen: bigint;
  };
}

export interface ContractVersionRequest {
  readonly caseId: string;
  /** The `Idempotency-Key` header: the same key and request give the stored answer, nothing written twice. */
  readonly idempotencyKey: string;
  /** The request as received (hashed with the key). */
  readonly request: object;
  readonly note?: string | undefined;
  readonly expectedVersion?: number | undefined;
}

export interface ContractVersionResult {
  readonly loan: LoanAccountView;
  readonly replayed: boolean;
}

const ACTIONS = { extension: 'extend_loan', renewal: 'renew_loan' } as const;

function originalVersionOf(account: LoanAccountRow, at: Date): ContractVersionRow {
  return {
    id: randomUUID(),
    loanAccountId: account.id,
    version: 1,
    kind: 'original',
    effectiveDate: account.disbursementDate,
    recordedDate: account.disbursementDate,
    principalFen: account.principalFen,
    lprTenor: account.lprTenor,
    lprRatePct: account.lprRatePct,
    spreadBps: account.spreadBps,
    repaymentMethod: account.repaymentMethod,
    termMonths: account.termMonths,
    maturityDate: account.maturityDate,
    extensionMonths: null,
    restructured: false,
    note: null,
    createdByUserId: account.disbursedByUserId,
    createdAt: at,
  };
}

/** Loads the versions of a loan, recording the original contract first when the loan predates versioning. */
export async function loadContractVersions(
  tx: Transaction,
  account: LoanAccountRow,
  at: Date,
): Promise<ContractVersionRow[]> {
  const versions = await tx
    .select()
    .from(tables.loanContractVersions)
    .where(eq(tables.loanContractVersions.loanAccountId, account.id))
    .orderBy(asc(tables.loanContractVersions.version));
  if (versions.length > 0) return versions;
  const original = originalVersionOf(account, at);
  await tx.insert(tables.loanContractVersions).values(original);
  return [original];
}

/** 合同版本 1 (the original contract) of a loan just disbursed, in the disbursement's transaction. */
export async function writeOriginalContractVersion(
  tx: Transaction,
  account: LoanAccountRow,
  at: Date,
): Promise<void> {
  await tx.insert(tables.loanContractVersions).values(originalVersionOf(account, at));
}

/** The earliest expiry of the case's pledged IP (null when none has a term). */
async function earliestAssetExpiryOf(tx: Transaction, caseId: string): Promise<string | null> {
  const rows = await tx
    .select({ expiryDate: tables.ipAssets.expiryDate })
    .from(tables.caseAssets)
    .innerJoin(tables.ipAssets, eq(tables.ipAssets.id, tables.caseAssets.assetId))
    .where(eq(tables.caseAssets.caseId, caseId));
  const dates = rows.map((r) => r.expiryDate).filter((d): d is string => d !== null);
  return dates.length === 0 ? null : dates.reduce((a, b) => (a < b ? a : b));
}

/**
 * 新合同版本 (write a new contract version) for 展期 or 续贷 under an idempotency key: the bank clerk's case
 * action (a self-loop on `repaying`, so the case stays and its timeline shows it), a loan without arrears, the
 * plan's schedule from the loan engine replacing the open instalments (kept as `superseded`, so every earlier
 * schedule stays), a new maturity not after the pledged IP's expiry (domain-reference.md "Terms of protection"),
 * the version row, and a restructured loan graded at least 关注 at once (the daily job keeps it so).
 * Source: states.md ("Extension and renewal keep the case and add a new contract version"); issue 6 item 2;
 * 《商业银行金融资产风险分类办法》(2023) (restructured loans).
 * @throws DomainError('IDEMPOTENCY_KEY_REUSED' | 'LOAN_RESTRUCTURING_WITH_ARREARS' | 'LOAN_ACCOUNT_CLOSED' |
 * 'LOAN_MATURITY_AFTER_IP_EXPIRY' | 'CASE_ACTION_NOT_ALLOWED_IN_STATE' | 'NOT_FOUND' | 'CONFLICT')
 */
export async function writeContractVersion(
  request: ContractVersionRequest,
  kind: ContractVersionPlan['kind'],
  plan: (context: ContractVersionContext) => ContractVersionPlan,
  actor: Actor,
  deps: AppDeps,
): Promise<ContractVersionResult> {
  const scope = authorize(actor, 'loan.restructure');
  const now = deps.clock.now();
  const today = toShanghaiDate(now);
  const action = ACTIONS[kind];
  return runInTransaction(deps, async (tx) => {
    const caseRow = await getVisibleCase(tx, request.caseId, actor, scope);
    const claim = await claimIdempotencyKey(
      tx,
      {
        organisationId: actor.organisationId,
        key: request.idempotencyKey,
        operation: `loan.${kind}`,
        request: { caseId: request.caseId, ...request.request },
      },
      now,
    );
    if ('replay' in claim) return { loan: claim.replay as LoanAccountView, replayed: true };

    const to = assertCaseAction({
      state: caseRow.state as CaseState,
      action,
      actorRole: actor.role,
      actorUserId: actor.userId,
    });
    const [account] = await tx
      .select()
      .from(tables.loanAccounts)
      .where(eq(tables.loanAccounts.caseId, caseRow.id))
      .for('update');
    if (account === undefined) throw new DomainError('NOT_FOUND');
    if (account.status !== 'active') throw new DomainError('LOAN_ACCOUNT_CLOSED');

    const { installments } = bringChargesUpToDate(account, await loadInstallments(tx, account.id), today);
    const open = installments.filter(isOpenInstallment).sort((a, b) => a.period - b.period);
    const arrears = open.filter(
      (i) => i.dueDate <= today || i.principalPaidFen + i.interestPaidFen > 0n || unpaidOf(i).chargesFen > 0n,
    );
    if (arrears.length > 0) {
      const due = amountsDueOf(arrears);
      throw new DomainError('LOAN_RESTRUCTURING_WITH_ARREARS', {
        dueYuan: formatYuan(due.penaltyFen + due.interestFen + due.principalFen),
      });
    }
    if (open.length === 0) throw new DomainError('LOAN_ACCOUNT_CLOSED');

    const versions = await loadContractVersions(tx, account, now);
    const planned = plan({ account, open, versions, today });
    const maturityDate = planned.schedule.installments.at(-1)!.dueDate;
    const expiryDate = await earliestAssetExpiryOf(tx, caseRow.id);
    if (expiryDate !== null && maturityDate > expiryDate)
      throw new DomainError('LOAN_MATURITY_AFTER_IP_EXPIRY', { maturityDate, expiryDate });

    const version = account.contractVersion + 1;
    let period = Math.max(...installments.map((i) => i.period));
    const fresh = (fields: Pick<InstallmentRow, 'accrualStartDate' | 'accrualEndDate' | 'dueDate'>) => ({
      id: randomUUID(),
      loanAccountId: account.id,
      period: (period += 1),
      ...fields,
      principalPaidFen: 0n,
      interestPaidFen: 0n,
      penaltyChargedFen: 0n,
      compoundChargedFen: 0n,
      chargesPaidFen: 0n,
      chargeBaseDate: null,
      chargedThroughDate: null,
      paidDate: null,
      contractVersion: version,
    });
    const added: InstallmentRow[] = [];
    const { settlement } = planned;
    if (settlement !== undefined && settlement.interestFen > 0n)
      added.push({
        ...fresh({ ...settlement, dueDate: settlement.accrualEndDate }),
        openingBalanceFen: account.outstandingPrincipalFen,
        principalFen: 0n,
        interestFen: settlement.interestFen,
        status: 'due',
      });
    for (const i of planned.schedule.installments)
      added.push({
        ...fresh(i),
        openingBalanceFen: i.balanceFen + i.principalFen,
        principalFen: i.principalFen,
        interestFen: i.interestFen,
        status: 'scheduled',
      });
    for (const row of open)
      await tx
        .update(tables.loanInstallments)
        .set({ status: 'superseded' })
        .where(eq(tables.loanInstallments.id, row.id));
    await tx.insert(tables.loanInstallments).values(added);
    await tx.insert(tables.loanContractVersions).values({
      id: randomUUID(),
      loanAccountId: account.id,
      version,
      kind: planned.kind,
      effectiveDate: planned.effectiveDate,
      recordedDate: today,
      principalFen: account.outstandingPrincipalFen,
      lprTenor: planned.lprTenor,
      lprRatePct: planned.lprRatePct,
      spreadBps: planned.spreadBps,
      repaymentMethod: planned.repaymentMethod,
      termMonths: planned.termMonths,
      maturityDate,
      extensionMonths: planned.extensionMonths,
      restructured: planned.restructured,
      note: request.note ?? null,
      createdByUserId: actor.userId,
      createdAt: now,
    });
    const restructured = account.restructured || planned.restructured;
    const ownGrade = classifyLoan({
      daysPastDue: account.daysPastDue,
      restructured,
      officerGrade: account.ownGrade as LoanGrade,
    });
    const [updated] = await tx
      .update(tables.loanAccounts)
      .set({
        lprTenor: planned.lprTenor,
        lprRatePct: planned.lprRatePct,
        spreadBps: planned.spreadBps,
        repaymentMethod: planned.repaymentMethod,
        maturityDate,
        // 展期 lengthens the loan's term by the months it adds (the maturity moves with it); a 续贷 keeps the
        // account's term, its own term is on its contract version.
        ...(planned.kind === 'extension'
          ? { termMonths: account.termMonths + (planned.extensionMonths ?? 0) }
          : {}),
        restructured,
        ownGrade,
        grade: worstGrade([account.grade as LoanGrade, ownGrade]),
        contractVersion: version,
        version: account.version + 1,
        updatedAt: now,
      })
      .where(eq(tables.loanAccounts.id, account.id))
      .returning();
    await deps.audit.append(
      tx,
      actor,
      {
        action: `loan.${kind}`,
        entityType: 'loan_account',
        entityId: account.id,
        before: {
          contractVersion: account.contractVersion,
          maturityDate: account.maturityDate,
          spreadBps: account.spreadBps,
          lprRatePct: account.lprRatePct,
          restructured: account.restructured,
        },
        after: {
          contractVersion: version,
          effectiveDate: planned.effectiveDate,
          maturityDate,
          spreadBps: planned.spreadBps,
          lprRatePct: planned.lprRatePct,
          extensionMonths: planned.extensionMonths,
          restructured,
          installments: added.length,
          supersededInstallments: open.length,
        },
      },
      now,
    );
    const caseAfter = await writeCaseTransition(
      tx,
      deps,
      actor,
      {
        row: caseRow,
        action,
        to,
        expectedVersion: request.expectedVersion,
        note: request.note ?? null,
        patch: { preparedByUserIds: withPreparer(caseRow, actor.userId) },
      },
      now,
    );
    const loan = await loadLoanAccountView(tx, updated!, caseAfter.state, today);
    await storeIdempotentResponse(tx, claim.claimId, loan);
    return { loan, replayed: false };
  });
}
