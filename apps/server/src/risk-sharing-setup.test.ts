import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoParties } from '@ipf/app';
import { tables } from '@ipf/db';
import { createTestApp, TEST_DEMO_SEED, type TestApp, type TestSession } from './testing/create-test-app.ts';
import { prepareRegisteredCases, type RegisteredCaseFactory } from './testing/registered-case.ts';

type Problem = { status: number; code: string; problems: { code: string; field: string }[] };
type Guarantee = {
  id: string;
  caseId: string;
  guarantorId: string;
  coveredShareBps: number;
  feeYuan: string;
  reGuaranteeShareBps: number | null;
  reGuarantorId: string | null;
};
type Page<T> = { items: T[]; total: number };
type Pool = {
  id: string;
  organisationId: string;
  level: string;
  budgetYuan: string;
  usedYuan: string;
  version: number;
  members: { id: string; bankId: string; toDate: string | null }[];
};
type Filing = {
  id: string;
  caseId: string;
  poolId: string;
  ratioBps: number;
  budgetYear: number;
  principalYuan: string;
};
type RiskSharing = {
  agreement: {
    fixedOn: string;
    lossBase: string;
    layers: { role: string; partyId: string; shareBps: number; base: string }[];
  } | null;
  poolFiling: Filing | null;
};

describe('risk sharing set-up: guarantees, re-guarantee, pool filing at disbursement, the agreement fixed (issue 8 items 1–4)', () => {
  let t: TestApp;
  let cases: RegisteredCaseFactory;
  let clerk: TestSession;
  let guarantor1: TestSession;
  let guarantor2: TestSession;
  let reGuarantor: TestSession;
  let poolCity: TestSession;
  let poolPingshan: TestSession;
  let otherBank: TestSession;
  let guaranteedCaseId = '';
  let enterprise: TestSession;
  const parties = generateDemoParties(TEST_DEMO_SEED);
  const orgOf = (login: string) => parties.users.find((u) => u.login === login)!.organisationId;
  const bank01 = orgOf('bank01.hq');

  const api = (session: TestSession, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: session.headers, ...(payload === undefined ? {} : { payload }) });
  const pools = async (session: TestSession) =>
    (await api(session, 'GET', '/api/risk-pools')).json<{ items: Pool[] }>().items;
  const riskSharingOf = async (caseId: string) =>
    (await api(clerk, 'GET', `/api/cases/${caseId}/risk-sharing`)).json<RiskSharing>();
  const disburse = async (caseId: string) => {
    const res = await api(clerk, 'POST', `/api/cases/${caseId}/disbursement`, {});
    expect(res.statusCode, res.body).toBe(200);
  };

  /**
   * An application to bank01 of a combined model naming its guarantor or insurer, by an enterprise the
   * registered-case factory does not use, on the first patent it may pledge alone.
   */
  const applyWith = async (combinedModel: string, participant: Record<string, string>) => {
    const products = (await api(clerk, 'GET', '/api/bank-products')).json<{ id: string; code: string }[]>();
    const productId = products.find((p) => p.code === 'prd-demo-ipdai')!.id;
    for (const login of ['ent004', 'ent005', 'ent006', 'ent007', 'ent008']) {
      const ent = await t.loginAs(login);
      const assets = await api(ent, 'GET', '/api/ip-assets?kind=invention_patent&pageSize=200');
      for (const asset of assets.json<{ items: { id: string }[] }>().items) {
        const applied = await api(ent, 'POST', '/api/cases', {
          bankUnitId: orgOf('bank01.clerk'),
          productId,
          amountYuan: '1000000.00',
          termMonths: 12,
          repaymentMethod: 'annuity',
          spreadBps: 50,
          combinedModel,
          ...participant,
          assetIds: [asset.id],
          consentExpiresOn: '2027-03-01',
        });
        if (applied.statusCode === 200) return { caseId: applied.json<{ id: string }>().id, enterprise: ent };
      }
    }
    throw new Error(`no enterprise could apply for ${combinedModel}`);
  };

  beforeAll(async () => {
    t = await createTestApp();
    cases = await prepareRegisteredCases(t);
    clerk = cases.clerk;
    guarantor1 = await t.loginAs('guarantor1.user');
    guarantor2 = await t.loginAs('guarantor2.user');
    reGuarantor = await t.loginAs('reguarantor.user');
    poolCity = await t.loginAs('pool.city');
    poolPingshan = await t.loginAs('pool.pingshan');
    otherBank = await t.loginAs('bank02.clerk');

    const guaranteed = await applyWith('plus_guarantee', {
      guarantorOrganisationId: orgOf('guarantor1.user'),
    });
    guaranteedCaseId = guaranteed.caseId;
    enterprise = guaranteed.enterprise;
    expect(guaranteedCaseId).not.toBe('');
  }, 240_000);
  afterAll(async () => t.close());

  it('refuses a re-guarantee share outside 20%–50% of the guarantor’s part, and a re-guarantee without its fund', async () => {
    const url = `/api/cases/${guaranteedCaseId}/guarantee`;
    for (const reGuaranteeShareBps of [1999, 5001]) {
      const res = await api(guarantor1, 'POST', url, {
        coverageShareBps: 8000,
        feeRateBps: 100,
        reGuaranteeShareBps,
        reGuarantorId: orgOf('reguarantor.user'),
      });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json<Problem>().code).toBe('RISK_SHARE_BPS_OUT_OF_RANGE');
      expect(res.json<Problem>().problems[0]!.field).toBe('reGuarantor.shareBps');
    }
    const withoutFund = await api(guarantor1, 'POST', url, {
      coverageShareBps: 8000,
      feeRateBps: 100,
      reGuaranteeShareBps: 3000,
    });
    expect(withoutFund.json<Problem>().code).toBe('RE_GUARANTOR_INVALID');
    const notAFund = await api(guarantor1, 'POST', url, {
      coverageShareBps: 8000,
      feeRateBps: 100,
      reGuaranteeShareBps: 3000,
      reGuarantorId: orgOf('guarantor2.user'),
    });
    expect(notAFund.json<Problem>().code).toBe('RE_GUARANTOR_INVALID');
  });

  it('refuses a guarantee that leaves the bank less than 20% (国办发〔2019〕6号), in a product and on a case', async () => {
    const product = await api(guarantor1, 'POST', '/api/guarantee-products', {
      code: 'TOO-HIGH',
      nameZh: '超比例担保',
      nameEn: 'Too high',
      coverageShareBps: 8500,
      feeRateBps: 100,
    });
    expect(product.statusCode).toBe(400);
    expect(product.json<Problem>().code).toBe('RISK_BANK_SHARE_BELOW_MINIMUM');
    const res = await api(guarantor1, 'POST', `/api/cases/${guaranteedCaseId}/guarantee`, {
      coverageShareBps: 8001,
      feeRateBps: 100,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<Problem>().code).toBe('RISK_BANK_SHARE_BELOW_MINIMUM');
  });

  it('records the guarantee at 80% with the fee for the term and a 50% re-guarantee; once per case', async () => {
    const res = await api(guarantor1, 'POST', `/api/cases/${guaranteedCaseId}/guarantee`, {
      coverageShareBps: 8000,
      feeRateBps: 100,
      reGuaranteeShareBps: 5000,
      reGuarantorId: orgOf('reguarantor.user'),
    });
    expect(res.statusCode, res.body).toBe(200);
    const guarantee = res.json<Guarantee>();
    // 1,000,000.00 × 1.00% × 12/12 = 10,000.00
    expect(guarantee).toMatchObject({
      coveredShareBps: 8000,
      feeYuan: '10000.00',
      reGuaranteeShareBps: 5000,
      reGuarantorId: orgOf('reguarantor.user'),
    });
    const again = await api(guarantor1, 'POST', `/api/cases/${guaranteedCaseId}/guarantee`, {
      coverageShareBps: 7000,
      feeRateBps: 100,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json<Problem>().code).toBe('GUARANTEE_ALREADY_RECORDED');
  });

  it('a guarantor sees only its own guarantees and the re-guarantee fund those it re-guarantees; a bank another bank’s nothing', async () => {
    const listed = async (session: TestSession) =>
      (await api(session, 'GET', '/api/guarantees?pageSize=200'))
        .json<Page<Guarantee>>()
        .items.map((g) => g.caseId);
    expect(await listed(guarantor1)).toContain(guaranteedCaseId);
    expect(await listed(reGuarantor)).toContain(guaranteedCaseId);
    expect(await listed(clerk)).toContain(guaranteedCaseId);
    expect(await listed(guarantor2)).not.toContain(guaranteedCaseId);
    expect(await listed(otherBank)).not.toContain(guaranteedCaseId);
    // Another guarantor cannot price a case it is not named on: it does not exist for it.
    const foreign = await api(guarantor2, 'POST', `/api/cases/${guaranteedCaseId}/guarantee`, {
      coverageShareBps: 5000,
      feeRateBps: 100,
    });
    expect(foreign.statusCode).toBe(404);
    expect((await api(otherBank, 'GET', `/api/cases/${guaranteedCaseId}/risk-sharing`)).statusCode).toBe(404);
    // The enterprise may not record a guarantee at all.
    expect((await api(enterprise, 'POST', `/api/cases/${guaranteedCaseId}/guarantee`, {})).statusCode).toBe(
      403,
    );
  });

  it('files a loan of a member bank into its pool at disbursement with the ratio fixed; a later ratio change leaves it alone', async () => {
    // bank01 leaves both pools; its next loan is filed nowhere and its agreement has no pool layer.
    for (const session of [poolCity, poolPingshan]) {
      const [pool] = await pools(session);
      const membership = pool!.members.find((m) => m.bankId === bank01 && m.toDate === null);
      expect(membership, 'bank01 is a demo member of both pools').toBeDefined();
      const ended = await api(session, 'POST', `/api/risk-pool-memberships/${membership!.id}/end`, {
        toDate: '2026-03-01',
      });
      expect(ended.statusCode, ended.body).toBe(200);
    }
    const notMember = await cases.registeredCase();
    await disburse(notMember.caseId);
    const unfiled = await riskSharingOf(notMember.caseId);
    expect(unfiled.poolFiling).toBeNull();
    expect(unfiled.agreement!.layers.map((l) => l.role)).toEqual(['bank']);
    expect(unfiled.agreement!.layers[0]!.shareBps).toBe(10_000);

    // The city pool's administrator takes bank01 back; the next loan is filed 1 : 1 (5000 bps of the bank's loss).
    const [city] = await pools(poolCity);
    const added = await api(poolCity, 'POST', `/api/risk-pools/${city!.id}/members`, { bankId: bank01 });
    expect(added.statusCode, added.body).toBe(200);
    const again = await api(poolCity, 'POST', `/api/risk-pools/${city!.id}/members`, { bankId: bank01 });
    expect(again.json<Problem>().code).toBe('POOL_MEMBERSHIP_EXISTS');
    const member = await cases.registeredCase();
    await disburse(member.caseId);
    const filed = await riskSharingOf(member.caseId);
    expect(filed.poolFiling).toMatchObject({
      poolId: city!.id,
      ratioBps: 5000,
      budgetYear: 2026,
      principalYuan: '1000000.00',
    });
    expect(filed.agreement).toMatchObject({ fixedOn: '2026-03-02', lossBase: 'principal' });
    expect(filed.agreement!.layers).toEqual([
      expect.objectContaining({
        role: 'pool',
        partyId: city!.organisationId,
        shareBps: 5000,
        base: 'bank_retained',
      }),
      expect.objectContaining({ role: 'bank', partyId: bank01, shareBps: 10_000, base: 'loss_base' }),
    ]);

    // The pool lowers its ratio to 40%: the filed loan keeps 5000 bps; the next loan is filed at 4000.
    const changed = await api(poolCity, 'PUT', `/api/risk-pools/${city!.id}/ratios`, {
      ratios: [{ loanCategory: 'ip_pledge_loan', ratioBps: 4000, source: 'test: new policy' }],
      effectiveDate: '2026-03-02',
      version: city!.version,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const after = await riskSharingOf(member.caseId);
    expect(after.poolFiling!.ratioBps).toBe(5000);
    expect(after.agreement!.layers.find((l) => l.role === 'pool')!.shareBps).toBe(5000);
    const later = await cases.registeredCase();
    await disburse(later.caseId);
    expect((await riskSharingOf(later.caseId)).poolFiling!.ratioBps).toBe(4000);
  });

  it('a pool administrator sees its own pool and the loans filed into it; a bank sees its own filings, another bank none', async () => {
    const city = await pools(poolCity);
    expect(city.map((p) => p.level)).toEqual(['city']);
    expect((await pools(poolPingshan)).map((p) => p.level)).toEqual(['district']);
    expect((await pools(clerk)).length).toBe(2);

    const filings = async (session: TestSession) =>
      (await api(session, 'GET', '/api/risk-pool-filings?pageSize=200')).json<Page<Filing>>();
    expect((await filings(poolCity)).total).toBe(2);
    expect((await filings(poolPingshan)).total).toBe(0);
    expect((await filings(clerk)).total).toBe(2);
    expect((await filings(otherBank)).total).toBe(0);
    // Only the pool's own administrator manages it.
    const pingshanOnCity = await api(poolPingshan, 'PUT', `/api/risk-pools/${city[0]!.id}/budget`, {
      year: 2026,
      budgetYuan: '1.00',
    });
    expect(pingshanOnCity.statusCode).toBe(404);
    expect(
      (await api(clerk, 'PUT', `/api/risk-pools/${city[0]!.id}/budget`, { year: 2026, budgetYuan: '1.00' }))
        .statusCode,
    ).toBe(403);
    const budget = await api(poolCity, 'PUT', `/api/risk-pools/${city[0]!.id}/budget`, {
      year: 2026,
      budgetYuan: '600000000.00',
    });
    expect(budget.json<Pool>()).toMatchObject({ budgetYuan: '600000000.00', usedYuan: '0.00' });
  });

  it('fixes the layered agreement from the guarantee and the pool filing: guarantor, re-guarantee of its part, pool of the bank’s retained loss', async () => {
    const c = await cases.registeredCase();
    // The guarantee on record for the case, as a guarantor records it before disbursement (fixture written directly:
    // the registered-case factory drives pledge-only cases).
    await t.deps.db.insert(tables.guarantees).values({
      id: randomUUID(),
      caseId: c.caseId,
      guarantorId: orgOf('guarantor1.user'),
      contractNumber: `DB-TEST-${c.caseId.slice(0, 8)}`,
      guaranteedPrincipalFen: 100_000_000n,
      coveredShareBps: 8000,
      feeRateBps: 100,
      feeFen: 1_000_000n,
      reGuaranteeShareBps: 5000,
      reGuarantorId: orgOf('reguarantor.user'),
      state: 'active',
      acceptedByUserId: (await t.deps.db.select({ id: tables.users.id }).from(tables.users).limit(1))[0]!.id,
      createdAt: t.clock.now(),
      updatedAt: t.clock.now(),
    });
    await disburse(c.caseId);
    const fixed = await riskSharingOf(c.caseId);
    expect(fixed.agreement!.layers.map((l) => [l.role, l.shareBps, l.base])).toEqual([
      ['guarantor', 8000, 'loss_base'],
      ['re_guarantor', 5000, 'guarantor_part'],
      ['pool', 4000, 'bank_retained'],
      ['bank', 2000, 'loss_base'],
    ]);
    // The guarantor sees the case's agreement it is not named on through case_participants: not at all.
    expect((await api(guarantor2, 'GET', `/api/cases/${c.caseId}/risk-sharing`)).statusCode).toBe(404);
  });

  it('records the 保证保险 policy of a plus_insurance case once, by its named insurer, with the premium for the term', async () => {
    const insurer1 = await t.loginAs('insurer1.user');
    const insurer2 = await t.loginAs('insurer2.user');
    const { caseId } = await applyWith('plus_insurance', { insurerOrganisationId: orgOf('insurer1.user') });
    const url = `/api/cases/${caseId}/guarantee-insurance-policy`;
    const body = { premiumRateBps: 200, coverageShareBps: 6000 };
    expect((await api(insurer2, 'POST', url, body)).statusCode).toBe(404);
    const res = await api(insurer1, 'POST', url, body);
    expect(res.statusCode, res.body).toBe(200);
    // 1,000,000.00 × 2% × 12/12 = 20,000.00; insured the bank, period the loan's term from today.
    expect(res.json<Record<string, unknown>>()).toMatchObject({
      kind: 'pledge_financing_guarantee',
      premiumYuan: '20000.00',
      coverageShareBps: 6000,
      sumInsuredYuan: '1000000.00',
      insuredId: bank01,
      startDate: '2026-03-02',
      endDate: '2027-03-02',
    });
    expect((await api(insurer1, 'POST', url, body)).json<Problem>().code).toBe(
      'INSURANCE_POLICY_ALREADY_RECORDED',
    );
  });

  it('records an article-八 policy for an enterprise, seen by the insurer and the enterprise, not by another insurer', async () => {
    const insurer1 = await t.loginAs('insurer1.user');
    const insurer2 = await t.loginAs('insurer2.user');
    const ent = await t.loginAs('ent009');
    const policy = {
      kind: 'overseas_infringement',
      enterpriseId: orgOf('ent009'),
      premiumYuan: '15000.00',
      sumInsuredYuan: '3000000.00',
      startDate: '2026-03-01',
      endDate: '2027-02-28',
    };
    const bad = await api(insurer1, 'POST', '/api/insurance-policies', { ...policy, endDate: '2026-03-01' });
    expect(bad.json<Problem>().code).toBe('INSURANCE_POLICY_INVALID');
    const res = await api(insurer1, 'POST', '/api/insurance-policies', policy);
    expect(res.statusCode, res.body).toBe(200);
    const id = res.json<{ id: string }>().id;
    const ids = async (session: TestSession) =>
      (await api(session, 'GET', '/api/insurance-policies?pageSize=200'))
        .json<Page<{ id: string }>>()
        .items.map((p) => p.id);
    expect(await ids(insurer1)).toContain(id);
    expect(await ids(ent)).toContain(id);
    expect(await ids(insurer2)).not.toContain(id);
  });

  it('a guarantor keeps its own products: create, change with the version read, deactivate; another guarantor cannot touch them', async () => {
    const created = await api(guarantor2, 'POST', '/api/guarantee-products', {
      code: 'IP-TEST',
      nameZh: '测试担保产品',
      nameEn: 'Test product',
      coverageShareBps: 6000,
      feeRateBps: 120,
      reGuaranteeShareBps: 2000,
      reGuarantorId: orgOf('reguarantor.user'),
      capYuan: '500000.00',
    });
    expect(created.statusCode, created.body).toBe(200);
    const product = created.json<{ id: string; version: number; capYuan: string }>();
    expect(product.capYuan).toBe('500000.00');
    const duplicate = await api(guarantor2, 'POST', '/api/guarantee-products', {
      code: 'IP-TEST',
      nameZh: '重复',
      nameEn: 'Duplicate',
      coverageShareBps: 6000,
      feeRateBps: 120,
    });
    expect(duplicate.json<Problem>().code).toBe('CONFLICT');
    const url = `/api/guarantee-products/${product.id}`;
    const patch = (session: TestSession, payload: object) =>
      t.app.inject({ method: 'PATCH', url, headers: session.headers, payload });
    expect((await patch(guarantor1, { active: false, version: 1 })).statusCode).toBe(404);
    const stale = await patch(guarantor2, { feeRateBps: 150, version: 2 });
    expect(stale.json<Problem>().code).toBe('CONFLICT');
    const tooHigh = await patch(guarantor2, { coverageShareBps: 9000, version: 1 });
    expect(tooHigh.json<Problem>().code).toBe('RISK_BANK_SHARE_BELOW_MINIMUM');
    const off = await patch(guarantor2, { active: false, version: 1 });
    expect(off.json<{ active: boolean; version: number }>()).toMatchObject({ active: false, version: 2 });
    const own = (await api(guarantor2, 'GET', '/api/guarantee-products?pageSize=200')).json<
      Page<{ id: string; guarantorId: string }>
    >();
    expect(own.items.every((p) => p.guarantorId === orgOf('guarantor2.user'))).toBe(true);
    const seenByBank = (await api(clerk, 'GET', '/api/guarantee-products?active=true&pageSize=200')).json<
      Page<{ id: string }>
    >();
    expect(seenByBank.items.map((p) => p.id)).not.toContain(product.id);
    expect(seenByBank.total).toBeGreaterThanOrEqual(3);
  });
});
