import { and, count, eq, isNull } from 'drizzle-orm';
import { sm2 } from 'sm-crypto-v2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoParties } from '@ipf/app';
import { tables } from '@ipf/db';
import { createTestApp, TEST_DEMO_SEED, type TestApp, type TestSession } from './testing/create-test-app.ts';
import { completeDueDiligence } from './testing/complete-due-diligence.ts';
import { lowRiskFacts } from './testing/low-risk-facts.ts';

type Problem = { status: number; code: string; problems: { code: string; field: string }[] };
type Case = { id: string; state: string; version: number };
type Item = {
  code: string;
  groundItem: number | null;
  regulation: string | null;
  messageZh: string;
  messageEn: string;
};
type Registration = {
  id: string;
  state: string;
  stateZh: string;
  authorityId: string;
  applicationNumber: string;
  registrationNumber: string | null;
  filingDate: string;
  dueDate: string;
  decisionDate: string | null;
  withinTimeLimit: boolean | null;
  workingDaysToDecision: number | null;
  refusalGrounds: Item[];
  missingMaterials: Item[];
  notice: { titleZh: string; registrationNumber: string } | null;
  assetIds: string[];
};

describe('online pledge registration through the built-in authorities, the asset lock and no double pledge', () => {
  let t: TestApp;
  let ent: TestSession;
  /** The enterprise owning each eligible patent (demo enterprises hold a few each). */
  const ownerOf = new Map<string, TestSession>();
  /** Each enterprise's "browser" key and its registered certificate. */
  const keyOf = new Map<TestSession, { sign: (digestHex: string) => string; certificateId: string }>();
  const banks: { clerk: TestSession; approver: TestSession; unitId: string; productId: string }[] = [];
  const parties = generateDemoParties(TEST_DEMO_SEED);
  const eligibleAssets: string[] = [];

  const api = (session: TestSession, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: session.headers, ...(payload === undefined ? {} : { payload }) });
  const submit = (session: TestSession, caseId: string, payload: object = {}) =>
    api(session, 'POST', `/api/cases/${caseId}/registrations`, payload);

  /**
   * A case of bank `b` pledging `assetId`, driven through the API: application, evaluation chain, approval, the
   * contracts (signed by the bank's signing service) and the enterprise's SM2 signature made with its own key.
   */
  async function contractedCase(
    b: number,
    assetId: string,
    guarantor?: { organisationId: string; session: TestSession },
  ): Promise<string> {
    const bank = banks[b]!;
    const applied = await api(ownerOf.get(assetId)!, 'POST', '/api/cases', {
      bankUnitId: bank.unitId,
      productId: bank.productId,
      amountYuan: '1000000.00',
      termMonths: 12,
      repaymentMethod: 'annuity',
      spreadBps: 50,
      combinedModel: guarantor === undefined ? 'pledge_only' : 'plus_guarantee',
      ...(guarantor === undefined ? {} : { guarantorOrganisationId: guarantor.organisationId }),
      assetIds: [assetId],
      consentExpiresOn: '2027-03-01',
    });
    expect(applied.statusCode, applied.body).toBe(200);
    const caseId = applied.json<Case>().id;
    const step = (session: TestSession, action: string, payload: object) =>
      api(session, 'POST', `/api/cases/${caseId}/${action}`, payload);
    await step(bank.clerk, 'due-diligence', completeDueDiligence);
    await step(bank.clerk, 'risk-evaluation', {
      facts: lowRiskFacts,
    });
    await step(bank.clerk, 'value-evaluation', {
      basis: 'formal_report',
      evaluatorName: '中衡资产评估有限公司（演示）',
      valuers: ['王评估', '李评估'],
      method: 'income',
      valuationDate: '2026-02-20',
      validUntil: '2027-02-19',
      assetValues: [{ assetId, valueYuan: '5000000.00' }],
    });
    await step(bank.clerk, 'credit-rating', { creditRating: 'A', creditLineYuan: '1000000.00' });
    if (guarantor !== undefined)
      expect((await step(guarantor.session, 'accept-guarantee', {})).statusCode).toBe(200);
    const approved = await step(bank.approver, 'approve', {});
    expect(approved.json<Case>().state, approved.body).toBe('approved');

    const prepared = await step(bank.clerk, 'contracts', {});
    expect(prepared.statusCode, prepared.body).toBe(200);
    const owner = ownerOf.get(assetId)!;
    // Under 反担保 the guarantor signs its pledge contract first, through its signing service.
    if (guarantor !== undefined)
      expect((await step(guarantor.session, 'signatures', {})).statusCode).toBe(200);
    const documents = prepared.json<{ id: string; sm3DigestHex: string; superseded: boolean }[]>();
    const signed = await step(owner, 'signatures', {
      signatures: documents
        .filter((d) => !d.superseded)
        .map((d) => ({
          documentId: d.id,
          digestHex: d.sm3DigestHex,
          signatureHex: keyOf.get(owner)!.sign(d.sm3DigestHex),
          certificateId: keyOf.get(owner)!.certificateId,
        })),
    });
    expect(signed.json<Case>().state, signed.body).toBe('contracted');
    return caseId;
  }
  const caseState = async (session: TestSession, caseId: string) =>
    (await api(session, 'GET', `/api/cases/${caseId}`)).json<Case>().state;
  const registrationRows = async () =>
    (await t.deps.db.select({ n: count() }).from(tables.pledgeRegistrations))[0]!.n;
  const liveLocks = async (assetId: string) =>
    (
      await t.deps.db
        .select({ n: count() })
        .from(tables.assetPledgeLocks)
        .where(and(eq(tables.assetPledgeLocks.assetId, assetId), isNull(tables.assetPledgeLocks.releasedAt)))
    )[0]!.n;

  beforeAll(async () => {
    t = await createTestApp();
    ent = await t.loginAs('ent001');
    for (const n of ['01', '02']) {
      const clerk = await t.loginAs(`bank${n}.clerk`);
      const approver = await t.loginAs(`bank${n}.approver`);
      const unitId = parties.users.find((u) => u.login === `bank${n}.clerk`)!.organisationId;
      const products = (await api(clerk, 'GET', '/api/bank-products')).json<{ id: string; code: string }[]>();
      banks.push({
        clerk,
        approver,
        unitId,
        productId: products.find((p) => p.code === 'prd-demo-ipdai')!.id,
      });
    }
    for (const login of ['ent001', 'ent002', 'ent003']) {
      const owner = login === 'ent001' ? ent : await t.loginAs(login);
      const { privateKey, publicKey } = sm2.generateKeyPairHex();
      const certificate = await api(owner, 'POST', '/api/signing-certificates', { publicKeyHex: publicKey });
      expect(certificate.statusCode, certificate.body).toBe(201);
      keyOf.set(owner, {
        certificateId: certificate.json<{ id: string }>().id,
        sign: (digestHex) =>
          sm2.doSignature(sm2.hexToArray(digestHex), privateKey, {
            hash: true,
            publicKey,
            userId: '1234567812345678',
          }),
      });
      const assets = await api(owner, 'GET', '/api/ip-assets?kind=invention_patent&pageSize=200');
      for (const asset of assets.json<{ items: { id: string }[] }>().items) {
        const check = await api(owner, 'POST', `/api/ip-assets/${asset.id}/eligibility`, {
          debtMaturityDate: '2027-03-02',
          pledgeeOrganisationId: banks[0]!.unitId,
        });
        if (check.json<{ eligible: boolean }>().eligible) {
          eligibleAssets.push(asset.id);
          ownerOf.set(asset.id, owner);
        }
      }
    }
    expect(eligibleAssets.length).toBeGreaterThanOrEqual(4);
  }, 120_000);
  afterAll(async () => t.close());

  it('registers a contracted case at once: notice with a registration number, due date, case registered', async () => {
    const assetId = eligibleAssets[0]!;
    const caseId = await contractedCase(0, assetId);
    // Another bank's case on the same patent, contracted while the patent is still free.
    const other = await contractedCase(1, assetId);
    const res = await submit(banks[0]!.clerk, caseId);
    expect(res.statusCode, res.body).toBe(200);
    const [registration] = res.json<Registration[]>();
    expect(registration).toMatchObject({
      state: 'registered',
      stateZh: '已登记',
      authorityId: 'cnipa_patent',
      filingDate: '2026-03-02',
      decisionDate: '2026-03-02',
      // 3 working days after Monday 2026-03-02.
      dueDate: '2026-03-05',
      withinTimeLimit: true,
      workingDaysToDecision: 0,
      assetIds: [assetId],
    });
    expect(registration!.registrationNumber).toMatch(/^Y202644\d{7}$/);
    expect(registration!.notice).toMatchObject({
      titleZh: '专利权质押登记通知书',
      registrationNumber: registration!.registrationNumber,
    });
    expect(await caseState(banks[0]!.clerk, caseId)).toBe('registered');
    const timeline = JSON.stringify((await api(banks[0]!.clerk, 'GET', `/api/cases/${caseId}`)).json());
    expect(timeline).toContain('record_registration');
    expect(timeline).toContain('"system"');

    // The enterprise reads its case's registration; another bank cannot see the case at all.
    const own = await api(ownerOf.get(assetId)!, 'GET', `/api/cases/${caseId}/registrations`);
    expect(own.json<Registration[]>()[0]!.registrationNumber).toBe(registration!.registrationNumber);
    expect((await api(banks[1]!.clerk, 'GET', `/api/cases/${caseId}/registrations`)).statusCode).toBe(404);

    // While registered the asset is locked: another bank's pledge of it is refused and writes nothing.
    const before = await registrationRows();
    const twice = await submit(banks[1]!.clerk, other);
    expect(twice.statusCode).toBe(409);
    expect(twice.json<Problem>().code).toBe('ASSET_ALREADY_PLEDGED');
    expect(await registrationRows()).toBe(before);
    expect(await caseState(banks[1]!.clerk, other)).toBe('contracted');

    // "Debt performed" is not true of a loan that is not repaid: refused, the pledge stays on the register.
    const premature = await api(
      banks[0]!.clerk,
      'POST',
      `/api/registrations/${registration!.id}/cancellation`,
      { reason: 'debt_performed' },
    );
    expect(premature.statusCode).toBe(409);
    expect(premature.json<Problem>().code).toBe('REGISTRATION_DEBT_NOT_PERFORMED');
    expect(await liveLocks(assetId)).toBe(1);

    // 注销 (the bank waives its pledge) releases the lock; the other bank may then register the patent.
    const cancelled = await api(
      banks[0]!.clerk,
      'POST',
      `/api/registrations/${registration!.id}/cancellation`,
      { reason: 'pledgee_waived' },
    );
    expect(cancelled.json<Registration>().state).toBe('cancelled');
    expect(await liveLocks(assetId)).toBe(0);
    const second = await submit(banks[1]!.clerk, other);
    expect(second.json<Registration[]>()[0]!.state).toBe('registered');
    expect(await liveLocks(assetId)).toBe(1);
  });

  it('names the refusal ground through the API: a patent preserved by a court after contracting', async () => {
    const assetId = eligibleAssets[1]!;
    const caseId = await contractedCase(0, assetId);
    const status = await api(ownerOf.get(assetId)!, 'POST', `/api/ip-assets/${assetId}/status`, {
      legalStatus: 'granted',
      flags: ['court_preserved'],
      occurredOn: '2026-03-02',
      reason: 'court_order',
    });
    expect(status.statusCode, status.body).toBe(200);
    const res = await submit(banks[0]!.clerk, caseId);
    expect(res.statusCode, res.body).toBe(200);
    const [registration] = res.json<Registration[]>();
    expect(registration!.state).toBe('refused');
    expect(registration!.registrationNumber).toBeNull();
    expect(registration!.refusalGrounds.map((g) => [g.code, g.regulation, g.groundItem])).toEqual([
      ['PLEDGE_ASSET_SEIZED_OR_PRESERVED', 'patent_pledge_measures_2021', 5],
    ]);
    expect(registration!.refusalGrounds[0]!.messageZh.length).toBeGreaterThan(0);
    expect(await caseState(banks[0]!.clerk, caseId)).toBe('registration_refused');
    expect(await liveLocks(assetId)).toBe(0);

    const read = await api(banks[0]!.clerk, 'GET', `/api/cases/${caseId}/registrations`);
    expect(read.json<Registration[]>()[0]!.refusalGrounds[0]!.code).toBe('PLEDGE_ASSET_SEIZED_OR_PRESERVED');
  });

  it('asks for a 补正 when the pledge contract is not on file, and registers once the correction files it', async () => {
    const assetId = eligibleAssets[2]!;
    const caseId = await contractedCase(1, assetId);
    await t.deps.db
      .update(tables.caseDocuments)
      .set({ superseded: true })
      .where(eq(tables.caseDocuments.caseId, caseId));
    const res = await submit(banks[1]!.clerk, caseId);
    const [pending] = res.json<Registration[]>();
    expect(pending!.state).toBe('correction_requested');
    expect(pending!.missingMaterials.map((m) => [m.code, m.messageZh])).toEqual([
      ['REGISTRATION_MATERIAL_MISSING', '申请材料不齐全，请补正：pledge_contract。'],
    ]);
    expect(await caseState(banks[1]!.clerk, caseId)).toBe('registration_pending');
    expect(await liveLocks(assetId)).toBe(1);

    // The signed contract is on file again: the correction files it.
    await t.deps.db
      .update(tables.caseDocuments)
      .set({ superseded: false })
      .where(eq(tables.caseDocuments.caseId, caseId));
    const corrected = await api(banks[1]!.clerk, 'POST', `/api/registrations/${pending!.id}/correction`, {});
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect(corrected.json<Registration>()).toMatchObject({ state: 'registered', missingMaterials: [] });
    expect(await caseState(banks[1]!.clerk, caseId)).toBe('registered');
    const cancelled = await api(banks[1]!.clerk, 'POST', `/api/registrations/${pending!.id}/cancellation`, {
      reason: 'pledgee_waived',
    });
    expect(cancelled.json<Registration>().state).toBe('cancelled');
  });

  it('has the guarantor file a counter-guarantee (反担保) pledge it is the pledgee of; the bank may not', async () => {
    const guarantorOrg = parties.organisations.find(
      (o) => o.nameZh === '深圳市高新投融资担保有限公司（演示）',
    )!;
    const guarantor = await t.loginAs('guarantor1.user');
    const assetId = eligibleAssets[3]!;
    const caseId = await contractedCase(0, assetId, { organisationId: guarantorOrg.id, session: guarantor });
    const byBank = await submit(banks[0]!.clerk, caseId);
    expect(byBank.json<Problem>().code).toBe('PLEDGEE_SIDE_MISMATCH');
    expect((await submit(await t.loginAs('guarantor2.user'), caseId)).statusCode).toBe(404);
    const res = await submit(guarantor, caseId);
    expect(res.statusCode, res.body).toBe(200);
    const [registration] = res.json<(Registration & { pledgeeOrganisationId: string })[]>();
    expect(registration).toMatchObject({ state: 'registered', pledgeeOrganisationId: guarantorOrg.id });
    expect((registration!.notice as unknown as { pledgee: { kind: string } }).pledgee.kind).toBe('guarantor');
    expect(await caseState(banks[0]!.clerk, caseId)).toBe('registered');
    const read = await api(guarantor, 'GET', `/api/cases/${caseId}/registrations`);
    expect(read.json<Registration[]>()).toHaveLength(1);
  });

  it('refuses registration by a role not on the pledgee side and by a case in the wrong state', async () => {
    const caseId = await contractedCase(0, eligibleAssets[2]!);
    expect((await submit(ownerOf.get(eligibleAssets[2]!)!, caseId)).statusCode).toBe(403);
    expect((await submit(banks[0]!.approver, caseId)).statusCode).toBe(403);
    const registered = await submit(banks[0]!.clerk, caseId);
    expect(registered.json<Registration[]>()[0]!.state).toBe('registered');
    const again = await submit(banks[0]!.clerk, caseId);
    expect(again.json<Problem>().code).toBe('CASE_ACTION_NOT_ALLOWED_IN_STATE');
  });

  it('gives the statistics per bank: registered online and working days to register', async () => {
    const bureau = await t.loginAs('bureau.city');
    const all = await api(bureau, 'GET', '/api/registration-statistics');
    expect(all.statusCode).toBe(200);
    const figures = all.json<{
      byInstitution: { institutionName: string; registeredCount: number; onlineSharePct: string }[];
    }>();
    expect(figures.byInstitution.length).toBeGreaterThanOrEqual(2);
    expect(figures.byInstitution.every((i) => i.onlineSharePct === '100.00')).toBe(true);
    const own = await api(banks[1]!.clerk, 'GET', '/api/registration-statistics');
    expect(own.json<{ byInstitution: unknown[] }>().byInstitution).toHaveLength(1);
  });

  it('lets exactly one of two banks register the same patent at the same moment, 100 times on PostgreSQL', async () => {
    // PGlite is a single connection (its transactions queue), so a few races suffice there.
    const repetitions = t.handle.kind === 'postgres' ? 100 : 5;
    const assetId = eligibleAssets[eligibleAssets.length - 1]!;
    // The loser's filing rolls back whole, so its case is still contracted and races again; only the winner's
    // side needs a new contracted case (made once the winner's registration is cancelled and the patent is free).
    const sides: (string | null)[] = [null, null];
    for (let race = 0; race < repetitions; race += 1) {
      for (const side of [0, 1]) sides[side] ??= await contractedCase(side, assetId);
      const results = await Promise.all([
        submit(banks[0]!.clerk, sides[0]!),
        submit(banks[1]!.clerk, sides[1]!),
      ]);
      const outcomes = results.map((r) =>
        r.statusCode === 200 ? r.json<Registration[]>()[0]!.state : r.json<Problem>().code,
      );
      expect(outcomes.sort()).toEqual(['ASSET_ALREADY_PLEDGED', 'registered']);
      expect(await liveLocks(assetId)).toBe(1);
      const winner = results.findIndex((r) => r.statusCode === 200);
      expect(await caseState(banks[1 - winner]!.clerk, sides[1 - winner]!)).toBe('contracted');
      const registration = results[winner]!.json<Registration[]>()[0]!;
      const cancelled = await api(
        banks[winner]!.clerk,
        'POST',
        `/api/registrations/${registration.id}/cancellation`,
        { reason: 'pledgee_waived' },
      );
      expect(cancelled.statusCode).toBe(200);
      sides[winner] = null;
    }
  }, 600_000);
});
