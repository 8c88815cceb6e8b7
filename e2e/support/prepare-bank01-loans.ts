import { eq, inArray } from 'drizzle-orm';
import { runDailyServicingJob, systemActor, toShanghaiDate } from '@ipf/app';
import { tables } from '@ipf/db';
import type { TestApp, TestSession } from '../../apps/server/src/testing/create-test-app.ts';
import { prepareRegisteredCases } from '../../apps/server/src/testing/registered-case.ts';
import type { BrowserPlatform } from './browser-platform.ts';

/** One loan of bank01 as the subsidy browser tests start from it. */
export interface PreparedLoan {
  readonly caseId: string;
  readonly caseNumber: string;
  /** The borrower's organisation id and the login of one of its users. */
  readonly enterpriseId: string;
  readonly enterpriseLogin: string;
  readonly principalFen: bigint;
  readonly disbursedOn: string;
}

export interface PrepareBank01LoansOptions {
  /** One loan per amount (a yuan string such as `"1000000.00"`); the registered-case default is 1,000,000.00. */
  readonly amountsYuan?: readonly (string | undefined)[];
  /** The borrowers' registration district for the story (the demo seed spreads enterprises over districts). */
  readonly district?: string;
  /** The admitted evaluation firm whose formal report each case's value step records (the case's evaluator). */
  readonly evaluatorOrganisationId?: string;
  /** When given, the server's clock moves to this date and bank01's clerk settles each loan in full (提前结清). */
  readonly settleInFullOn?: string;
}

/**
 * Loans of bank01 for the subsidy browser tests, set up through the API like the servicing tests: each case
 * driven to `registered` by the servicing tests' helper, disbursed on the server's current business date (the
 * day's servicing job run for it, so repayment starts), then — if asked — repaid in full on a later date. Needs a
 * platform started with the servicing tests' demo seed (TEST_DEMO_SEED), whose parties the helper drives.
 */
export async function prepareBank01Loans(
  platform: BrowserPlatform,
  options: PrepareBank01LoansOptions = {},
): Promise<PreparedLoan[]> {
  const { server, clock, loginAs } = platform;
  const inject = (session: TestSession, url: string, key: string, payload: object) =>
    server.app.inject({
      method: 'POST',
      url,
      headers: { ...session.headers, 'idempotency-key': key },
      payload,
    });
  const t = { app: server.app, deps: server.deps, loginAs } as unknown as TestApp;
  const cases = await prepareRegisteredCases(t);
  const caseIds: string[] = [];
  for (const amountYuan of options.amountsYuan ?? [undefined]) {
    const { caseId } = await cases.registeredCase({
      ...(amountYuan === undefined ? {} : { amountYuan }),
      ...(options.evaluatorOrganisationId === undefined
        ? {}
        : { evaluatorOrganisationId: options.evaluatorOrganisationId }),
    });
    caseIds.push(caseId);
  }
  const { financingCases, loanAccounts, enterprises, users, memberships } = tables;
  if (options.district !== undefined) {
    const borrowers = await server.deps.db
      .select({ enterpriseId: financingCases.enterpriseId })
      .from(financingCases)
      .where(inArray(financingCases.id, caseIds));
    await server.deps.db
      .update(enterprises)
      .set({ district: options.district })
      .where(
        inArray(
          enterprises.organisationId,
          borrowers.map((b) => b.enterpriseId),
        ),
      );
  }

  const disbursedOn = toShanghaiDate(clock.now());
  for (const caseId of caseIds) {
    const res = await inject(cases.clerk, `/api/cases/${caseId}/disbursement`, `e2e-disburse-${caseId}`, {});
    if (res.statusCode !== 200) throw new Error(`disbursement of ${caseId}: ${res.statusCode} ${res.body}`);
  }
  await runDailyServicingJob({ businessDate: disbursedOn }, systemActor('e2e-day-of'), server.deps);

  const rows = await server.deps.db
    .select({
      caseId: financingCases.id,
      caseNumber: financingCases.caseNumber,
      enterpriseId: financingCases.enterpriseId,
      principalFen: loanAccounts.principalFen,
      disbursedOn: loanAccounts.disbursementDate,
    })
    .from(financingCases)
    .innerJoin(loanAccounts, eq(loanAccounts.caseId, financingCases.id))
    .where(inArray(financingCases.id, caseIds));
  if (options.settleInFullOn !== undefined) {
    clock.moveTo(options.settleInFullOn);
    // A new session: the one of the registered cases may have expired while the clock moved on.
    const clerk = await loginAs('bank01.clerk');
    for (const caseId of caseIds) {
      const res = await inject(clerk, `/api/cases/${caseId}/repayments`, `e2e-settle-${caseId}`, {
        kind: 'prepayment',
        settleInFull: true,
      });
      if (res.statusCode !== 200) throw new Error(`settlement of ${caseId}: ${res.statusCode} ${res.body}`);
    }
  }

  const loans: PreparedLoan[] = [];
  // In the order the amounts were given.
  for (const caseId of caseIds) {
    const row = rows.find((r) => r.caseId === caseId);
    if (row === undefined) throw new Error(`case ${caseId} has no loan account`);
    const [member] = await server.deps.db
      .select({ login: users.login })
      .from(users)
      .innerJoin(memberships, eq(memberships.userId, users.id))
      .where(eq(memberships.organisationId, row.enterpriseId));
    loans.push({ ...row, enterpriseLogin: member!.login });
  }
  return loans;
}
