import { createHmac } from 'node:crypto';
import { and, asc, count, eq, inArray, ne } from 'drizzle-orm';
import { sm2 } from 'sm-crypto-v2';
import { addDays, addMonths } from '@ipf/domain/calendar';
import { DomainError } from '@ipf/domain/errors';
import { caseStateCodes, type CaseState } from '@ipf/domain/ledger';
import { registrationAuthorities } from '@ipf/domain/registration';
import { parseYuan } from '@ipf/domain/money';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import { systemActor } from '../actor.ts';
import type { AppDeps, Clock } from '../deps.ts';
import { prepareCaseContracts } from '../contracts/prepare-case-contracts.ts';
import { registerSigningCertificate } from '../contracts/register-signing-certificate.ts';
import { signCaseDocuments } from '../contracts/sign-case-documents.ts';
import { changeIpAssetStatus } from '../ip-assets/change-ip-asset-status.ts';
import { applyForFinancing } from '../ledger/apply-for-financing.ts';
import { approveCase } from '../ledger/approve-case.ts';
import { createCaseLead } from '../ledger/create-case-lead.ts';
import { declineCase } from '../ledger/decline-case.ts';
import { recordCaseRecovery } from '../ledger/record-case-recovery.ts';
import { recordCreditRating } from '../ledger/record-credit-rating.ts';
import { recordDueDiligence } from '../ledger/record-due-diligence.ts';
import { recordRiskEvaluation } from '../ledger/record-risk-evaluation.ts';
import { recordValueEvaluation } from '../ledger/record-value-evaluation.ts';
import { withdrawCase } from '../ledger/withdraw-case.ts';
import { writeOffCase } from '../ledger/write-off-case.ts';
import type { RegistrationAuthorityAdapter } from '../registration/registration-authority-adapter.ts';
import { submitPledgeRegistration } from '../registration/submit-pledge-registration.ts';
import { disburseLoan } from '../servicing/disburse-loan.ts';
import { getLoanAccount } from '../servicing/get-loan-account.ts';
import { postRepayment } from '../servicing/post-repayment.ts';
import { fileRiskClaim } from '../risk-sharing/file-risk-claim.ts';
import { openDisposition } from '../risk-sharing/open-disposition.ts';
import { recordGuaranteeInsurance } from '../risk-sharing/record-guarantee-insurance.ts';
import { acceptCaseParticipation } from '../ledger/accept-case-participation.ts';
import { runDailyServicingJob } from '../servicing/run-daily-servicing-job.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { loadDemoActors, type DemoActors } from './demo-actors.ts';
import { auctionDemoDisposition, settleDemoClaims, type DemoCasePayers } from './demo-default-workout.ts';
import { demoDueDiligenceItems } from './demo-due-diligence.ts';
import { seedDemoBorrowerUsers } from './seed-demo-borrower-users.ts';
import { SeededRandom } from './seeded-random.ts';

/** Default size of the demo ledger for `npm start` (issue 6 item 8: at least 1,000 cases, 20 in every state). */
export const DEFAULT_DEMO_LEDGER_CASES = 1050;

/** How far back the demo ledger's history goes (the earliest start date of a case). */
export const DEMO_LEDGER_HISTORY_DAYS = 300;

export interface SeedDemoLedgerResult {
  readonly seeded: boolean;
  readonly cases: number;
  readonly byState: Readonly<Record<string, number>>;
  readonly elapsedMs: number;
}

/** A case to drive: where it should end and when it starts (a Shanghai date before today). */
interface PlannedCase {
  readonly index: number;
  /** Which pass over the states (alternates the variants of a state: withdrawn early or after approval …). */
  readonly round: number;
  readonly target: CaseState;
  readonly startDate: string;
  readonly bankNo: string;
  readonly clerkLogin: string;
  readonly enterpriseId: string;
  readonly amountFen: bigint;
  readonly termMonths: number;
  /** 质押+担保 (a guarantor, with the city re-guarantee fund) or 质押+保险 (an insurer); none: pledge only. */
  readonly payers: DemoCasePayers;
}

/** A clock the seeding moves forward through the past (never backwards), so every event has its own date. */
class DemoLedgerClock implements Clock {
  private current: number;
  constructor(start: Date) {
    this.current = start.getTime();
  }
  /** The current instant; each reading moves the clock on by a millisecond, so no two use cases share one. */
  now(): Date {
    this.current += 1;
    return new Date(this.current);
  }
  /** `instant`, or a second on when the clock is past that already. */
  moveToInstant(instant: Date): void {
    this.current = Math.max(this.current + 1000, instant.getTime());
  }
  /** 09:30 Asia/Shanghai on `date` plus `minutes`, or later when the clock is past that already. */
  moveTo(date: string, minutes = 0): void {
    const target = Date.parse(`${date}T01:30:00.000Z`) + minutes * 60_000;
    this.current = Math.max(this.current + 1000, target);
  }
}

/** Days back from today at which a case with `target` starts (so servicing reaches that state by today). */
function startDaysBack(target: CaseState, random: SeededRandom): number {
  switch (target) {
    case 'repaying':
      return random.int(5, 110);
    case 'closed':
      // Paid off 10–24 days after the start (`payOff`), so before today.
      return random.int(30, 60);
    case 'overdue':
      return random.int(40, 100);
    case 'non_performing':
    case 'compensating':
    case 'disposing':
    case 'written_off':
    case 'recovered':
      return random.int(190, DEMO_LEDGER_HISTORY_DAYS);
    default:
      return random.int(1, 120);
  }
}

/** The order of the use cases on the way to `target` (the evaluation chain first, then contracts …). */
const PATH: readonly CaseState[] = [
  'applied',
  'risk_evaluated',
  'value_evaluated',
  'credit_rated',
  'approved',
  'contracted',
  'registered',
  'repaying',
];

function pathReaches(plan: PlannedCase, step: CaseState): boolean {
  const { target } = plan;
  const servicing: readonly CaseState[] = [
    'repaying',
    'closed',
    'overdue',
    'non_performing',
    'compensating',
    'disposing',
    'written_off',
    'recovered',
  ];
  const needed: Partial<Record<CaseState, CaseState>> = {
    declined: 'credit_rated',
    // Withdrawn early (after the application) or late (after the approval), alternating by round.
    withdrawn: plan.round % 2 === 0 ? 'applied' : 'approved',
    registration_pending: 'contracted',
    registration_refused: 'contracted',
    disbursed: 'registered',
  };
  const last = servicing.includes(target) ? 'repaying' : (needed[target] ?? target);
  const lastIndex = PATH.indexOf(last);
  return lastIndex >= 0 && PATH.indexOf(step) <= lastIndex;
}

/** A pending answer: the authority's gateway has received the filing and answers later (`recordRegistrationDecision`). */
const pendingAuthorityAdapters: readonly RegistrationAuthorityAdapter[] = registrationAuthorities.map(
  (authority) => ({
    authorityId: authority.authorityId,
    authority,
    file: () => Promise.resolve({ status: 'pending' as const }),
  }),
);

/**
 * 演示台账 (demo ledger, issue 6 item 8): `cases` financing cases spread evenly over every state of states.md
 * (the cases meant to rest in `disbursed` are paid out today, after the daily job, because the servicing of their
 * disbursement date starts their repayment), across the ten demo banks, two units each, and
 * enterprises of every district (each given a demo user first, `seedDemoBorrowerUsers`), generated by running
 * the real use cases as the demo users on dates in the past (a clock that moves forward day by day):
 * applications, the evaluation chain (every third formal report by demo firm evaluator1, which thus takes part in
 * the case), approvals and declines, contracts with real PDFs and SM2 signatures (the
 * enterprise's key derives from the demo seed), registrations at the built-in authorities (a gateway that
 * answers later for `registration_pending`; a court preservation noted before filing for
 * `registration_refused`), disbursements, repayments on their due dates, the daily servicing job (overdue and
 * non-performing by the 2023 rules) and the default workout. Deterministic for a seed and a day; does nothing when
 * the ledger has cases already. Progress goes to `deps.log` every 50 cases. An aborted `signal` stops it between
 * two use cases (the cases so far stay; `seeded` is then false).
 */
export async function seedDemoLedger(
  deps: AppDeps,
  cases: number,
  options: { readonly signal?: AbortSignal } = {},
): Promise<SeedDemoLedgerResult> {
  const started = Date.now();
  const [existing] = await deps.db.select({ n: count() }).from(tables.financingCases);
  if (cases <= 0 || (existing?.n ?? 0) > 0)
    return { seeded: false, cases: 0, byState: {}, elapsedMs: Date.now() - started };

  deps.log.info({ cases }, 'demo ledger: seeding');
  const realNow = deps.clock.now();
  const today = toShanghaiDate(realNow);
  const random = new SeededRandom(`${deps.demoSeed}:ledger`);
  await seedDemoBorrowerUsers(deps);
  const actors = await loadDemoActors(deps.db, 'demo-ledger');
  const evaluatorFirmId = actors.byLogin('evaluator1').organisationId;
  const assets = await freeAssetsByEnterprise(deps);
  const plans = await planCases(deps, actors, assets, cases, today, random);
  const firstDate = plans.reduce((d, p) => (p.startDate < d ? p.startDate : d), today);
  const clock = new DemoLedgerClock(new Date(Date.parse(`${firstDate}T00:00:00.000Z`)));
  const run: AppDeps = { ...deps, clock };
  const signer = enterpriseSigner(run, actors);

  // Every use case in date order: origination on the start date, then repayments on their due dates.
  type Job = { date: string; minutes: number; run: () => Promise<void> };
  const jobs: Job[] = plans.map((plan) => ({
    date: plan.startDate,
    minutes: plan.index % 300,
    run: () => originate(plan),
  }));
  const caseIds = new Map<number, string>();
  const disbursedToday: { id: string; clerk: Actor }[] = [];
  const refusals = new Map<string, string>();
  const borrowers = new Set(plans.map((p) => `${p.enterpriseId}:${p.bankNo}`));
  let done = 0;

  const originate = async (plan: PlannedCase): Promise<void> => {
    const clerk = actors.byLogin(plan.clerkLogin);
    const approver = actors.byLogin(`bank${plan.bankNo}.approver`);
    let enterpriseId = plan.enterpriseId;
    let enterprise = actors.ofEnterprise(enterpriseId);
    const step = async <T>(action: () => Promise<T>): Promise<T> => {
      clock.moveTo(plan.startDate, (plan.index % 300) + 1);
      return action();
    };
    done += 1;
    if (done % 50 === 0)
      deps.log.info({ cases: done, of: plans.length, elapsedMs: Date.now() - started }, 'demo ledger');

    if (plan.target === 'lead') {
      // 白名单推送: the city bureau pushes a whitelisted enterprise to the bank unit.
      const lead = await step(() =>
        createCaseLead(
          { enterpriseId: plan.enterpriseId, bankUnitId: clerk.organisationId, source: 'whitelist_push' },
          actors.byLogin('bureau.city'),
          run,
        ),
      );
      caseIds.set(plan.index, lead.id);
      return;
    }
    const unitId = clerk.organisationId;
    const productId = await productOf(plan.bankNo);
    const maturity = addMonths(plan.startDate, plan.termMonths);
    let applied: { id: string } | null = null;
    let assetId: string | null = null;
    let refusal: unknown = null;
    // An enterprise whose assets turn out ineligible for this term gives way to the next one with assets left.
    const fallbacks = [...assets.keys()].filter(
      (e) => e !== enterpriseId && actors.enterpriseIds.has(e) && !borrowers.has(`${e}:${plan.bankNo}`),
    );
    while (applied === null) {
      const candidates = assets.get(enterpriseId) ?? [];
      if (candidates.length === 0) {
        const next = fallbacks.shift();
        if (next === undefined) break;
        enterpriseId = next;
        enterprise = actors.ofEnterprise(enterpriseId);
        continue;
      }
      assetId = candidates.shift()!;
      try {
        applied = await step(() =>
          applyForFinancing(
            {
              bankUnitId: unitId,
              productId,
              amountFen: plan.amountFen,
              termMonths: plan.termMonths,
              repaymentMethod: plan.index % 3 === 0 ? 'equalPrincipal' : 'annuity',
              spreadBps: 30 + (plan.index % 5) * 10,
              combinedModel:
                plan.payers.guarantorKey !== undefined
                  ? 'plus_guarantee'
                  : plan.payers.insurerKey !== undefined
                    ? 'plus_insurance'
                    : 'pledge_only',
              ...(plan.payers.guarantorKey === undefined
                ? {}
                : {
                    guarantorOrganisationId: actors.byLogin(`${plan.payers.guarantorKey}.user`)
                      .organisationId,
                  }),
              ...(plan.payers.insurerKey === undefined
                ? {}
                : { insurerOrganisationId: actors.byLogin(`${plan.payers.insurerKey}.user`).organisationId }),
              assetIds: [assetId!],
              consentExpiresOn: addDays(maturity, 30),
            },
            enterprise,
            run,
          ),
        );
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        refusal = error;
        refusals.set(
          enterpriseId,
          `${error.code} ${JSON.stringify(error.params)} ${JSON.stringify(error.problems)}`,
        );
      }
    }
    if (applied === null)
      throw new Error(
        `demo ledger: no eligible asset left for ${plan.enterpriseId}: ${String(refusal)} ${refusals.get(enterpriseId)}`,
        {
          cause: refusal,
        },
      );
    borrowers.add(`${enterpriseId}:${plan.bankNo}`);
    const id = applied.id;
    caseIds.set(plan.index, id);
    const { target } = plan;
    // 尽职调查: complete before the risk evaluation; an application still waiting has it half done.
    await step(() =>
      recordDueDiligence({ id, items: demoDueDiligenceItems(target !== 'applied') }, clerk, run),
    );
    if (target === 'applied') return;
    if (target === 'withdrawn' && plan.round % 2 === 0)
      return void (await step(() => withdrawCase({ id, note: '企业暂缓融资' }, enterprise, run)));

    await step(() =>
      recordRiskEvaluation(
        {
          id,
          facts: {
            yearsInOperation: 3 + (plan.index % 12),
            hasAdverseCreditRecord: false,
            overdueLoansLast24Months: 0,
            debtToAssetPct: 25 + (plan.index % 30),
            revenueGrowthPct: 5 + (plan.index % 25),
            isHighTechEnterprise: plan.index % 4 !== 0,
            isOnWhitelist: plan.index % 3 !== 0,
            pendingLitigationCount: 0,
            taxCreditGrade: plan.index % 5 === 0 ? 'B' : 'A',
            grantedInventionPatentCount: 1 + (plan.index % 9),
          },
        },
        clerk,
        run,
      ),
    );
    if (!pathReaches(plan, 'value_evaluated')) return;
    // Every third report is by demo firm evaluator1, named from the registry: it becomes the case's evaluator,
    // so that the demo login evaluator1 sees those cases and records its fees; the others keep a typed name.
    const firm = plan.index % 3 === 0 ? { evaluatorOrganisationId: evaluatorFirmId } : {};
    await step(() =>
      recordValueEvaluation(
        {
          id,
          basis: 'formal_report',
          ...firm,
          evaluatorName: '中衡资产评估有限公司（演示）',
          valuers: ['王评估', '李评估'],
          method: 'income',
          valuationDate: plan.startDate,
          validUntil: addDays(addMonths(plan.startDate, 12), -1),
          assetValues: [{ assetId: assetId!, valueFen: plan.amountFen * 8n }],
        },
        clerk,
        run,
      ),
    );
    if (!pathReaches(plan, 'credit_rated')) return;
    await step(() =>
      recordCreditRating(
        { id, creditRating: plan.index % 4 === 0 ? 'AA' : 'A', creditLineFen: plan.amountFen },
        clerk,
        run,
      ),
    );
    if (target === 'credit_rated') return;
    // 承保: the named guarantor accepts (its guarantee is fixed on its standard product at disbursement), or the
    // named insurer accepts and records its 保证保险 policy (60% of the loss, 1.5% a year).
    if (plan.payers.guarantorKey !== undefined)
      await step(() =>
        acceptCaseParticipation(
          'guarantor',
          { id, note: '同意承保' },
          actors.byLogin(`${plan.payers.guarantorKey}.user`),
          run,
        ),
      );
    if (plan.payers.insurerKey !== undefined) {
      const insurer = actors.byLogin(`${plan.payers.insurerKey}.user`);
      await step(() => acceptCaseParticipation('insurer', { id, note: '同意承保' }, insurer, run));
      await step(() =>
        recordGuaranteeInsurance({ caseId: id, premiumRateBps: 150, coverageShareBps: 6000 }, insurer, run),
      );
    }
    if (target === 'declined')
      return void (await step(() =>
        declineCase(
          { id, reasonCode: 'insufficient_collateral_value', note: '演示：押品价值不足' },
          approver,
          run,
        ),
      ));
    await step(() => approveCase({ id }, approver, run));
    if (target === 'approved') return;
    if (target === 'withdrawn')
      return void (await step(() => withdrawCase({ id, note: '企业已获其他融资' }, enterprise, run)));

    const documents = await step(() => prepareCaseContracts({ id }, clerk, run));
    // 反担保: the guarantor, pledgee of the counter-guarantee pledge, signs first through its signing service.
    if (plan.payers.guarantorKey !== undefined)
      await step(() => signCaseDocuments({ id }, actors.byLogin(`${plan.payers.guarantorKey}.user`), run));
    const certificateId = await signer.certificateOf(enterpriseId);
    await step(() =>
      signCaseDocuments(
        {
          id,
          signatures: documents
            .filter((d) => !d.superseded)
            .map((d) => ({
              documentId: d.id,
              digestHex: d.sm3DigestHex,
              signatureHex: signer.sign(enterpriseId, d.sm3DigestHex),
              certificateId,
            })),
        },
        enterprise,
        run,
      ),
    );
    if (target === 'contracted') return;
    if (target === 'registration_pending')
      return void (await step(() =>
        submitPledgeRegistration({ caseId: id }, clerk, {
          ...run,
          registrationAdapters: pendingAuthorityAdapters,
        }),
      ));
    if (target === 'registration_refused') {
      // A court preserved the IP after the contracts were signed: the authority refuses on that ground.
      const [asset] = await deps.db
        .select({ legalStatus: tables.ipAssets.legalStatus })
        .from(tables.ipAssets)
        .where(eq(tables.ipAssets.id, assetId!));
      await step(() =>
        changeIpAssetStatus(
          {
            id: assetId!,
            legalStatus: asset!.legalStatus,
            flags: ['court_preserved'],
            occurredOn: toShanghaiDate(clock.now()),
            reason: 'court_order',
          },
          enterprise,
          run,
        ),
      );
      await step(() => submitPledgeRegistration({ caseId: id }, clerk, run));
      return;
    }
    // 反担保: the guarantor is the pledgee, so it files the pledge registration.
    const filer =
      plan.payers.guarantorKey === undefined ? clerk : actors.byLogin(`${plan.payers.guarantorKey}.user`);
    await step(() => submitPledgeRegistration({ caseId: id }, filer, run));
    if (target === 'registered') return;
    if (target === 'disbursed') return void disbursedToday.push({ id, clerk });
    const loan = await step(() => disburseLoan({ caseId: id }, clerk, run));

    // Repayments: on each due date for a loan that keeps paying; a full prepayment for one that closes.
    if (target === 'repaying')
      for (const installment of loan.installments)
        if (installment.dueDate < today)
          jobs.push({ date: installment.dueDate, minutes: plan.index % 300, run: () => payDue(id, clerk) });
    if (target === 'closed')
      jobs.push({
        date: addDays(plan.startDate, 10 + (plan.index % 15)),
        minutes: plan.index % 300,
        run: () => payOff(id, clerk),
      });
  };

  const payDue = async (caseId: string, clerk: Actor): Promise<void> => {
    const loan = await getLoanAccount(caseId, clerk, run);
    const amountFen = parseYuan(loan.payable.totalYuan);
    if (amountFen <= 0n) return;
    await postRepayment(
      {
        caseId,
        idempotencyKey: `demo-${caseId}-${toShanghaiDate(clock.now())}`,
        request: { kind: 'regular', amountFen },
      },
      clerk,
      run,
    );
  };
  const payOff = async (caseId: string, clerk: Actor): Promise<void> => {
    await postRepayment(
      {
        caseId,
        idempotencyKey: `demo-${caseId}-payoff`,
        request: { kind: 'prepayment', principalFen: 'full' },
      },
      clerk,
      run,
    );
  };

  const productIds = new Map<string, string>();
  const productOf = async (bankNo: string): Promise<string> => {
    const known = productIds.get(bankNo);
    if (known !== undefined) return known;
    const [row] = await deps.db
      .select({ id: tables.bankProducts.id })
      .from(tables.bankProducts)
      .innerJoin(tables.organisations, eq(tables.organisations.id, tables.bankProducts.bankId))
      .where(
        and(
          eq(tables.bankProducts.code, 'prd-demo-ipdai'),
          eq(tables.organisations.id, headOfficeOf(actors, bankNo)),
        ),
      );
    if (row === undefined) throw new Error(`bank${bankNo} offers no demo product`);
    productIds.set(bankNo, row.id);
    return row.id;
  };

  // Jobs may add later jobs (repayments), so take the earliest one each time.
  const aborted = (): SeedDemoLedgerResult | null => {
    if (options.signal?.aborted !== true) return null;
    deps.log.warn({ cases: caseIds.size, of: plans.length }, 'demo ledger stopped');
    return { seeded: false, cases: caseIds.size, byState: {}, elapsedMs: Date.now() - started };
  };
  while (jobs.length > 0) {
    // PGlite answers through microtasks: without a turn of the event loop between two use cases a server
    // seeding in the background would not answer a request (nor see a timer) until the whole ledger is in.
    await new Promise((resolve) => setImmediate(resolve));
    const stop = aborted();
    if (stop !== null) return stop;
    jobs.sort((a, b) => (a.date === b.date ? a.minutes - b.minutes : a.date < b.date ? -1 : 1));
    const job = jobs.shift()!;
    if (job.date >= today) continue;
    clock.moveTo(job.date, job.minutes);
    await job.run();
  }

  // Today: the daily job through yesterday (overdue, 2023 grades, non-performing), today's disbursements, then the
  // default workout. Today's steps a few minutes before the real now (never in the future, whatever the time of day).
  clock.moveToInstant(new Date(realNow.getTime() - 10 * 60_000));
  const platform = systemActor('demo-ledger');

  await runDailyServicingJob({ businessDate: addDays(today, -1) }, platform, run);
  for (const { id, clerk } of disbursedToday) await disburseLoan({ caseId: id }, clerk, run);
  for (const plan of plans) {
    await new Promise((resolve) => setImmediate(resolve));
    const stop = aborted();
    if (stop !== null) return stop;
    const id = caseIds.get(plan.index)!;
    const clerk = actors.byLogin(plan.clerkLogin);
    const approver = actors.byLogin(`bank${plan.bankNo}.approver`);
    const layered = plan.payers.guarantorKey !== undefined || plan.payers.insurerKey !== undefined;
    if (layered)
      // 代偿 / 理赔, the re-guarantee and the pool's 补偿, each through maker-checker and paid.
      await settleDemoClaims(id, plan.payers, clerk, actors, run);
    else if (plan.target === 'compensating' || (plan.target === 'recovered' && plan.round % 2 === 0))
      // 补偿: the pool's layer of the loan's loss, filed by the bank (the case becomes compensating).
      await fileRiskClaim({ caseId: id, payerRole: 'pool', note: '向风险补偿资金池申请补偿' }, clerk, run);
    if (plan.target === 'written_off' && plan.round === 0 && plan.payers.guarantorKey !== undefined)
      // The judged story: the first written-off guaranteed loan is auctioned, distributed and closed.
      await auctionDemoDisposition(
        { caseId: id, principalFen: plan.amountFen, buyerName: await demoBuyerName(deps, plan.enterpriseId) },
        clerk,
        approver,
        run,
      );
    else if (
      plan.target === 'disposing' ||
      (plan.target === 'written_off' && plan.round % 2 === 0) ||
      (plan.target === 'recovered' && plan.round % 2 === 1)
    )
      await openDisposition({ caseId: id, note: '质押专利拟拍卖处置' }, clerk, run);
    if (plan.target === 'recovered')
      await recordCaseRecovery(
        { id, reasonCode: 'recovered_in_full', note: '补偿及处置款项到账' },
        clerk,
        run,
      );
    if (plan.target === 'written_off')
      await writeOffCase({ id, reasonCode: 'loss_confirmed', note: '处置完毕，损失核销' }, approver, run);
  }

  const states = await deps.db
    .select({ state: tables.financingCases.state, n: count() })
    .from(tables.financingCases)
    .where(inArray(tables.financingCases.id, [...caseIds.values()]))
    .groupBy(tables.financingCases.state);
  const byState = Object.fromEntries(states.map((s) => [s.state, s.n]));
  await runInTransaction(deps, (tx) =>
    deps.audit.append(
      tx,
      systemActor('demo-seed'),
      {
        action: 'demo.ledger_seeded',
        entityType: 'platform',
        entityId: 'demo',
        after: { cases: caseIds.size, byState },
      },
      deps.clock.now(),
    ),
  );
  const elapsedMs = Date.now() - started;
  deps.log.info({ cases: caseIds.size, byState, elapsedMs }, 'demo ledger seeded');
  return { seeded: true, cases: caseIds.size, byState, elapsedMs };
}

function headOfficeOf(actors: DemoActors, bankNo: string): string {
  const path = actors.byLogin(`bank${bankNo}.hq`).organisationPath;
  return path.split('/').filter((p) => p !== '')[0]!;
}

/** The plan: `cases` split evenly over the states, each on a bank unit, an enterprise and a start date. */
async function planCases(
  deps: AppDeps,
  actors: DemoActors,
  assets: ReadonlyMap<string, readonly string[]>,
  cases: number,
  today: string,
  random: SeededRandom,
): Promise<PlannedCase[]> {
  const enterprises = (
    await deps.db
      .select({ id: tables.enterprises.organisationId, uscc: tables.enterprises.uscc })
      .from(tables.enterprises)
  )
    .filter((e) => actors.enterpriseIds.has(e.id) && (assets.get(e.id)?.length ?? 0) > 0)
    .sort((a, b) => (a.uscc < b.uscc ? -1 : 1))
    .map((e) => e.id);
  if (enterprises.length === 0) throw new Error('demo ledger: seed the demo parties first');
  // One case per enterprise and bank, so a borrower's grade at a bank (2023 rules) is its own case's.
  const used = new Set<string>();
  const planned = new Map<string, number>();
  const plans: PlannedCase[] = [];
  for (let index = 0; index < cases; index += 1) {
    const target = caseStateCodes[index % caseStateCodes.length]!;
    const bank = 1 + random.int(0, 9);
    const bankNo = String(bank).padStart(2, '0');
    // Each planned case takes one of its enterprise's assets (two in reserve for an ineligible one).
    let enterpriseId = random.pick(enterprises);
    for (
      let attempts = 0;
      used.has(`${enterpriseId}:${bankNo}`) ||
      (planned.get(enterpriseId) ?? 0) + 1 >= assets.get(enterpriseId)!.length;
      attempts += 1
    ) {
      if (attempts > 100_000)
        throw new Error(`demo ledger: the demo city has borrowers and assets for fewer than ${cases} cases`);
      enterpriseId = random.pick(enterprises);
    }
    used.add(`${enterpriseId}:${bankNo}`);
    planned.set(enterpriseId, (planned.get(enterpriseId) ?? 0) + 1);
    const amountYuan = 50 + random.int(0, 40) * 10; // 500,000 – 4,500,000 yuan
    plans.push({
      index,
      round: Math.floor(index / caseStateCodes.length),
      target,
      startDate: addDays(today, -startDaysBack(target, random)),
      bankNo,
      clerkLogin: random.chance(0.5) ? `bank${bankNo}.clerk` : `bank${bankNo}.lg.clerk`,
      enterpriseId,
      amountFen: BigInt(amountYuan) * 10_000_00n,
      termMonths: random.pick([12, 12, 24, 36]),
      payers: demoPayersOf(target, index),
    });
  }
  return plans;
}

/** Defaulted loans (compensating and after) whose risk a guarantor or an insurer shares, by the state's round. */
const LAYERED_TARGETS: readonly CaseState[] = ['compensating', 'disposing', 'written_off', 'recovered'];

/**
 * The payers of a planned case: of each defaulted state, the first of every three rounds is 质押+担保 (guarantor1
 * or guarantor2, with the city re-guarantee fund), the second 质押+保险 (insurer1 or insurer2), the third pledge
 * only (the bank and the pool).
 */
function demoPayersOf(target: CaseState, index: number): DemoCasePayers {
  if (!LAYERED_TARGETS.includes(target)) return {};
  const round = Math.floor(index / caseStateCodes.length);
  const n = 1 + (round % 2);
  if (round % 3 === 0) return { guarantorKey: `guarantor${n}` };
  if (round % 3 === 1) return { insurerKey: `insurer${n}` };
  return {};
}

/** The winning bidder of a demo auction: another demo enterprise, the first by credit code. */
async function demoBuyerName(deps: AppDeps, pledgorId: string): Promise<string> {
  const [buyer] = await deps.db
    .select({ name: tables.enterprises.name })
    .from(tables.enterprises)
    .where(ne(tables.enterprises.organisationId, pledgorId))
    .orderBy(asc(tables.enterprises.uscc))
    .limit(1);
  if (buyer === undefined) throw new Error('demo ledger: no enterprise to buy the auctioned patent');
  return buyer.name;
}

/** Each enterprise's granted, unflagged assets it owns alone (candidates; the application checks eligibility). */
async function freeAssetsByEnterprise(deps: AppDeps): Promise<Map<string, string[]>> {
  const owners = await deps.db
    .select({ assetId: tables.ipAssetOwners.assetId, enterpriseId: tables.ipAssetOwners.enterpriseId })
    .from(tables.ipAssetOwners);
  const ownerCount = new Map<string, number>();
  for (const o of owners) ownerCount.set(o.assetId, (ownerCount.get(o.assetId) ?? 0) + 1);
  const assets = await deps.db
    .select({
      id: tables.ipAssets.id,
      legalStatus: tables.ipAssets.legalStatus,
      flags: tables.ipAssets.flags,
      number: tables.ipAssets.number,
    })
    .from(tables.ipAssets)
    .where(
      and(
        inArray(tables.ipAssets.legalStatus, ['granted', 'registered']),
        // The kinds the demo product takes (its pledge-rate caps, `demoBankProducts`).
        inArray(tables.ipAssets.kind, [
          'invention_patent',
          'utility_model_patent',
          'trademark',
          'software_copyright',
        ]),
      ),
    );
  const usable = new Map(assets.filter((a) => a.flags.length === 0).map((a) => [a.id, a.number]));
  const result = new Map<string, string[]>();
  for (const o of owners) {
    if (o.enterpriseId === null || ownerCount.get(o.assetId) !== 1 || !usable.has(o.assetId)) continue;
    const list = result.get(o.enterpriseId) ?? [];
    list.push(o.assetId);
    result.set(o.enterpriseId, list);
  }
  for (const list of result.values()) list.sort((a, b) => (usable.get(a)! < usable.get(b)! ? -1 : 1));
  return result;
}

/**
 * The enterprises' SM2 keys (DEMO ONLY): derived from the demo secret, as a browser would keep its own key; the
 * certificate is registered through the real use case the first time an enterprise signs.
 */
function enterpriseSigner(deps: AppDeps, actors: DemoActors) {
  const keys = new Map<string, { privateKey: string; publicKey: string; certificateId?: string }>();
  const keyOf = (enterpriseId: string) => {
    let key = keys.get(enterpriseId);
    if (key === undefined) {
      const privateKey = createHmac('sm3', deps.demoSeed)
        .update(`demo-ledger-key:${enterpriseId}`)
        .digest('hex');
      key = { privateKey, publicKey: sm2.getPublicKeyFromPrivateKey(privateKey) };
      keys.set(enterpriseId, key);
    }
    return key;
  };
  return {
    async certificateOf(enterpriseId: string): Promise<string> {
      const key = keyOf(enterpriseId);
      if (key.certificateId === undefined) {
        const certificate = await registerSigningCertificate(
          { publicKeyHex: key.publicKey },
          actors.ofEnterprise(enterpriseId),
          deps,
        );
        key.certificateId = certificate.id;
      }
      return key.certificateId;
    },
    sign(enterpriseId: string, digestHex: string): string {
      const key = keyOf(enterpriseId);
      return sm2.doSignature(sm2.hexToArray(digestHex), key.privateKey, {
        hash: true,
        publicKey: key.publicKey,
        userId: '1234567812345678',
      });
    },
  };
}

/** Formats a count per state for the start-up log. */
export function formatDemoLedgerSummary(result: SeedDemoLedgerResult): string {
  return Object.entries(result.byState)
    .map(([state, n]) => `${state} ${n}`)
    .join(', ');
}
