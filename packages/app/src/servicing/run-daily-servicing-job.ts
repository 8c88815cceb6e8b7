import { randomUUID } from 'node:crypto';
import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import { isIsoDate } from '@ipf/domain/calendar';
import { DomainError } from '@ipf/domain/errors';
import { classifyBorrower, isNonPerforming } from '@ipf/domain/loan';
import { tables, type Transaction } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { scanPledgedAssets } from '../monitoring/scan-pledged-assets.ts';
import { calculateLoanDayServicing } from './calculate-loan-day-servicing.ts';
import type { LoanAccountRow } from './loan-annual-rate.ts';
import { loadInstallments } from './loan-account-view.ts';
import { writeLoanPostings } from './write-loan-postings.ts';
import { writeSystemCaseTransition } from './write-system-case-transition.ts';

export interface RunDailyServicingJobInput {
  /** 业务日期 (Asia/Shanghai), at most today. */
  readonly businessDate: string;
  /** Loans per transaction (default 100); the cursor is saved after each batch. */
  readonly batchSize?: number;
  /** Stop after this many batches, leaving the run to be continued (a time box, or a crash in tests). */
  readonly maxBatches?: number;
}

/** 日终批处理 run on the wire. */
export interface ServicingRunView {
  readonly businessDate: string;
  /** `loans` | `classification` | `completed`. */
  readonly phase: string;
  readonly loansProcessed: number;
  readonly batches: number;
  readonly startedAt: string;
  readonly completedAt: string | null;
}

type RunRow = typeof tables.servicingJobRuns.$inferSelect;

function toRunView(run: RunRow): ServicingRunView {
  return {
    businessDate: run.businessDate,
    phase: run.phase,
    loansProcessed: run.loansProcessed,
    batches: run.batches,
    startedAt: run.startedAt.toISOString(),
    completedAt: run.completedAt?.toISOString() ?? null,
  };
}

async function lockRun(tx: Transaction, businessDate: string): Promise<RunRow> {
  const [run] = await tx
    .select()
    .from(tables.servicingJobRuns)
    .where(eq(tables.servicingJobRuns.businessDate, businessDate))
    .for('update');
  return run!;
}

/**
 * 日终批处理 (the daily servicing job) for one business date: every active loan in id order, in batches of one
 * transaction each with the cursor saved in `servicing_job_runs`, is serviced through the date (accrual, due and
 * overdue instalments, 罚息 and 复利, its own grade; a disbursed case starts repayment; a repaying case with
 * arrears is marked overdue); then the
 * 2023 grades are set per borrower (the worst grade of its loans at one bank) and overdue cases graded 次级 or
 * worse become non-performing. Idempotent per date (a completed run returns at once; loans already serviced
 * through the date are skipped; postings are unique per loan, date and kind) and resumable (a run that stopped
 * continues after its cursor), so the books equal one clean run. Source: issue 6 item 3;
 * 《商业银行金融资产风险分类办法》(2023); 银发〔2003〕251号.
 * @throws DomainError('VALIDATION_FAILED' | 'SERVICING_DATE_IN_FUTURE')
 */
export async function runDailyServicingJob(
  input: RunDailyServicingJobInput,
  actor: Actor,
  deps: AppDeps,
): Promise<ServicingRunView> {
  authorize(actor, 'servicing.run_daily');
  const { businessDate } = input;
  const today = toShanghaiDate(deps.clock.now());
  if (!isIsoDate(businessDate))
    throw new DomainError(
      'VALIDATION_FAILED',
      {},
      {
        problems: [{ code: 'VALIDATION_FAILED', field: 'businessDate' }],
      },
    );
  if (businessDate > today) throw new DomainError('SERVICING_DATE_IN_FUTURE', { businessDate, today });
  const batchSize = input.batchSize ?? 100;

  const started = deps.clock.now();
  await deps.db
    .insert(tables.servicingJobRuns)
    .values({ id: randomUUID(), businessDate, phase: 'loans', startedAt: started, updatedAt: started })
    .onConflictDoNothing();

  for (let batch = 0; ; batch += 1) {
    if (input.maxBatches !== undefined && batch >= input.maxBatches) {
      const [run] = await deps.db
        .select()
        .from(tables.servicingJobRuns)
        .where(eq(tables.servicingJobRuns.businessDate, businessDate));
      return toRunView(run!);
    }
    const run = await runInTransaction(deps, async (tx) => {
      const locked = await lockRun(tx, businessDate);
      if (locked.phase === 'loans') return serviceNextBatch(tx, deps, actor, locked, batchSize);
      if (locked.phase === 'classification') return classifyBorrowers(tx, deps, actor, locked);
      return locked;
    });
    if (run.phase === 'completed') {
      // 押品贷后监测 after servicing (issue 6 item 5); idempotent, so a rerun of a completed date is harmless.
      await scanPledgedAssets({ businessDate }, actor, deps);
      deps.log.info(
        { businessDate, loans: run.loansProcessed, batches: run.batches },
        'daily servicing done',
      );
      return toRunView(run);
    }
  }
}

async function serviceNextBatch(
  tx: Transaction,
  deps: AppDeps,
  actor: Actor,
  run: RunRow,
  batchSize: number,
): Promise<RunRow> {
  const now = deps.clock.now();
  const accounts = await tx
    .select()
    .from(tables.loanAccounts)
    .where(
      and(
        eq(tables.loanAccounts.status, 'active'),
        run.cursorLoanId === null ? undefined : gt(tables.loanAccounts.id, run.cursorLoanId),
      ),
    )
    .orderBy(asc(tables.loanAccounts.id))
    .limit(batchSize)
    .for('update');
  if (accounts.length === 0) {
    const [next] = await tx
      .update(tables.servicingJobRuns)
      .set({ phase: 'classification', updatedAt: now })
      .where(eq(tables.servicingJobRuns.id, run.id))
      .returning();
    return next!;
  }
  await startRepayments(tx, deps, actor, accounts, run.businessDate, now);
  for (const account of accounts) await serviceLoan(tx, deps, actor, account, run.businessDate, now);
  const [next] = await tx
    .update(tables.servicingJobRuns)
    .set({
      cursorLoanId: accounts.at(-1)!.id,
      loansProcessed: run.loansProcessed + accounts.length,
      batches: run.batches + 1,
      updatedAt: now,
    })
    .where(eq(tables.servicingJobRuns.id, run.id))
    .returning();
  return next!;
}

/**
 * 进入还款: a disbursed case rests in `disbursed` until the day's servicing of its disbursement date (or its
 * first repayment) moves it to `repaying` as the system (states.md "Financing case").
 */
async function startRepayments(
  tx: Transaction,
  deps: AppDeps,
  actor: Actor,
  accounts: readonly LoanAccountRow[],
  businessDate: string,
  now: Date,
): Promise<void> {
  const caseIds = accounts.filter((a) => a.disbursementDate <= businessDate).map((a) => a.caseId);
  if (caseIds.length === 0) return;
  const disbursed = await tx
    .select()
    .from(tables.financingCases)
    .where(and(inArray(tables.financingCases.id, caseIds), eq(tables.financingCases.state, 'disbursed')))
    .orderBy(asc(tables.financingCases.id));
  for (const caseRow of disbursed)
    await writeSystemCaseTransition(tx, deps, actor, caseRow, 'start_repayment', now);
}

async function serviceLoan(
  tx: Transaction,
  deps: AppDeps,
  actor: Actor,
  account: LoanAccountRow,
  businessDate: string,
  now: Date,
): Promise<void> {
  if (account.servicedThroughDate !== null && account.servicedThroughDate >= businessDate) return;
  const stored = await loadInstallments(tx, account.id);
  const result = calculateLoanDayServicing(account, stored, businessDate);
  await writeLoanPostings(tx, account.id, result.postings, null, now);
  const before = new Map(stored.map((row) => [row.id, row]));
  for (const row of result.installments) {
    const old = before.get(row.id)!;
    if (
      old.status === row.status &&
      old.penaltyChargedFen === row.penaltyChargedFen &&
      old.compoundChargedFen === row.compoundChargedFen &&
      old.chargedThroughDate === row.chargedThroughDate
    )
      continue;
    await tx
      .update(tables.loanInstallments)
      .set({
        status: row.status,
        penaltyChargedFen: row.penaltyChargedFen,
        compoundChargedFen: row.compoundChargedFen,
        chargeBaseDate: row.chargeBaseDate,
        chargedThroughDate: row.chargedThroughDate,
      })
      .where(eq(tables.loanInstallments.id, row.id));
  }
  await tx
    .update(tables.loanAccounts)
    .set({
      servicedThroughDate: businessDate,
      daysPastDue: result.daysPastDue,
      ownGrade: result.ownGrade,
      updatedAt: now,
    })
    .where(eq(tables.loanAccounts.id, account.id));
  if (result.daysPastDue > 0) {
    const [caseRow] = await tx
      .select()
      .from(tables.financingCases)
      .where(eq(tables.financingCases.id, account.caseId));
    if (caseRow?.state === 'repaying')
      await writeSystemCaseTransition(tx, deps, actor, caseRow, 'mark_overdue', now);
  }
}

/**
 * 借款人分类: every active loan takes the worst grade among its borrower's active loans at the same bank
 * (`classifyBorrower`); an overdue case whose grade is 次级 or worse becomes non-performing.
 */
async function classifyBorrowers(tx: Transaction, deps: AppDeps, actor: Actor, run: RunRow): Promise<RunRow> {
  const now = deps.clock.now();
  const accounts = await tx
    .select()
    .from(tables.loanAccounts)
    .where(eq(tables.loanAccounts.status, 'active'))
    .orderBy(asc(tables.loanAccounts.id))
    .for('update');
  const borrowers = new Map<string, LoanAccountRow[]>();
  for (const a of accounts) {
    const key = `${a.bankId}/${a.enterpriseId}`;
    borrowers.set(key, [...(borrowers.get(key) ?? []), a]);
  }
  const nonPerforming: string[] = [];
  for (const loans of borrowers.values()) {
    const grade = classifyBorrower(
      loans.map((l) => ({ daysPastDue: l.daysPastDue, restructured: l.restructured })),
    );
    for (const loan of loans) {
      if (loan.grade !== grade)
        await tx
          .update(tables.loanAccounts)
          .set({ grade, updatedAt: now })
          .where(eq(tables.loanAccounts.id, loan.id));
      if (isNonPerforming(grade)) nonPerforming.push(loan.caseId);
    }
  }
  if (nonPerforming.length > 0) {
    const cases = await tx
      .select()
      .from(tables.financingCases)
      .where(
        and(inArray(tables.financingCases.id, nonPerforming), eq(tables.financingCases.state, 'overdue')),
      )
      .orderBy(asc(tables.financingCases.id));
    for (const caseRow of cases)
      await writeSystemCaseTransition(tx, deps, actor, caseRow, 'classify_non_performing', now);
  }
  await deps.audit.append(
    tx,
    actor,
    {
      action: 'servicing.daily_run',
      entityType: 'servicing_job_run',
      entityId: run.id,
      after: {
        businessDate: run.businessDate,
        loansProcessed: run.loansProcessed,
        batches: run.batches,
        nonPerformingLoans: nonPerforming.length,
      },
    },
    now,
  );
  const [next] = await tx
    .update(tables.servicingJobRuns)
    .set({ phase: 'completed', updatedAt: now, completedAt: now })
    .where(eq(tables.servicingJobRuns.id, run.id))
    .returning();
  return next!;
}
