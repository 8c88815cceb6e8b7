import { sm2 } from 'sm-crypto-v2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoParties } from '@ipf/app';
import { createTestApp, TEST_DEMO_SEED, type TestApp, type TestSession } from './testing/create-test-app.ts';
import { completeDueDiligence } from './testing/complete-due-diligence.ts';
import { lowRiskFacts } from './testing/low-risk-facts.ts';

type Case = {
  id: string;
  caseNumber: string;
  state: string;
  version: number;
  events: {
    action: string;
    fromState: string | null;
    toState: string;
    actorRole: string;
    occurredAt: string;
  }[];
};
type Document = { id: string; kind: string; sm3DigestHex: string; superseded: boolean; fullySigned: boolean };
type Registration = { state: string; registrationNumber: string | null; applicationNumber: string };
type Verification = {
  platformDocument: boolean;
  documents: { kind: string; valid: boolean; complete: boolean; signers: { valid: boolean }[] }[];
};

/**
 * Issue 5, "How it is judged": one loan from application to a registered pledge through the API the way a bank's own
 * system drives it. The bank side calls with API tokens (the clerk's and the approver's: a token acts with its
 * creator's role, so maker-checker holds), scoped to the operations it needs, the enterprise with its session and its own SM2 key (the private key
 * never reaches the platform). Then the public verification accepts both signed PDFs, another bank never sees the
 * case, and the timeline lists every step in order.
 */
describe('origination to a registered pledge through the API: bank with API tokens, enterprise with its session', () => {
  let t: TestApp;
  let ent: TestSession;
  let otherBankClerk: TestSession;
  const parties = generateDemoParties(TEST_DEMO_SEED);
  const bankUnit = parties.organisations.find((o) => o.nameZh === '银湾银行深圳南山科技支行')!;
  const headOffice = parties.organisations.find((o) => o.nameZh === '银湾银行')!;
  const clerkToken: Record<string, string> = {};
  const approverToken: Record<string, string> = {};

  type Caller = TestSession | Record<string, string> | null;
  const headersOf = (caller: Caller): Record<string, string> =>
    caller === null ? {} : 'csrfToken' in caller ? (caller as TestSession).headers : caller;
  const api = (caller: Caller, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({
      method,
      url,
      headers: headersOf(caller),
      ...(payload === undefined ? {} : { payload }),
    });
  /** Every step a minute apart, so the timeline's timestamps order the steps strictly. */
  const later = () => t.clock.advance(60_000);

  async function createToken(login: string, scopes: string[]): Promise<Record<string, string>> {
    const session = await t.loginAs(login);
    const created = await api(session, 'POST', '/api/api-tokens', { name: '信贷系统对接（测试）', scopes });
    expect(created.statusCode, created.body).toBe(201);
    return { authorization: `Bearer ${created.json<{ token: string }>().token}` };
  }

  beforeAll(async () => {
    t = await createTestApp();
    ent = await t.loginAs('ent001');
    otherBankClerk = await t.loginAs('bank02.clerk');
    Object.assign(
      clerkToken,
      await createToken('bank01.clerk', ['case.*', 'case_document.read', 'registration.*']),
    );
    Object.assign(approverToken, await createToken('bank01.approver', ['case.*']));
  });
  afterAll(async () => t.close());

  it('takes one loan from application to a registered pledge, verifiable, invisible to another bank, every step on the timeline', async () => {
    // The enterprise picks the demo product and one of its assets eligible for a pledge to the bank unit.
    const products = await api(ent, 'GET', `/api/bank-products?bankId=${headOffice.id}`);
    const productId = products
      .json<{ id: string; code: string }[]>()
      .find((p) => p.code === 'prd-demo-ipdai')!.id;
    const assets = (await api(ent, 'GET', '/api/ip-assets?pageSize=200')).json<{ items: { id: string }[] }>();
    let assetId = '';
    for (const asset of assets.items) {
      const check = await api(ent, 'POST', `/api/ip-assets/${asset.id}/eligibility`, {
        debtMaturityDate: '2027-03-02',
        pledgeeOrganisationId: bankUnit.id,
      });
      if (check.json<{ eligible: boolean }>().eligible) {
        assetId = asset.id;
        break;
      }
    }
    expect(assetId).not.toBe('');

    const applied = await api(ent, 'POST', '/api/cases', {
      bankUnitId: bankUnit.id,
      productId,
      amountYuan: '1000000.00',
      termMonths: 12,
      repaymentMethod: 'annuity',
      spreadBps: 50,
      combinedModel: 'pledge_only',
      assetIds: [assetId],
      consentExpiresOn: '2027-03-01',
    });
    expect(applied.statusCode, applied.body).toBe(200);
    const { id: caseId, caseNumber } = applied.json<Case>();
    const step = async (caller: Caller, action: string, payload: object, state: string) => {
      later();
      const res = await api(caller, 'POST', `/api/cases/${caseId}/${action}`, payload);
      expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
      expect(res.json<{ state: string }>().state).toBe(state);
      return res;
    };

    // The bank's system: the clerk's token completes the due-diligence checklist and evaluates, the approver's
    // token approves.
    const checklist = await api(
      clerkToken,
      'POST',
      `/api/cases/${caseId}/due-diligence`,
      completeDueDiligence,
    );
    expect(checklist.statusCode, checklist.body).toBe(200);
    await step(
      clerkToken,
      'risk-evaluation',
      {
        facts: lowRiskFacts,
      },
      'risk_evaluated',
    );
    await step(
      clerkToken,
      'value-evaluation',
      {
        basis: 'formal_report',
        evaluatorName: '中衡资产评估有限公司（演示）',
        valuers: ['王评估', '李评估'],
        method: 'income',
        valuationDate: '2026-02-20',
        validUntil: '2027-02-19',
        assetValues: [{ assetId, valueYuan: '10000000.00' }],
      },
      'value_evaluated',
    );
    await step(
      clerkToken,
      'credit-rating',
      { creditRating: 'A', creditLineYuan: '1000000.00' },
      'credit_rated',
    );
    // A token acts as its creator: the clerk's system may not approve; the approver's (another user) does.
    const selfApproval = await api(clerkToken, 'POST', `/api/cases/${caseId}/approve`, {});
    expect(selfApproval.statusCode).toBe(403);
    await step(approverToken, 'approve', { note: '同意' }, 'approved');

    later();
    const prepared = await api(clerkToken, 'POST', `/api/cases/${caseId}/contracts`, {});
    expect(prepared.statusCode, prepared.body).toBe(200);
    const documents = prepared.json<Document[]>();
    expect(documents.map((d) => d.kind)).toEqual(['loan_contract', 'pledge_contract']);

    // The enterprise signs with its own SM2 key: only the public key and the signatures reach the platform.
    const { privateKey, publicKey } = sm2.generateKeyPairHex();
    const certificate = await api(ent, 'POST', '/api/signing-certificates', { publicKeyHex: publicKey });
    expect(certificate.statusCode, certificate.body).toBe(201);
    const certificateId = certificate.json<{ id: string }>().id;
    await step(
      ent,
      'signatures',
      {
        signatures: documents.map((d) => ({
          documentId: d.id,
          digestHex: d.sm3DigestHex,
          signatureHex: sm2.doSignature(sm2.hexToArray(d.sm3DigestHex), privateKey, {
            hash: true,
            publicKey,
            userId: '1234567812345678',
          }),
          certificateId,
        })),
      },
      'contracted',
    );

    later();
    const filed = await api(clerkToken, 'POST', `/api/cases/${caseId}/registrations`, {});
    expect(filed.statusCode, filed.body).toBe(200);
    const [registration] = filed.json<Registration[]>();
    expect(registration!.state).toBe('registered');
    expect(registration!.registrationNumber).toMatch(/\S/);
    const registered = (await api(clerkToken, 'GET', `/api/cases/${caseId}`)).json<Case>();
    expect(registered.state).toBe('registered');

    // Anyone, logged out, verifies both signed PDFs: every signature (bank's service, enterprise's key) is valid.
    const listedDocuments = await api(clerkToken, 'GET', `/api/cases/${caseId}/documents`);
    expect(listedDocuments.statusCode, listedDocuments.body).toBe(200);
    const signed = listedDocuments.json<Document[]>();
    expect(signed.every((d) => d.fullySigned)).toBe(true);
    for (const document of signed) {
      const pdf = (await api(clerkToken, 'GET', `/api/case-documents/${document.id}/pdf`)).rawPayload;
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const verified = await t.app.inject({
        method: 'POST',
        url: '/api/verify-document',
        headers: { 'content-type': 'application/pdf' },
        payload: pdf,
      });
      expect(verified.statusCode, verified.body).toBe(200);
      const result = verified.json<Verification>();
      expect(result.platformDocument).toBe(true);
      expect(result.documents.map((d) => [d.kind, d.valid, d.complete])).toEqual([
        [document.kind, true, true],
      ]);
      expect(result.documents[0]!.signers).toHaveLength(2);
      expect(result.documents[0]!.signers.every((s) => s.valid)).toBe(true);
    }

    // Scopes name operations: `case.*` does not reach the contracts (`case_document.read` is its own scope).
    const outOfScope = await api(approverToken, 'GET', `/api/cases/${caseId}/documents`);
    expect(outOfScope.statusCode).toBe(403);
    expect(outOfScope.json()).toMatchObject({ code: 'API_TOKEN_SCOPE_MISSING' });

    // Another bank never sees the case: not in its list or search, not by id, not its contracts or filings.
    const listed = await api(
      otherBankClerk,
      'GET',
      `/api/cases?q=${encodeURIComponent(caseNumber)}&pageSize=200`,
    );
    expect(listed.statusCode).toBe(200);
    expect(listed.body).not.toContain(caseId);
    expect((await api(otherBankClerk, 'GET', '/api/cases?pageSize=200')).body).not.toContain(caseId);
    for (const url of [
      `/api/cases/${caseId}`,
      `/api/cases/${caseId}/documents`,
      `/api/cases/${caseId}/registrations`,
    ])
      expect((await api(otherBankClerk, 'GET', url)).statusCode, url).toBe(404);
    expect((await api(otherBankClerk, 'GET', `/api/case-documents/${signed[0]!.id}/pdf`)).statusCode).toBe(
      404,
    );

    // The timeline: every step in order, each with its own (strictly later) timestamp.
    const steps = registered.events.map((e) => [e.action, e.fromState, e.toState]);
    expect(steps).toEqual([
      ['apply', null, 'applied'],
      ['record_risk_evaluation', 'applied', 'risk_evaluated'],
      ['record_value_evaluation', 'risk_evaluated', 'value_evaluated'],
      ['record_credit_rating', 'value_evaluated', 'credit_rated'],
      ['approve', 'credit_rated', 'approved'],
      ['prepare_contract', 'approved', 'approved'],
      ['sign', 'approved', 'contracted'],
      ['submit_registration', 'contracted', 'registration_pending'],
      ['record_registration', 'registration_pending', 'registered'],
    ]);
    const times = registered.events.map((e) => Date.parse(e.occurredAt));
    expect(times.every((time) => Number.isFinite(time))).toBe(true);
    for (let i = 1; i < times.length; i++) expect(times[i]!).toBeGreaterThanOrEqual(times[i - 1]!);
    // Steps taken a minute apart show a minute apart; filing and the built-in authority's decision share a moment.
    expect(new Set(times).size).toBe(times.length - 1);
  });
});
