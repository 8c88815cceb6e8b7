import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { assertCaseAction, type CaseState } from '@ipf/domain/ledger';
import { allocateRepayment, calculatePrepayment, type PrepaymentOption } from '@ipf/domain/loan';
import { formatYuan } from '@ipf/domain/money';
import type { Role } from '@ipf/domain/party';
import { tables, type Transaction } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import type { CaseRow } from '../ledger/case-view.ts';
import { getVisibleCase, writeCaseTransition } from '../ledger/transition-case.ts';
import { requestRegistrationCancellation } from '../registration/request-registration-cancellation.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import {
  bringChargesUpToDate,
  isOpenInstallment,
  unpaidOf,
  type DailyCharge,
} from './bring-charges-up-to-date.ts';
import { chargePostings, writeLoanPostings } from './write-loan-postings.ts';
import { writeSystemCaseTransition } from './write-system-case-transition.ts';
import { claimIdempotencyKey, storeIdempotentResponse } from './claim-idempotency-key.ts';
import { loanAnnualRate, type InstallmentRow, type LoanAccountRow } from './loan-annual-rate.ts';
import {
  amountsDueOf,
  loadInstallments,
  loadLoanAccountView,
  payableTiers,
  type LoanAccountView,
  type LoanRepaymentView,
} from './loan-account-view.ts';

/** 正常还款 (a regular repayment of what is due) or 提前还款 (prepayment of principal, or 提前结清 in full). */
export type RepaymentRequest =
  | { readonly kind: 'regular'; readonly amountFen: bigint }
  | {
      readonly kind: 'prepayment';
      readonly principalFen: bigint | 'full';
      readonly option?: PrepaymentOption;
    };

export interface PostRepaymentInput {
  readonly caseId: string;
  /** The `Idempotency-Key` header: the same key and request give the stored answer, no second posting. */
  readonly idempotencyKey: string;
  readonly request: RepaymentRequest;
}

export interface PostRepaymentResult {
  readonly repayment: LoanRepaymentView;
  readonly loan: LoanAccountView;
  /** True when this answer is the stored one of an earlier request with the same key. */
  readonly replayed: boolean;
}

interface Applied {
  readonly installments: InstallmentRow[];
  readonly added: InstallmentRow[];
  readonly charges: DailyCharge[];
  readonly penaltyFen: bigint;
  readonly interestFen: bigint;
  readonly principalFen: bigint;
  readonly amountFen: bigint;
  readonly option: string | null;
}

function settleStatus(row: InstallmentRow, date: string): InstallmentRow {
  const unpaid = unpaidOf(row);
  if (unpaid.principalFen === 0n && unpaid.interestFen === 0n && unpaid.chargesFen === 0n)
    return { ...row, status: 'paid', paidDate: date };
  if (row.dueDate < date)
    // Still overdue: a new charge segment starts today on the amounts left.
    return { ...row, status: 'overdue', chargeBaseDate: date, chargedThroughDate: date };
  const paidAny = row.principalPaidFen + row.interestPaidFen > 0n;
  return { ...row, status: paidAny ? 'partially_paid' : row.dueDate === date ? 'due' : 'scheduled' };
}

/**
 * 正常还款: the engine allocates penalty → interest → principal on the totals of the instalments due, spread
 * oldest instalment first; what is left goes the same way to the next instalment (paid ahead of its date).
 */
function applyRegular(
  account: LoanAccountRow,
  stored: readonly InstallmentRow[],
  amountFen: bigint,
  date: string,
): Applied {
  const { installments, charges } = bringChargesUpToDate(account, stored, date);
  const take = (owed: bigint, left: bigint) => (owed < left ? owed : left);
  const changed = new Map<string, InstallmentRow>();
  const total = { penaltyFen: 0n, interestFen: 0n, principalFen: 0n };
  let left = amountFen;
  for (const tier of payableTiers(installments, date)) {
    const due = amountsDueOf(tier);
    if (left === 0n || due.penaltyFen + due.interestFen + due.principalFen === 0n) continue;
    const allocation = allocateRepayment({ paymentFen: left, due, strategy: 'penaltyInterestPrincipal' });
    left = allocation.excessFen;
    total.penaltyFen += allocation.penaltyFen;
    total.interestFen += allocation.interestFen;
    total.principalFen += allocation.principalFen;
    let penaltyLeft = allocation.penaltyFen;
    let interestLeft = allocation.interestFen;
    let principalLeft = allocation.principalFen;
    for (const row of tier) {
      const unpaid = unpaidOf(row);
      const charges = take(unpaid.chargesFen, penaltyLeft);
      const interest = take(unpaid.interestFen, interestLeft);
      const principal = take(unpaid.principalFen, principalLeft);
      penaltyLeft -= charges;
      interestLeft -= interest;
      principalLeft -= principal;
      if (charges + interest + principal === 0n) continue;
      changed.set(
        row.id,
        settleStatus(
          {
            ...row,
            chargesPaidFen: row.chargesPaidFen + charges,
            interestPaidFen: row.interestPaidFen + interest,
            principalPaidFen: row.principalPaidFen + principal,
          },
          date,
        ),
      );
    }
  }
  if (left > 0n) {
    const payable = payableTiers(installments, date).map(amountsDueOf);
    const dueFen = payable.reduce((sum, d) => sum + d.penaltyFen + d.interestFen + d.principalFen, 0n);
    throw new DomainError('REPAYMENT_EXCEEDS_AMOUNT_DUE', { dueYuan: formatYuan(dueFen) });
  }
  return {
    installments: installments.map((row) => changed.get(row.id) ?? row),
    added: [],
    charges,
    ...total,
    amountFen,
    option: null,
  };
}

/** 提前还款 through the engine: the unpaid instalments are superseded by the re-amortised ones. */
function applyPrepayment(
  account: LoanAccountRow,
  stored: readonly InstallmentRow[],
  principalFen: bigint | 'full',
  option: PrepaymentOption,
  date: string,
): Applied {
  const { installments } = bringChargesUpToDate(account, stored, date);
  const open = installments.filter(isOpenInstallment).sort((a, b) => a.period - b.period);
  const arrears = open.filter(
    (i) => i.dueDate <= date || i.principalPaidFen + i.interestPaidFen > 0n || unpaidOf(i).chargesFen > 0n,
  );
  if (arrears.length > 0) {
    const due = amountsDueOf(arrears);
    throw new DomainError('PREPAYMENT_WITH_ARREARS', {
      dueYuan: formatYuan(due.penaltyFen + due.interestFen + due.principalFen),
    });
  }
  const next = open[0];
  if (next === undefined) throw new DomainError('LOAN_ACCOUNT_CLOSED');
  const method = account.repaymentMethod === 'bullet' ? 'interestOnly' : account.repaymentMethod;
  const keepsShape = option === 'shortenTerm' && open.length > 1;
  const result = calculatePrepayment({
    outstandingPrincipalFen: account.outstandingPrincipalFen,
    annualRate: loanAnnualRate(account),
    method: method as 'annuity' | 'equalPrincipal' | 'interestOnly',
    lastDueDate: next.accrualStartDate,
    prepaymentDate: date,
    remainingDueDates: open.map((i) => i.accrualEndDate),
    prepaymentPrincipalFen: principalFen,
    option,
    ...(keepsShape && method === 'annuity'
      ? { currentInstallmentFen: next.principalFen + next.interestFen }
      : {}),
    ...(keepsShape && method === 'equalPrincipal' ? { currentPrincipalPartFen: next.principalFen } : {}),
  });
  const lastPeriod = Math.max(...installments.map((i) => i.period));
  const added: InstallmentRow[] = (result.schedule?.installments ?? []).map((i) => ({
    id: randomUUID(),
    loanAccountId: account.id,
    period: lastPeriod + i.period,
    accrualStartDate: i.accrualStartDate,
    accrualEndDate: i.accrualEndDate,
    dueDate: i.dueDate,
    openingBalanceFen: i.balanceFen + i.principalFen,
    principalFen: i.principalFen,
    interestFen: i.interestFen,
    principalPaidFen: 0n,
    interestPaidFen: 0n,
    penaltyChargedFen: 0n,
    compoundChargedFen: 0n,
    chargesPaidFen: 0n,
    status: 'scheduled',
    chargeBaseDate: null,
    chargedThroughDate: null,
    paidDate: null,
    contractVersion: account.contractVersion,
  }));
  const superseded = new Set(open.map((i) => i.id));
  return {
    installments: installments.map((row) =>
      superseded.has(row.id) ? { ...row, status: 'superseded' } : row,
    ),
    added,
    charges: [],
    penaltyFen: 0n,
    interestFen: result.interestFen,
    principalFen: result.principalFen,
    amountFen: result.totalFen,
    option: principalFen === 'full' ? 'full' : option,
  };
}

/**
 * 还款入账 (post a repayment) under an idempotency key: a regular repayment is allocated by the loan engine
 * (先罚息、后利息、再本金) after the overdue charges are brought up to today; a prepayment (缩短期限 or 减少月供, or
 * 提前结清) re-amortises the rest through the engine. Arrears paid off cure an overdue case; when everything is
 * paid the case closes and the 注销 of its registrations starts by itself. Source: issue 6 items 2 and 4;
 * 银发〔2003〕251号 (allocation and penalty interest).
 * @throws DomainError('IDEMPOTENCY_KEY_REUSED' | 'REPAYMENT_EXCEEDS_AMOUNT_DUE' | 'PREPAYMENT_WITH_ARREARS' |
 * 'LOAN_ACCOUNT_CLOSED' | 'NOT_FOUND')
 */
export async function postRepayment(
  input: PostRepaymentInput,
  actor: Actor,
  deps: AppDeps,
): Promise<PostRepaymentResult> {
  const scope = authorize(actor, 'loan.repay');
  const now = deps.clock.now();
  const today = toShanghaiDate(now);
  return runInTransaction(deps, async (tx) => {
    const visibleCase = await getVisibleCase(tx, input.caseId, actor, scope);
    const claim = await claimIdempotencyKey(
      tx,
      {
        organisationId: actor.organisationId,
        key: input.idempotencyKey,
        operation: 'loan.repay',
        request: { caseId: input.caseId, ...input.request },
      },
      now,
    );
    if ('replay' in claim)
      return { ...(claim.replay as Omit<PostRepaymentResult, 'replayed'>), replayed: true };

    // A repayment before the day's servicing of a fresh disbursement starts the repayment phase first.
    const caseRow =
      visibleCase.state === 'disbursed'
        ? await writeSystemCaseTransition(tx, deps, actor, visibleCase, 'start_repayment', now)
        : visibleCase;
    const [account] = await tx
      .select()
      .from(tables.loanAccounts)
      .where(eq(tables.loanAccounts.caseId, caseRow.id))
      .for('update');
    if (account === undefined) throw new DomainError('NOT_FOUND');
    if (account.status !== 'active') throw new DomainError('LOAN_ACCOUNT_CLOSED');
    const stored = await loadInstallments(tx, account.id);
    const { request } = input;
    const applied =
      request.kind === 'regular'
        ? applyRegular(account, stored, request.amountFen, today)
        : applyPrepayment(account, stored, request.principalFen, request.option ?? 'lowerInstallment', today);

    const repaymentId = randomUUID();
    const [repayment] = await tx
      .insert(tables.loanRepayments)
      .values({
        id: repaymentId,
        loanAccountId: account.id,
        kind: request.kind,
        prepaymentOption: applied.option,
        repaymentDate: today,
        amountFen: applied.amountFen,
        penaltyFen: applied.penaltyFen,
        interestFen: applied.interestFen,
        principalFen: applied.principalFen,
        postedByUserId: actor.userId,
        postedAt: now,
      })
      .returning();
    await writeLoanPostings(tx, account.id, chargePostings(applied.charges), repaymentId, now);
    const before = new Map(stored.map((row) => [row.id, row]));
    for (const row of applied.installments) {
      if (JSON.stringify(row, bigintText) === JSON.stringify(before.get(row.id), bigintText)) continue;
      const { id, ...values } = row;
      await tx.update(tables.loanInstallments).set(values).where(eq(tables.loanInstallments.id, id));
    }
    if (applied.added.length > 0) await tx.insert(tables.loanInstallments).values(applied.added);

    const all = [...applied.installments, ...applied.added];
    const outstandingPrincipalFen = account.outstandingPrincipalFen - applied.principalFen;
    const fullyRepaid = outstandingPrincipalFen === 0n && all.every((i) => !isOpenInstallment(i));
    const inArrears = all.some(
      (i) =>
        isOpenInstallment(i) && i.dueDate < today && unpaidOf(i).principalFen + unpaidOf(i).interestFen > 0n,
    );
    const [updatedAccount] = await tx
      .update(tables.loanAccounts)
      .set({
        outstandingPrincipalFen,
        status: fullyRepaid ? 'closed' : 'active',
        closedDate: fullyRepaid ? today : null,
        ...(inArrears ? {} : { daysPastDue: 0 }),
        version: account.version + 1,
        updatedAt: now,
      })
      .where(eq(tables.loanAccounts.id, account.id))
      .returning();
    await deps.audit.append(
      tx,
      actor,
      {
        action: `loan.${request.kind === 'regular' ? 'repay' : 'prepay'}`,
        entityType: 'loan_account',
        entityId: account.id,
        before: { outstandingPrincipalFen: account.outstandingPrincipalFen.toString() },
        after: {
          repaymentId,
          amountFen: applied.amountFen.toString(),
          penaltyFen: applied.penaltyFen.toString(),
          interestFen: applied.interestFen.toString(),
          principalFen: applied.principalFen.toString(),
          outstandingPrincipalFen: outstandingPrincipalFen.toString(),
        },
      },
      now,
    );

    const finalCase = fullyRepaid
      ? await closeRepaidCase(tx, deps, actor, caseRow, now)
      : caseRow.state === 'overdue' && !inArrears
        ? await writeCaseTransition(
            tx,
            deps,
            { ...actor, role: 'system' as Role },
            {
              row: caseRow,
              action: 'cure_overdue',
              to: assertCaseAction({
                state: 'overdue',
                action: 'cure_overdue',
                actorRole: 'system',
                actorUserId: actor.userId,
              }),
            },
            now,
          )
        : caseRow;

    const loan = await loadLoanAccountView(tx, updatedAccount!, finalCase.state, today);
    const answer = {
      repayment: loan.repayments.find((r) => r.id === repayment!.id)!,
      loan,
    };
    await storeIdempotentResponse(tx, claim.claimId, answer);
    return { ...answer, replayed: false };
  });
}

function bigintText(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}

/**
 * 结清 (close a fully repaid case) and start 注销 of every registration still on the register, in the same
 * transaction: the pledgee's side gives up its right because the debt is performed (debt_performed).
 */
async function closeRepaidCase(
  tx: Transaction,
  deps: AppDeps,
  actor: Actor,
  caseRow: CaseRow,
  at: Date,
): Promise<CaseRow> {
  const to = assertCaseAction({
    state: caseRow.state as CaseState,
    action: 'close',
    actorRole: actor.role,
    actorUserId: actor.userId,
    fullyRepaid: true,
  });
  const closed = await writeCaseTransition(tx, deps, actor, { row: caseRow, action: 'close', to }, at);
  const registered = await tx
    .select({ id: tables.pledgeRegistrations.id })
    .from(tables.pledgeRegistrations)
    .where(
      and(
        eq(tables.pledgeRegistrations.caseId, caseRow.id),
        eq(tables.pledgeRegistrations.state, 'registered'),
      ),
    );
  for (const registration of registered)
    await requestRegistrationCancellation(
      { registrationId: registration.id, reason: 'debt_performed' },
      actor,
      { ...deps, db: tx },
    );
  return closed;
}
