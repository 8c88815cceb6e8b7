import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDailyServicingJob, systemActor, toWire } from '@ipf/app';
import { tables } from '@ipf/db';
import { formatYuan, parseYuan } from '@ipf/domain/money';
import { CITY_TECH_LOAN_SUBSIDY_EXAMPLE, NANSHAN_IP_PLEDGE_SUBSIDY_EXAMPLE } from '@ipf/domain/subsidy';
import { createTestApp, type TestApp } from './testing/create-test-app.ts';
import { datedSessions } from './testing/dated-sessions.ts';
import { prepareRegisteredCases, type RegisteredCase } from './testing/registered-case.ts';

type Proof = { kind: string; id: string; documentId?: string };
type Condition = { condition: string; met: boolean; proof: Proof | null };
type SchemeEligibility = {
  schemeVersionId: string;
  schemeId: string;
  eligible: boolean;
  totalYuan: string;
  evaluation: { conditions: Condition[] };
};
type CostPaid = { costId: string; kind: string; amountYuan: string; paidOn: string; proof: Proof };
type LoanEligibility = {
  caseId: string;
  principalYuan: string;
  costsPaid: CostPaid[];
  schemes: SchemeEligibility[];
};
type FeePayment = {
  id: string;
  kind: string;
  amountYuan: string;
  invoiceNumber: string;
  recordedBy: string;
  payeeOrganisationId: string;
  evidenceAttachmentId: string | null;
};
type Application = {
  id: string;
  state: string;
  requestedYuan: string;
  declared: Record<string, string>;
  evaluation: { conditions: Condition[] };
};

/** Half-up rounding of num/den (both positive), written out here rather than taken from the domain. */
const halfUp = (num: bigint, den: bigint) => (2n * num + den) / (2n * den);

/** A minimal PDF (its magic bytes are what the upload checks). */
const pdf = (text: string) =>
  Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n`).toString('base64');

const FEE_SCHEME_ID = 'test-evaluation-fee-subsidy';
const FEE_RATE_PCT = 50n;
/** Fees counted up to 0.5% of principal (the fee cap clause, like 福田's 4%). */
const FEE_LIMIT_PER_MILLE = 5n;

describe('fees actually paid, proofs of declared facts and the city notice (issue 9 items 1, 3, 4)', () => {
  let t: TestApp;
  let x: RegisteredCase;
  let other: RegisteredCase;
  let enterpriseLogin = '';
  let principalFen = 0n;
  let feeSchemeVersionId = '';
  let evaluatorOrgId = '';
  /** The city-scheme application of the declared-facts test (a scheme without the city's review step). */
  let cityApplicationId = '';
  const { as, api, setDate } = datedSessions(() => t);
  const loanOf = async (kase: RegisteredCase, login = enterpriseLogin) => {
    const res = await api(login, 'GET', '/api/subsidy-eligibility');
    expect(res.statusCode, res.body).toBe(200);
    return res.json<LoanEligibility[]>().find((l) => l.caseId === kase.caseId)!;
  };
  const feeScheme = async () => (await loanOf(x)).schemes.find((s) => s.schemeId === FEE_SCHEME_ID)!;
  const record = (login: string, body: object, kase: RegisteredCase = x) =>
    api(login, 'POST', `/api/cases/${kase.caseId}/fee-payments`, body);
  const upload = (login: string, kase: RegisteredCase, kind: string, fileName: string) =>
    api(login, 'POST', `/api/cases/${kase.caseId}/subsidy-evidence`, {
      kind,
      fileName,
      mimeType: 'application/pdf',
      contentBase64: pdf(fileName),
    });

  beforeAll(async () => {
    t = await createTestApp();
    const factory = await prepareRegisteredCases(t);
    x = await factory.registeredCase();
    other = await factory.registeredCase({ amountYuan: '600000.00' });
    const [row] = await t.deps.db
      .select({ enterpriseId: tables.financingCases.enterpriseId })
      .from(tables.financingCases)
      .where(eq(tables.financingCases.id, x.caseId));
    const [user] = await t.deps.db
      .select({ login: tables.users.login })
      .from(tables.users)
      .innerJoin(tables.memberships, eq(tables.memberships.userId, tables.users.id))
      .where(eq(tables.memberships.organisationId, row!.enterpriseId));
    enterpriseLogin = user!.login;
    await t.deps.db
      .update(tables.enterprises)
      .set({ district: 'nanshan' })
      .where(eq(tables.enterprises.organisationId, row!.enterpriseId));
    // The evaluation firm that valued the pledged patent takes part in the case (its evaluator).
    const [evaluator] = await t.deps.db
      .select({ organisationId: tables.memberships.organisationId })
      .from(tables.memberships)
      .innerJoin(tables.users, eq(tables.users.id, tables.memberships.userId))
      .where(eq(tables.users.login, 'evaluator1'));
    evaluatorOrgId = evaluator!.organisationId;
    await t.deps.db.insert(tables.caseParticipants).values({
      caseId: x.caseId,
      organisationId: evaluatorOrgId,
      role: 'evaluator',
      acceptedAt: t.clock.now(),
      createdAt: t.clock.now(),
    });

    for (const kase of [x, other]) {
      const res = await api('bank01.clerk', 'POST', `/api/cases/${kase.caseId}/disbursement`, {});
      if (res.statusCode !== 200) throw new Error(`disbursement: ${res.body}`);
    }
    await runDailyServicingJob({ businessDate: '2026-03-02' }, systemActor('day-of'), t.deps);
    setDate('2026-03-20');
    const settled = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${x.caseId}/repayments`,
      headers: { ...(await as('bank01.clerk')).headers, 'idempotency-key': 'fee-settle-x' },
      payload: { kind: 'prepayment', settleInFull: true },
    });
    if (settled.statusCode !== 200) throw new Error(`settle: ${settled.body}`);
    setDate('2027-01-11');

    // A scheme subsidising evaluation fees only: 50% of the fees paid in the year, fees counted up to 0.5% of
    // principal; the city approves after the district's review.
    const example = toWire(NANSHAN_IP_PLEDGE_SUBSIDY_EXAMPLE) as { eligibility: { kind: string }[] };
    const source = { document: '测试评估费补贴', article: 'art. 1', isExample: true };
    const published = await api('bureau.city', 'POST', '/api/subsidy-schemes', {
      requiresCityReview: true,
      scheme: {
        ...example,
        schemeId: FEE_SCHEME_ID,
        version: 1,
        nameZh: '测试：评估费补贴 50%',
        nameEn: 'Test: 50% of evaluation fees',
        effectiveFrom: '2024-01-01',
        effectiveTo: null,
        eligibility: example.eligibility.filter((c) => c.kind === 'pledge_registered'),
        benefits: [
          { kind: 'cost_share', costKind: 'evaluation_fee', ratePct: FEE_RATE_PCT.toString(), source },
        ],
        countedCostLimits: [
          {
            costKinds: ['evaluation_fee', 'service_fee'],
            pctOfPrincipal: (Number(FEE_LIMIT_PER_MILLE) / 10).toString(),
            source,
          },
        ],
        caps: [],
        budget: { totalYuan: null, whenShort: 'grant_partial', source },
      },
    });
    if (published.statusCode !== 201) throw new Error(`publish: ${published.body}`);
    feeSchemeVersionId = published.json<{ id: string }>().id;
    principalFen = parseYuan((await loanOf(x)).principalYuan);
  }, 900_000);
  afterAll(async () => t.close());

  it('a scheme subsidising evaluation fees pays nothing without a fee payment record, then its share of the recorded fees, counted up to the share of principal', async () => {
    // No record: the platform holds no evaluation fee (valuations carry none), so nothing is due.
    const before = await feeScheme();
    expect(before.totalYuan).toBe('0.00');
    expect(before.eligible).toBe(false);
    const refused = await api(enterpriseLogin, 'POST', '/api/subsidy-applications', {
      caseId: x.caseId,
      schemeVersionId: feeSchemeVersionId,
    });
    expect(refused.json<{ code: string }>().code).toBe('SUBSIDY_NOT_ELIGIBLE');

    // The evaluation firm records the fee it was paid: 50% of it is due (below the limit).
    const firstFen = 1_200_00n;
    const first = await record('evaluator1', {
      kind: 'evaluation_fee',
      amountYuan: formatYuan(firstFen),
      paidDate: '2026-03-05',
      invoiceNumber: 'PX-2026-0001',
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json<FeePayment>()).toMatchObject({
      recordedBy: 'payee',
      payeeOrganisationId: evaluatorOrgId,
    });
    const limitFen = (principalFen * FEE_LIMIT_PER_MILLE) / 1000n;
    expect(firstFen).toBeLessThan(limitFen);
    expect((await feeScheme()).totalYuan).toBe(formatYuan(halfUp(firstFen * FEE_RATE_PCT, 100n)));
    // The eligibility page lists the fee with its record as proof.
    const listed = (await loanOf(x)).costsPaid.find((c) => c.kind === 'evaluation_fee')!;
    expect(listed).toMatchObject({
      amountYuan: formatYuan(firstFen),
      paidOn: '2026-03-05',
      proof: { kind: 'fee_payment', id: 'PX-2026-0001' },
    });

    // A service fee the bank records is a cost paid too, but this scheme subsidises evaluation fees only.
    const service = await record('bank01.clerk', {
      kind: 'service_fee',
      amountYuan: '800.00',
      paidDate: '2026-03-06',
      invoiceNumber: 'BK-SVC-1',
    });
    expect(service.statusCode, service.body).toBe(201);
    expect(
      (await loanOf(x)).costsPaid.some((c) => c.kind === 'service_fee' && c.amountYuan === '800.00'),
    ).toBe(true);
    expect((await feeScheme()).totalYuan).toBe(formatYuan(halfUp(firstFen * FEE_RATE_PCT, 100n)));

    // The enterprise records a second evaluation fee with its uploaded invoice: the fees now exceed 0.5% of
    // principal, so they count only up to it.
    const invoice = await upload(enterpriseLogin, x, 'other', '评估费发票.pdf');
    expect(invoice.statusCode, invoice.body).toBe(201);
    const invoiceId = invoice.json<{ id: string }>().id;
    const secondFen = limitFen;
    const second = await record(enterpriseLogin, {
      kind: 'evaluation_fee',
      amountYuan: formatYuan(secondFen),
      paidDate: '2026-03-10',
      invoiceNumber: 'PX-2026-0002',
      payeeOrganisationId: evaluatorOrgId,
      evidenceAttachmentId: invoiceId,
    });
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json<FeePayment>()).toMatchObject({
      recordedBy: 'enterprise',
      evidenceAttachmentId: invoiceId,
    });
    expect(firstFen + secondFen).toBeGreaterThan(limitFen);
    const capped = await feeScheme();
    expect(capped.eligible).toBe(true);
    expect(capped.totalYuan).toBe(formatYuan(halfUp(limitFen * FEE_RATE_PCT, 100n)));
    const proofs = (await loanOf(x)).costsPaid.filter((c) => c.kind === 'evaluation_fee').map((c) => c.proof);
    expect(proofs).toEqual([
      { kind: 'fee_payment', id: 'PX-2026-0001' },
      { kind: 'upload', id: 'PX-2026-0002', documentId: invoiceId },
    ]);

    // Whoever reads the case lists the records; the payer's district bureau too.
    const list = await api('bureau.nanshan', 'GET', `/api/cases/${x.caseId}/fee-payments`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json<FeePayment[]>().map((p) => p.invoiceNumber)).toEqual([
      'PX-2026-0001',
      'BK-SVC-1',
      'PX-2026-0002',
    ]);
  });

  it('refuses a fee record without its invoice, of the wrong kind for the payee, twice, in the future, or on a case the recorder does not take part in', async () => {
    const base = { amountYuan: '100.00', paidDate: '2026-05-01' };
    const code = async (res: Promise<{ json: <T>() => T; statusCode: number }>) => {
      const r = await res;
      return [r.statusCode, r.json<{ code: string }>().code];
    };
    expect(
      await code(
        record(enterpriseLogin, {
          ...base,
          kind: 'evaluation_fee',
          invoiceNumber: 'N-1',
          payeeOrganisationId: evaluatorOrgId,
        }),
      ),
    ).toEqual([422, 'FEE_PAYMENT_EVIDENCE_REQUIRED']);
    expect(
      await code(record('bank01.clerk', { ...base, kind: 'evaluation_fee', invoiceNumber: 'BK-EV-1' })),
    ).toEqual([422, 'FEE_PAYMENT_KIND_NOT_ALLOWED']);
    expect(
      await code(record('evaluator1', { ...base, kind: 'evaluation_fee', invoiceNumber: 'PX-2026-0001' })),
    ).toEqual([409, 'FEE_PAYMENT_DUPLICATE']);
    expect(
      await code(
        record('evaluator1', {
          ...base,
          paidDate: '2027-02-01',
          kind: 'evaluation_fee',
          invoiceNumber: 'PX-FUT',
        }),
      ),
    ).toEqual([422, 'FEE_PAYMENT_DATE_IN_FUTURE']);
    // The evaluation firm takes no part in the other case: it is not found.
    expect(
      (await record('evaluator1', { ...base, kind: 'evaluation_fee', invoiceNumber: 'PX-X' }, other))
        .statusCode,
    ).toBe(404);
    // A payee that is not a fee-charging institution (the enterprise itself).
    const [own] = await t.deps.db
      .select({ enterpriseId: tables.financingCases.enterpriseId })
      .from(tables.financingCases)
      .where(eq(tables.financingCases.id, x.caseId));
    const invoice = (await upload(enterpriseLogin, x, 'other', '发票.pdf')).json<{ id: string }>().id;
    expect(
      await code(
        record(enterpriseLogin, {
          ...base,
          kind: 'service_fee',
          invoiceNumber: 'N-2',
          payeeOrganisationId: own!.enterpriseId,
          evidenceAttachmentId: invoice,
        }),
      ),
    ).toEqual([422, 'FEE_PAYMENT_PAYEE_INVALID']);
    // A bureau records no fee.
    expect(
      (
        await api('bureau.city', 'POST', `/api/cases/${x.caseId}/fee-payments`, {
          ...base,
          kind: 'service_fee',
          invoiceNumber: 'C',
        })
      ).statusCode,
    ).toBe(403);
    // Nothing of the refusals was written.
    const rows = await t.deps.db
      .select({ invoiceNumber: tables.feePayments.invoiceNumber })
      .from(tables.feePayments)
      .where(eq(tables.feePayments.caseId, x.caseId));
    expect(rows.map((r) => r.invoiceNumber).sort()).toEqual(['BK-SVC-1', 'PX-2026-0001', 'PX-2026-0002']);
  });

  it('a declared fact carries its uploaded document, which the reviewer opens from the application; a document of another case is refused', async () => {
    const city = (await loanOf(x)).schemes.find(
      (s) => s.schemeId === CITY_TECH_LOAN_SUBSIDY_EXAMPLE.schemeId,
    )!;
    // Another case's upload cannot prove this case's fact.
    const foreign = await upload(
      (
        await t.deps.db
          .select({ login: tables.users.login })
          .from(tables.users)
          .innerJoin(tables.memberships, eq(tables.memberships.userId, tables.users.id))
          .innerJoin(
            tables.financingCases,
            eq(tables.financingCases.enterpriseId, tables.memberships.organisationId),
          )
          .where(eq(tables.financingCases.id, other.caseId))
      )[0]!.login,
      other,
      'other',
      '入库证明.pdf',
    );
    expect(foreign.statusCode, foreign.body).toBe(201);
    const wrong = await api(enterpriseLogin, 'POST', '/api/subsidy-applications', {
      caseId: x.caseId,
      schemeVersionId: city.schemeVersionId,
      declared: { techSmeNumber: '202744030500777', techSmeDocumentId: foreign.json<{ id: string }>().id },
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json<{ code: string }>().code).toBe('SUBSIDY_EVIDENCE_NOT_FOUND');

    // The loan is repaid and its case closed: the proof is still accepted for the subsidy.
    const certificate = await upload(enterpriseLogin, x, 'other', '科技型中小企业入库证明.pdf');
    expect(certificate.statusCode, certificate.body).toBe(201);
    const documentId = certificate.json<{ id: string }>().id;
    const applied = await api(enterpriseLogin, 'POST', '/api/subsidy-applications', {
      caseId: x.caseId,
      schemeVersionId: city.schemeVersionId,
      declared: { techSmeNumber: '202744030500777', techSmeDocumentId: documentId },
    });
    expect(applied.statusCode, applied.body).toBe(201);
    const application = applied.json<Application>();
    cityApplicationId = application.id;
    expect(application.declared).toMatchObject({ techSmeDocumentId: documentId });
    const flag = application.evaluation.conditions.find((c) => c.condition === 'enterprise_flag')!;
    expect(flag).toMatchObject({
      met: true,
      proof: { kind: 'upload', id: '202744030500777', documentId },
    });
    // The district reviewer reads the application and opens the document it names.
    const read = await api('bureau.nanshan', 'GET', `/api/subsidy-applications/${application.id}`);
    expect(read.statusCode, read.body).toBe(200);
    const proof = read
      .json<Application>()
      .evaluation.conditions.find((c) => c.condition === 'enterprise_flag')!.proof!;
    const file = await api('bureau.nanshan', 'GET', `/api/case-attachments/${proof.documentId}/content`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.toString('base64')).toBe(pdf('科技型中小企业入库证明.pdf'));
  });

  it('when the district passes an application of a scheme the city approves, the city bureau is notified; not for a scheme the district approves alone; neither reviewer may approve', async () => {
    const cityNotices = async () =>
      (await api('bureau.city', 'GET', '/api/notifications?pageSize=200'))
        .json<{ items: { kind: string; params: Record<string, string>; link: string | null }[] }>()
        .items.filter((n) => n.kind === 'subsidy_application.city_review_requested');
    expect(await cityNotices()).toEqual([]);
    // The city tech-loan example has no city review step: the district's review tells the city nothing.
    const alone = await api(
      'bureau.nanshan',
      'POST',
      `/api/subsidy-applications/${cityApplicationId}/review`,
      {
        decision: 'pass',
      },
    );
    expect(alone.statusCode, alone.body).toBe(200);
    // The queue reads from the application whether the district's pass is the last review before approval.
    expect(alone.json<Application>()).toMatchObject({
      state: 'district_reviewed',
      requiresCityReview: false,
    });
    expect(await cityNotices()).toEqual([]);

    const applied = await api(enterpriseLogin, 'POST', '/api/subsidy-applications', {
      caseId: x.caseId,
      schemeVersionId: feeSchemeVersionId,
    });
    expect(applied.statusCode, applied.body).toBe(201);
    const { id } = applied.json<Application>();
    const reviewed = await api('bureau.nanshan', 'POST', `/api/subsidy-applications/${id}/review`, {
      decision: 'pass',
    });
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    expect(reviewed.json<Application>()).toMatchObject({
      state: 'district_reviewed',
      requiresCityReview: true,
    });
    // Not yet ready for approval: the city has not reviewed it.
    const early = await api('bureau.city.checker', 'POST', `/api/subsidy-applications/${id}/approve`, {});
    expect(early.json<{ code: string }>().code).toBe('SUBSIDY_TRANSITION_NOT_ALLOWED');
    const [row] = await t.deps.db
      .select({ applicationNumber: tables.subsidyApplications.applicationNumber })
      .from(tables.subsidyApplications)
      .where(eq(tables.subsidyApplications.id, id));
    const notices = await cityNotices();
    expect(notices.map((n) => [n.params['applicationNumber'], n.link])).toEqual([
      [row!.applicationNumber, '/subsidy-applications'],
    ]);
    // The city's review follows (the step it was told of).
    const cityReview = await api('bureau.city', 'POST', `/api/subsidy-applications/${id}/review`, {
      decision: 'pass',
    });
    expect(cityReview.statusCode, cityReview.body).toBe(200);
    expect(cityReview.json<Application>().state).toBe('city_reviewed');
    // Both reviewers are named, so the queue tells each that another user must approve; the server refuses either.
    const userIdOf = async (login: string) =>
      (
        await t.deps.db
          .select({ id: tables.users.id })
          .from(tables.users)
          .where(eq(tables.users.login, login))
      )[0]!.id;
    expect(cityReview.json<Application>()).toMatchObject({
      reviewedByUserId: await userIdOf('bureau.nanshan'),
      cityReviewedByUserId: await userIdOf('bureau.city'),
    });
    const self = await api('bureau.city', 'POST', `/api/subsidy-applications/${id}/approve`, {});
    expect(self.json<{ code: string }>().code).toBe('SUBSIDY_MAKER_CHECKER_VIOLATION');
  });
});
