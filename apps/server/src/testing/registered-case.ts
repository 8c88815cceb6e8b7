import { sm2 } from 'sm-crypto-v2';
import { generateDemoParties } from '@ipf/app';
import { TEST_DEMO_SEED, type TestApp, type TestSession } from './create-test-app.ts';
import { completeDueDiligence } from './complete-due-diligence.ts';
import { lowRiskFacts } from './low-risk-facts.ts';

/** The terms of a case to bring to `registered` (defaults: 1,000,000.00 over 12 months, 等额本息, LPR + 50 bps). */
export interface RegisteredCaseTerms {
  readonly amountYuan?: string;
  readonly termMonths?: number;
  readonly repaymentMethod?: 'annuity' | 'equalPrincipal' | 'interestOnly';
  readonly spreadBps?: number;
  /**
   * The evaluation firm on the platform (an admitted one) whose formal report the value step records: it becomes
   * the case's evaluator participant. Without it the report names a firm by text only.
   */
  readonly evaluatorOrganisationId?: string;
  /** Stop once the contracts are signed, before filing the pledge (to test what waits for registration). */
  readonly stopAt?: 'contracted';
}

/** A case on the register, with the sessions that drove it. */
export interface RegisteredCase {
  readonly caseId: string;
  readonly assetId: string;
  readonly enterprise: TestSession;
  readonly clerk: TestSession;
  readonly approver: TestSession;
}

export interface RegisteredCaseFactory {
  readonly clerk: TestSession;
  readonly approver: TestSession;
  /** Drives one more case to `registered` on the next free eligible patent. */
  registeredCase(terms?: RegisteredCaseTerms): Promise<RegisteredCase>;
}

function expectStatus(res: { statusCode: number; body: string }, status: number, step: string): void {
  if (res.statusCode !== status) throw new Error(`${step}: ${res.statusCode} ${res.body}`);
}

/**
 * 已登记案件 (registered cases) for servicing tests, driven only through the real HTTP use cases of bank01
 * (prd-demo-ipdai): the enterprise applies, the clerk records the evaluation chain, the approver approves, the
 * clerk prepares the contracts (the bank signs through its signing service), the enterprise signs with its own
 * browser SM2 key, and the clerk files the pledge, which the built-in CNIPA authority registers on receipt.
 * Uses ent001–ent003's invention patents that are eligible for a debt maturing on 2027-03-02.
 */
export async function prepareRegisteredCases(t: TestApp): Promise<RegisteredCaseFactory> {
  const api = (session: TestSession, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: session.headers, ...(payload === undefined ? {} : { payload }) });
  const parties = generateDemoParties(TEST_DEMO_SEED);
  const clerk = await t.loginAs('bank01.clerk');
  const approver = await t.loginAs('bank01.approver');
  const unitId = parties.users.find((u) => u.login === 'bank01.clerk')!.organisationId;
  const products = (await api(clerk, 'GET', '/api/bank-products')).json<{ id: string; code: string }[]>();
  const productId = products.find((p) => p.code === 'prd-demo-ipdai')!.id;

  const free: {
    assetId: string;
    owner: TestSession;
    sign: (digestHex: string) => string;
    certificateId: string;
  }[] = [];
  for (const login of ['ent001', 'ent002', 'ent003']) {
    const owner = await t.loginAs(login);
    const { privateKey, publicKey } = sm2.generateKeyPairHex();
    const certificate = await api(owner, 'POST', '/api/signing-certificates', { publicKeyHex: publicKey });
    expectStatus(certificate, 201, 'certificate');
    const certificateId = certificate.json<{ id: string }>().id;
    const sign = (digestHex: string) =>
      sm2.doSignature(sm2.hexToArray(digestHex), privateKey, {
        hash: true,
        publicKey,
        userId: '1234567812345678',
      });
    const assets = await api(owner, 'GET', '/api/ip-assets?kind=invention_patent&pageSize=200');
    for (const asset of assets.json<{ items: { id: string }[] }>().items) {
      const check = await api(owner, 'POST', `/api/ip-assets/${asset.id}/eligibility`, {
        debtMaturityDate: '2027-03-02',
        pledgeeOrganisationId: unitId,
      });
      if (check.json<{ eligible: boolean }>().eligible)
        free.push({ assetId: asset.id, owner, sign, certificateId });
    }
  }

  async function registeredCase(terms: RegisteredCaseTerms = {}): Promise<RegisteredCase> {
    const asset = free.shift();
    if (asset === undefined) throw new Error('no eligible patent left for another registered case');
    const { assetId, owner } = asset;
    const applied = await api(owner, 'POST', '/api/cases', {
      bankUnitId: unitId,
      productId,
      amountYuan: terms.amountYuan ?? '1000000.00',
      termMonths: terms.termMonths ?? 12,
      repaymentMethod: terms.repaymentMethod ?? 'annuity',
      spreadBps: terms.spreadBps ?? 50,
      combinedModel: 'pledge_only',
      assetIds: [assetId],
      consentExpiresOn: '2027-03-01',
    });
    expectStatus(applied, 200, 'apply');
    const caseId = applied.json<{ id: string }>().id;
    const step = async (session: TestSession, action: string, payload: object) => {
      const res = await api(session, 'POST', `/api/cases/${caseId}/${action}`, payload);
      expectStatus(res, 200, action);
      return res;
    };
    await step(clerk, 'due-diligence', completeDueDiligence);
    await step(clerk, 'risk-evaluation', {
      facts: lowRiskFacts,
    });
    await step(clerk, 'value-evaluation', {
      basis: 'formal_report',
      evaluatorName: '中衡资产评估有限公司（演示）',
      ...(terms.evaluatorOrganisationId === undefined
        ? {}
        : { evaluatorOrganisationId: terms.evaluatorOrganisationId }),
      valuers: ['王评估', '李评估'],
      method: 'income',
      valuationDate: '2026-02-20',
      validUntil: '2027-02-19',
      assetValues: [{ assetId, valueYuan: '5000000.00' }],
    });
    await step(clerk, 'credit-rating', {
      creditRating: 'A',
      creditLineYuan: terms.amountYuan ?? '1000000.00',
    });
    await step(approver, 'approve', {});
    const prepared = await step(clerk, 'contracts', {});
    const documents = prepared.json<{ id: string; sm3DigestHex: string; superseded: boolean }[]>();
    await step(owner, 'signatures', {
      signatures: documents
        .filter((d) => !d.superseded)
        .map((d) => ({
          documentId: d.id,
          digestHex: d.sm3DigestHex,
          signatureHex: asset.sign(d.sm3DigestHex),
          certificateId: asset.certificateId,
        })),
    });
    if (terms.stopAt === 'contracted') return { caseId, assetId, enterprise: owner, clerk, approver };
    const filed = await api(clerk, 'POST', `/api/cases/${caseId}/registrations`, {});
    expectStatus(filed, 200, 'registration');
    const state = (await api(clerk, 'GET', `/api/cases/${caseId}`)).json<{ state: string }>().state;
    if (state !== 'registered') throw new Error(`case ${caseId} is ${state}, not registered`);
    return { caseId, assetId, enterprise: owner, clerk, approver };
  }

  return { clerk, approver, registeredCase };
}
