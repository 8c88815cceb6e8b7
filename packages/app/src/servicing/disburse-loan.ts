import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { assertCaseAction, type CaseState } from '@ipf/domain/ledger';
import {
  calculatePenaltyRate,
  calculateSchedule,
  CN_LPR_TABLE,
  findLprQuote,
  type RepaymentMethod,
} from '@ipf/domain/loan';
import { parseRatePct } from '@ipf/domain/money';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { getVisibleCase, withPreparer, writeCaseTransition } from '../ledger/transition-case.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { loanAnnualRate } from './loan-annual-rate.ts';
import { loadLoanAccountView, type LoanAccountView } from './loan-account-view.ts';
import { claimIdempotencyKey, storeIdempotentResponse } from './claim-idempotency-key.ts';
import { writeOriginalContractVersion } from './write-contract-version.ts';
import { fixCaseRiskSharing } from '../risk-sharing/fix-case-risk-sharing.ts';

export interface DisburseLoanInput {
  readonly caseId: string;
  /** 罚息上浮 in percent (30–50, 银发〔2003〕251号); default 50. */
  readonly penaltyMarkupPct?: string;
  /** 受托支付: paid to the borrower's counterparty against an invoice or contract. */
  readonly entrustedPayment?: {
    readonly counterpartyName: string;
    readonly counterpartyAccount: string;
    readonly reference: string;
  };
  readonly expectedVersion?: number;
  /** The `Idempotency-Key` header, when sent: a retry with the same key and request gets the stored answer. */
  readonly idempotencyKey?: string;
}

/** 放款结果: the new loan account; `replayed` when it is the stored answer of an earlier request with the same key. */
export type DisburseLoanResult = LoanAccountView & { readonly replayed?: true };

const REPAYMENT_METHODS: readonly RepaymentMethod[] = ['annuity', 'equalPrincipal', 'interestOnly', 'bullet'];

/**
 * 放款 (disburse a loan): the bank clerk pays out a registered case (or a contracted one when the product lets
 * disbursement precede registration), optionally as 受托支付; the rate is fixed at the LPR of the product's tenor
 * in effect today plus the case's spread, the schedule comes from the loan engine from today, and the case moves
 * registered → disbursed, where it rests until the first repayment or the daily job for its disbursement date
 * moves it to repaying (进入还款, a system step); contract version 1 is recorded. With an idempotency key a retry
 * gets the stored answer instead of a refusal. Source: issue 6 item 1; states.md "Financing case"; 《流动资金贷款管理办法》
 * (受托支付).
 */
export async function disburseLoan(
  input: DisburseLoanInput,
  actor: Actor,
  deps: AppDeps,
): Promise<DisburseLoanResult> {
  const scope = authorize(actor, 'loan.disburse');
  const now = deps.clock.now();
  const today = toShanghaiDate(now);
  const entrusted = input.entrustedPayment;
  if (
    entrusted !== undefined &&
    [entrusted.counterpartyName, entrusted.counterpartyAccount, entrusted.reference].some(
      (v) => v.trim() === '',
    )
  )
    throw new DomainError('ENTRUSTED_PAYMENT_DETAILS_REQUIRED');
  return runInTransaction(deps, async (tx) => {
    const row = await getVisibleCase(tx, input.caseId, actor, scope);
    const { idempotencyKey, ...request } = input;
    const claim =
      idempotencyKey === undefined
        ? null
        : await claimIdempotencyKey(
            tx,
            {
              organisationId: actor.organisationId,
              key: idempotencyKey,
              operation: 'loan.disburse',
              request,
            },
            now,
          );
    if (claim !== null && 'replay' in claim) return { ...(claim.replay as LoanAccountView), replayed: true };
    const [product] =
      row.productId === null
        ? []
        : await tx.select().from(tables.bankProducts).where(eq(tables.bankProducts.id, row.productId));
    const to = assertCaseAction({
      state: row.state as CaseState,
      action: 'disburse',
      actorRole: actor.role,
      actorUserId: actor.userId,
      disbursementRequiresRegistration: product?.disbursementRequiresRegistration ?? true,
    });
    const method = REPAYMENT_METHODS.find((m) => m === row.repaymentMethod);
    if (
      product === undefined ||
      row.amountFen === null ||
      row.termMonths === null ||
      row.spreadBps === null ||
      method === undefined
    )
      throw new DomainError('LOAN_TERMS_MISSING');

    const lprTenor = product.lprTenor.toUpperCase() === '5Y' ? '5Y' : '1Y';
    const quote = findLprQuote(CN_LPR_TABLE, lprTenor, today);
    const terms = { lprRatePct: quote.ratePct, spreadBps: row.spreadBps };
    const annualRate = loanAnnualRate(terms);
    const penaltyMarkupPct = input.penaltyMarkupPct ?? '50';
    calculatePenaltyRate(annualRate, parseRatePct(penaltyMarkupPct)); // refuses a markup outside 30–50 %
    const schedule = calculateSchedule({
      principalFen: row.amountFen,
      annualRate,
      termMonths: row.termMonths,
      method,
      startDate: today,
    });

    const accountId = randomUUID();
    const [account] = await tx
      .insert(tables.loanAccounts)
      .values({
        id: accountId,
        caseId: row.id,
        bankId: row.bankId,
        enterpriseId: row.enterpriseId,
        principalFen: row.amountFen,
        outstandingPrincipalFen: row.amountFen,
        lprTenor,
        ...terms,
        penaltyMarkupPct,
        repaymentMethod: method,
        termMonths: row.termMonths,
        disbursementDate: today,
        maturityDate: schedule.installments.at(-1)!.dueDate,
        entrustedPayment: entrusted !== undefined,
        counterpartyName: entrusted?.counterpartyName ?? null,
        counterpartyAccount: entrusted?.counterpartyAccount ?? null,
        entrustedReference: entrusted?.reference ?? null,
        status: 'active',
        servicedThroughDate: today,
        disbursedByUserId: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await tx.insert(tables.loanInstallments).values(
      schedule.installments.map((i) => ({
        id: randomUUID(),
        loanAccountId: accountId,
        period: i.period,
        accrualStartDate: i.accrualStartDate,
        accrualEndDate: i.accrualEndDate,
        dueDate: i.dueDate,
        openingBalanceFen: i.balanceFen + i.principalFen,
        principalFen: i.principalFen,
        interestFen: i.interestFen,
        status: 'scheduled',
      })),
    );
    await deps.audit.append(
      tx,
      actor,
      {
        action: 'loan.disburse',
        entityType: 'loan_account',
        entityId: accountId,
        after: {
          caseId: row.id,
          principalFen: row.amountFen.toString(),
          lprRatePct: quote.ratePct,
          spreadBps: row.spreadBps,
          method,
          entrustedPayment: entrusted ?? null,
          installments: schedule.installments.length,
        },
      },
      now,
    );
    const disbursed = await writeCaseTransition(
      tx,
      deps,
      actor,
      {
        row,
        action: 'disburse',
        to,
        expectedVersion: input.expectedVersion,
        patch: { preparedByUserIds: withPreparer(row, actor.userId) },
      },
      now,
    );
    await writeOriginalContractVersion(tx, account!, now);
    await fixCaseRiskSharing(tx, deps, actor, { caseRow: row, loanAccount: account! }, now); // 入池备案, 分险协议
    const loan = await loadLoanAccountView(tx, account!, disbursed.state, today);
    if (claim !== null) await storeIdempotentResponse(tx, claim.claimId, loan);
    return loan;
  });
}
