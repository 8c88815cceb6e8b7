import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideRiskClaim, fromStoredAgreement, type Actor } from '@ipf/app';
import { tables } from '@ipf/db';
import { formatYuan, parseYuan } from '@ipf/domain/money';
import { calculateLayeredLoss } from '@ipf/domain/risk-sharing';
import { createTestApp, type TestApp, type TestSession } from './testing/create-test-app.ts';
import {
  amendAgreement,
  createPayerChecker,
  DEFAULT_DATE,
  prepareDefaultedCases,
} from './testing/defaulted-cases.ts';
import { demoOrganisationOf } from './testing/demo-organisation-of.ts';

type Problem = { status: number; code: string };
type Claim = {
  id: string;
  claimNumber: string;
  caseId: string;
  payerRole: string;
  payerOrganisationId: string;
  claimedYuan: string;
  approvedYuan: string | null;
  paidYuan: string | null;
  shortfallYuan: string | null;
  recoveredYuan: string;
  state: string;
  documents: { kind: string; ref: string }[];
  version: number;
};
type CaseClaims = {
  caseState: string;
  filingOpen: boolean;
  loss: { principalYuan: string; interestYuan: string; lossBaseYuan: string } | null;
  payers: { role: string; partyId: string; claimableYuan: string | null; liveClaimId: string | null }[];
  claims: Claim[];
};
type Installment = { dueDate: string; interestYuan: string; interestPaidYuan: string; status: string };

describe('claims 代偿/理赔/补偿: amounts from the layered split, maker-checker, pool budget, no double payment, recoveries', () => {
  let t: TestApp;
  let caseA: string;
  let caseB: string;
  let caseC: string;
  let clerk: TestSession;
  let guarantor: TestSession;
  let guarantor2: TestSession;
  let insurer: TestSession;
  let bureau: TestSession;
  let guarantorChecker: Actor;
  const guarantorOrg = demoOrganisationOf('guarantor1.user');
  const reGuarantorOrg = demoOrganisationOf('reguarantor.user');

  const api = (session: TestSession, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: session.headers, ...(payload === undefined ? {} : { payload }) });
  const caseClaims = async (caseId: string) =>
    (await api(clerk, 'GET', `/api/cases/${caseId}/risk-claims`)).json<CaseClaims>();
  const file = (caseId: string, payload: object, session: TestSession = clerk) =>
    api(session, 'POST', `/api/cases/${caseId}/risk-claims`, payload);
  /** The pool administrator (city or 坪山) whose pool the case was filed into. */
  const poolSessionOf = async (payerOrganisationId: string) =>
    t.loginAs(payerOrganisationId === demoOrganisationOf('pool.city') ? 'pool.city' : 'pool.pingshan');

  beforeAll(async () => {
    t = await createTestApp();
    const defaulted = await prepareDefaultedCases(t, 3);
    [caseA, caseB, caseC] = defaulted.caseIds as [string, string, string];
    clerk = await t.loginAs('bank01.clerk');
    guarantor = await t.loginAs('guarantor1.user');
    guarantor2 = await t.loginAs('guarantor2.user');
    insurer = await t.loginAs('insurer1.user');
    bureau = await t.loginAs('bureau.city');
    // Case A: guarantor 80% capped at nothing, the city re-guarantee fund 50% of the guarantor's part, the pool 1 : 1
    // of the bank's retained loss (fixed at disbursement), on principal and interest.
    await amendAgreement(t, caseA, {
      lossBase: 'principal_and_interest',
      guarantor: { party: guarantorOrg, shareBps: 8000n },
      reGuarantor: { party: reGuarantorOrg, shareBps: 5000n },
    });
    guarantorChecker = await createPayerChecker(t, guarantorOrg, 'guarantor_user');
  }, 300_000);
  afterAll(async () => t.close());

  it('asks of each payer exactly its layer of the loan loss (outstanding principal + unpaid interest due), to the fen', async () => {
    const loan = (await api(clerk, 'GET', `/api/cases/${caseA}/loan`)).json<{
      outstandingPrincipalYuan: string;
      installments: Installment[];
    }>();
    const interestFen = loan.installments
      .filter((i) => i.dueDate <= DEFAULT_DATE && i.status !== 'paid' && i.status !== 'superseded')
      .reduce((sum, i) => sum + parseYuan(i.interestYuan) - parseYuan(i.interestPaidYuan), 0n);
    expect(interestFen).toBeGreaterThan(0n);
    const loss = { principalFen: parseYuan(loan.outstandingPrincipalYuan), interestFen };

    const panel = await caseClaims(caseA);
    expect(panel).toMatchObject({ caseState: 'non_performing', filingOpen: true });
    expect(panel.loss).toEqual({
      principalYuan: '1000000.00',
      interestYuan: formatYuan(interestFen),
      lossBaseYuan: formatYuan(loss.principalFen + interestFen),
    });
    const [stored] = await t.deps.db
      .select()
      .from(tables.riskSharingAgreements)
      .where(eq(tables.riskSharingAgreements.caseId, caseA))
      .orderBy(desc(tables.riskSharingAgreements.version))
      .limit(1);
    const split = calculateLayeredLoss(fromStoredAgreement(stored!.agreement), loss);
    const borne = (role: string) => split.parts.find((p) => p.role === role)!.borneFen;
    // The guarantor compensates the bank for its whole capped share (its own part and the re-guarantee's).
    const expected = {
      guarantor: borne('guarantor') + borne('re_guarantor'),
      re_guarantor: borne('re_guarantor'),
      pool: borne('pool'),
    };
    expect(expected.guarantor + expected.pool + borne('bank')).toBe(loss.principalFen + interestFen);
    expect(panel.payers.map((p) => [p.role, p.claimableYuan])).toEqual([
      ['guarantor', formatYuan(expected.guarantor)],
      ['re_guarantor', formatYuan(expected.re_guarantor)],
      ['pool', formatYuan(expected.pool)],
    ]);

    const filed = await file(caseA, {
      payerRole: 'guarantor',
      externalDocuments: [{ name: '催收通知书', ref: 'CS-2026-001' }],
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const claim = filed.json<Claim>();
    expect(claim).toMatchObject({
      payerRole: 'guarantor',
      payerOrganisationId: guarantorOrg,
      claimedYuan: formatYuan(expected.guarantor),
      state: 'filed',
    });
    expect(claim.documents).toEqual([{ kind: 'external', name: '催收通知书', ref: 'CS-2026-001' }]);

    const pool = await file(caseA, { payerRole: 'pool' });
    expect(pool.statusCode, pool.body).toBe(201);
    expect(pool.json<Claim>().claimedYuan).toBe(formatYuan(expected.pool));
  });

  it('moves the case to compensating on the first claim and shows every claim on the case timeline', async () => {
    const detail = (await api(clerk, 'GET', `/api/cases/${caseA}`)).json<{
      state: string;
      events: { action: string; fromState: string; toState: string; reasonCode: string | null }[];
    }>();
    expect(detail.state).toBe('compensating');
    const claimEvents = detail.events.filter((e) => e.action === 'file_claim');
    expect(claimEvents.map((e) => [e.fromState, e.toState, e.reasonCode])).toEqual([
      ['non_performing', 'compensating', 'guarantor_claim'],
      ['compensating', 'compensating', 'pool_claim'],
    ]);
  });

  it('refuses a second live claim on the same payer (RISK_CLAIM_DUPLICATE) and a payer outside the agreement', async () => {
    const again = await file(caseA, { payerRole: 'guarantor' });
    expect(again.statusCode).toBe(409);
    expect(again.json<Problem>().code).toBe('RISK_CLAIM_DUPLICATE');
    const insurerClaim = await file(caseA, { payerRole: 'insurer' });
    expect(insurerClaim.statusCode).toBe(400);
    expect(insurerClaim.json<Problem>().code).toBe('RISK_CLAIM_ROLE_NOT_IN_AGREEMENT');
    // An attachment of another case is no proof for this one.
    const foreign = await file(caseB, { payerRole: 'pool', attachmentIds: [caseA] });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json<Problem>().code).toBe('CLAIM_DOCUMENT_INVALID');
  });

  it('lets the bank file only the bank-side claims and the guarantor the re-guarantee after its compensation is paid', async () => {
    const byBank = await file(caseA, { payerRole: 're_guarantor' });
    expect(byBank.statusCode).toBe(403);
    const early = await file(caseA, { payerRole: 're_guarantor' }, guarantor);
    expect(early.statusCode).toBe(409);
    expect(early.json<Problem>().code).toBe('CLAIM_REGUARANTEE_BEFORE_COMPENSATION');
    // Another guarantor is no party to the agreement: the case does not exist for it.
    expect((await file(caseA, { payerRole: 're_guarantor' }, guarantor2)).statusCode).toBe(404);
  });

  it('keeps review and approval apart: the reviewer cannot approve (CLAIM_MAKER_CHECKER_VIOLATION); another user of the payer can', async () => {
    const claim = (await caseClaims(caseA)).claims.find((c) => c.payerRole === 'guarantor')!;
    // Only the payer reviews: the bank, another guarantor and an insurer cannot.
    expect((await api(clerk, 'POST', `/api/risk-claims/${claim.id}/review`, {})).statusCode).toBe(403);
    expect((await api(guarantor2, 'POST', `/api/risk-claims/${claim.id}/review`, {})).statusCode).toBe(404);
    expect((await api(insurer, 'POST', `/api/risk-claims/${claim.id}/review`, {})).statusCode).toBe(404);
    const reviewed = await api(guarantor, 'POST', `/api/risk-claims/${claim.id}/review`, {});
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    expect(reviewed.json<Claim>().state).toBe('under_review');

    const self = await api(guarantor, 'POST', `/api/risk-claims/${claim.id}/decision`, {
      decision: 'approve',
    });
    expect(self.statusCode).toBe(403);
    expect(self.json<Problem>().code).toBe('CLAIM_MAKER_CHECKER_VIOLATION');
    await expect(
      decideRiskClaim(
        { id: claim.id, decision: 'approve', approvedYuan: formatYuan(parseYuan(claim.claimedYuan) + 1n) },
        guarantorChecker,
        t.deps,
      ),
    ).rejects.toMatchObject({ code: 'CLAIM_APPROVED_AMOUNT_INVALID' });
    const approved = await decideRiskClaim({ id: claim.id, decision: 'approve' }, guarantorChecker, t.deps);
    expect(approved).toMatchObject({ state: 'approved', approvedYuan: claim.claimedYuan });
  });

  it('pays an approved claim once: the payment equals the approved amount, a second payment is refused', async () => {
    const claim = (await caseClaims(caseA)).claims.find((c) => c.payerRole === 'guarantor')!;
    const paid = await api(guarantor, 'POST', `/api/risk-claims/${claim.id}/payment`, {
      reference: 'DC-0001',
    });
    expect(paid.statusCode, paid.body).toBe(200);
    expect(paid.json<Claim>()).toMatchObject({
      state: 'paid',
      paidYuan: claim.claimedYuan,
      shortfallYuan: '0.00',
    });
    const twice = await api(guarantor, 'POST', `/api/risk-claims/${claim.id}/payment`, {
      reference: 'DC-0002',
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json<Problem>().code).toBe('CLAIM_TRANSITION_NOT_ALLOWED');
    const payments = await t.deps.db
      .select()
      .from(tables.riskClaimPayments)
      .where(eq(tables.riskClaimPayments.claimId, claim.id));
    expect(payments.map((p) => formatYuan(p.amountFen))).toEqual([claim.claimedYuan]);

    // Now the guarantor claims the re-guarantee share from the fund.
    const re = await file(caseA, { payerRole: 're_guarantor' }, guarantor);
    expect(re.statusCode, re.body).toBe(201);
    expect(re.json<Claim>()).toMatchObject({ payerOrganisationId: reGuarantorOrg });
    const timeline = (await api(clerk, 'GET', `/api/cases/${caseA}`)).json<{
      events: { action: string }[];
    }>();
    expect(timeline.events.map((e) => e.action)).toEqual(
      expect.arrayContaining(['review_risk_claim', 'approve_risk_claim', 'pay_risk_claim']),
    );
  });

  it('pays a pool claim within the pool budget of the year and raises its used amount in the same transaction', async () => {
    const claim = (await caseClaims(caseA)).claims.find((c) => c.payerRole === 'pool')!;
    const pool = await poolSessionOf(claim.payerOrganisationId);
    const checker = await createPayerChecker(t, claim.payerOrganisationId, 'pool_admin');
    const budgetOf = async () => {
      const [filing] = await t.deps.db
        .select()
        .from(tables.riskPoolFilings)
        .where(eq(tables.riskPoolFilings.caseId, caseA));
      const [budget] = await t.deps.db
        .select()
        .from(tables.riskPoolBudgets)
        .where(and(eq(tables.riskPoolBudgets.poolId, filing!.poolId), eq(tables.riskPoolBudgets.year, 2026)));
      return budget!;
    };
    const before = await budgetOf();
    expect((await api(pool, 'POST', `/api/risk-claims/${claim.id}/review`, {})).statusCode).toBe(200);
    await decideRiskClaim({ id: claim.id, decision: 'approve' }, checker, t.deps);
    const paid = await api(pool, 'POST', `/api/risk-claims/${claim.id}/payment`, { reference: 'BC-0001' });
    expect(paid.statusCode, paid.body).toBe(200);
    expect(paid.json<Claim>()).toMatchObject({
      state: 'paid',
      paidYuan: claim.claimedYuan,
      shortfallYuan: '0.00',
    });
    const after = await budgetOf();
    expect(after.usedFen - before.usedFen).toBe(parseYuan(claim.claimedYuan));
  });

  it('pays part of a pool claim when the budget is short (the rest stays with the bank) and refuses once it is used up', async () => {
    const [filingB] = await t.deps.db
      .select()
      .from(tables.riskPoolFilings)
      .where(eq(tables.riskPoolFilings.caseId, caseB));
    const ofYear = and(
      eq(tables.riskPoolBudgets.poolId, filingB!.poolId),
      eq(tables.riskPoolBudgets.year, 2026),
    );
    const [budget] = await t.deps.db.select().from(tables.riskPoolBudgets).where(ofYear);
    // Leave 1,000.00 of the year's budget.
    await t.deps.db
      .update(tables.riskPoolBudgets)
      .set({ budgetFen: budget!.usedFen + 100_000n })
      .where(ofYear);

    // A claim lists the case's own attachments (申请材料) as its documents.
    const uploaded = await api(clerk, 'POST', `/api/cases/${caseB}/attachments`, {
      kind: 'other',
      fileName: '逾期催收记录.pdf',
      mimeType: 'application/pdf',
      contentBase64: Buffer.from('%PDF-1.4\n% claim proof\n%%EOF\n').toString('base64'),
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const attachmentId = uploaded.json<{ id: string }>().id;
    const b = (await file(caseB, { payerRole: 'pool', attachmentIds: [attachmentId] })).json<Claim>();
    expect(b.documents).toEqual([{ kind: 'case_attachment', name: '逾期催收记录.pdf', ref: attachmentId }]);
    const c = (await file(caseC, { payerRole: 'pool' })).json<Claim>();
    const pool = await poolSessionOf(b.payerOrganisationId);
    const checker = await createPayerChecker(t, b.payerOrganisationId, 'pool_admin');
    for (const claim of [b, c]) {
      expect((await api(pool, 'POST', `/api/risk-claims/${claim.id}/review`, {})).statusCode).toBe(200);
      await decideRiskClaim({ id: claim.id, decision: 'approve' }, checker, t.deps);
    }
    const partial = await api(pool, 'POST', `/api/risk-claims/${b.id}/payment`, { reference: 'BC-0002' });
    expect(partial.statusCode, partial.body).toBe(200);
    expect(partial.json<Claim>()).toMatchObject({
      paidYuan: '1000.00',
      shortfallYuan: formatYuan(parseYuan(b.claimedYuan) - 100_000n),
    });
    const exhausted = await api(pool, 'POST', `/api/risk-claims/${c.id}/payment`, { reference: 'BC-0003' });
    expect(exhausted.statusCode).toBe(409);
    expect(exhausted.json<Problem>()).toMatchObject({ code: 'POOL_BUDGET_EXHAUSTED' });
    const [after] = await t.deps.db.select().from(tables.riskPoolBudgets).where(ofYear);
    expect(after!.usedFen).toBe(after!.budgetFen);
  });

  it('shares a recovery back pro rata to what each party bore, adding up to the recovered amount to the fen', async () => {
    // Case A: the guarantor and the pool have paid the bank; the re-guarantee claim is filed, not paid.
    const res = await api(clerk, 'POST', `/api/cases/${caseA}/risk-recoveries`, {
      amountYuan: '300000.01',
      reference: '(2026)粤0305执001号',
    });
    expect(res.statusCode, res.body).toBe(200);
    const recovery = res.json<{
      recoveredYuan: string;
      sharedYuan: string;
      surplusYuan: string;
      shares: { role: string; organisationId: string; amountYuan: string; claimId: string | null }[];
    }>();
    expect(recovery.surplusYuan).toBe('0.00');
    const total = recovery.shares.reduce((sum, s) => sum + parseYuan(s.amountYuan), 0n);
    expect(formatYuan(total)).toBe('300000.01');
    expect(recovery.shares.map((s) => s.role).sort()).toEqual(['bank', 'guarantor', 'pool']);

    // Pro rata: each part within a fen of recovered × borne ÷ total borne.
    const panel = await caseClaims(caseA);
    const paidOf = (role: string) => parseYuan(panel.claims.find((c) => c.payerRole === role)!.paidYuan!);
    const base = parseYuan(panel.loss!.lossBaseYuan);
    const borne = { guarantor: paidOf('guarantor'), pool: paidOf('pool'), bank: 0n };
    borne.bank = base - borne.guarantor - borne.pool;
    for (const share of recovery.shares) {
      const exact = (30_000_001n * borne[share.role as keyof typeof borne] * 1000n) / base;
      expect(parseYuan(share.amountYuan) * 1000n - exact).toBeLessThanOrEqual(1000n);
      expect(exact - parseYuan(share.amountYuan) * 1000n).toBeLessThanOrEqual(1000n);
    }
    expect(panel.claims.find((c) => c.payerRole === 'guarantor')!.state).toBe('recovered');

    const again = await api(clerk, 'POST', `/api/cases/${caseA}/risk-recoveries`, {
      amountYuan: '1.00',
      reference: '(2026)粤0305执001号',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json<Problem>().code).toBe('RECOVERY_ALREADY_RECORDED');
  });

  it('shows each payer only the claims on it, the bank its cases’ claims, the city bureau all; exports xlsx', async () => {
    const ids = async (session: TestSession, query = '') =>
      (await api(session, 'GET', `/api/risk-claims?pageSize=200${query}`))
        .json<{ items: Claim[] }>()
        .items.map((c) => c.payerRole);
    expect((await ids(guarantor)).sort()).toEqual(['guarantor', 're_guarantor']);
    expect(await ids(guarantor2)).toEqual([]);
    expect(await ids(insurer)).toEqual([]);
    expect((await ids(clerk)).length).toBe(5);
    expect((await ids(bureau)).length).toBe(5);
    expect(await ids(clerk, '&state=filed')).toEqual(['re_guarantor']);
    const other = await t.loginAs('bank02.clerk');
    expect(await ids(other)).toEqual([]);

    const exported = await api(clerk, 'GET', '/api/risk-claims/export');
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toContain('spreadsheetml');
    expect(exported.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});
