import { execFileSync } from 'node:child_process';
import { count, eq } from 'drizzle-orm';
import { sm2 } from 'sm-crypto-v2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoParties } from '@ipf/app';
import { tables } from '@ipf/db';
import { createTestApp, TEST_DEMO_SEED, type TestApp, type TestSession } from './testing/create-test-app.ts';
import { completeDueDiligence } from './testing/complete-due-diligence.ts';
import { lowRiskFacts } from './testing/low-risk-facts.ts';

type Problem = { status: number; code: string; problems: { code: string; field: string }[] };
type Case = { id: string; state: string; version: number };
type Signer = { organisationId: string; organisationName: string; signed: boolean; method: string | null };
type Document = {
  id: string;
  kind: string;
  version: number;
  contractNumber: string;
  sm3DigestHex: string;
  superseded: boolean;
  signers: Signer[];
  fullySigned: boolean;
};
type Certificate = { id: string; serialNumber: string; keyCustody: string; revokedAt: string | null };
type Verification = {
  platformDocument: boolean;
  message: string;
  documents: {
    kind: string;
    valid: boolean;
    complete: boolean;
    superseded: boolean;
    signers: { organisationName: string; certificateSerialNumber: string; valid: boolean }[];
    pendingSigners: string[];
  }[];
};

/** The enterprise's "browser": an SM2 key pair of its own and signatures over the documents' SM3 digests. */
function browserKey() {
  const { privateKey, publicKey } = sm2.generateKeyPairHex();
  return {
    publicKeyHex: publicKey,
    sign: (digestHex: string) =>
      sm2.doSignature(sm2.hexToArray(digestHex), privateKey, {
        hash: true,
        publicKey,
        userId: '1234567812345678',
      }),
  };
}

describe('contracts and SM2 electronic signatures of a financing case, through the API', () => {
  let t: TestApp;
  let ent: TestSession;
  let clerk: TestSession;
  let approver: TestSession;
  const parties = generateDemoParties(TEST_DEMO_SEED);
  const bankUnit = parties.organisations.find((o) => o.nameZh === '银湾银行深圳南山科技支行')!;
  const headOffice = parties.organisations.find((o) => o.nameZh === '银湾银行')!;
  const guarantorOrg = parties.organisations.find(
    (o) => o.nameZh === '深圳市高新投融资担保有限公司（演示）',
  )!;
  const enterpriseName = parties.organisations.find(
    (o) => o.id === parties.users.find((u) => u.login === 'ent001')!.organisationId,
  )!.nameZh;
  let productId = '';
  const eligibleAssets: string[] = [];
  const key = browserKey();
  let certificateId = '';
  let casesMade = 0;

  const api = (session: TestSession | null, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({
      method,
      url,
      ...(session === null ? {} : { headers: session.headers }),
      ...(payload === undefined ? {} : { payload }),
    });
  const step = (session: TestSession, caseId: string, action: string, payload: object) =>
    api(session, 'POST', `/api/cases/${caseId}/${action}`, payload);
  const documentsOf = async (session: TestSession, caseId: string) =>
    (await api(session, 'GET', `/api/cases/${caseId}/documents`)).json<Document[]>();
  const pdfOf = async (session: TestSession, documentId: string) =>
    (await api(session, 'GET', `/api/case-documents/${documentId}/pdf`)).rawPayload;
  const verify = async (pdf: Buffer) =>
    t.app.inject({
      method: 'POST',
      url: '/api/verify-document',
      headers: { 'content-type': 'application/pdf' },
      payload: pdf,
    });
  const signaturesFor = (documents: Document[], overrides: Record<string, unknown> = {}) =>
    documents
      .filter((d) => !d.superseded)
      .map((d) => ({
        documentId: d.id,
        digestHex: d.sm3DigestHex,
        signatureHex: key.sign(d.sm3DigestHex),
        certificateId,
        ...overrides,
      }));
  const countSignatures = async () =>
    (await t.deps.db.select({ n: count() }).from(tables.documentSignatures))[0]!.n;

  /**
   * Applies with the next eligible asset and drives the case to `approved` (maker-checker: clerk, approver); with
   * a guarantor, as a 反担保 case the guarantor accepts before approval.
   */
  async function approvedCase(guarantor?: { organisationId: string; session: TestSession }): Promise<string> {
    // Distinct assets while there are enough; this part of the ledger does not lock an asset before registration.
    const assetId = eligibleAssets[casesMade++ % eligibleAssets.length]!;
    const applied = await api(ent, 'POST', '/api/cases', {
      bankUnitId: bankUnit.id,
      productId,
      amountYuan: '1000000.00',
      termMonths: 12,
      repaymentMethod: 'annuity',
      spreadBps: 50,
      combinedModel: guarantor === undefined ? 'pledge_only' : 'plus_guarantee',
      ...(guarantor === undefined ? {} : { guarantorOrganisationId: guarantor.organisationId }),
      assetIds: [assetId],
      consentExpiresOn: '2027-03-01',
    });
    expect(applied.statusCode).toBe(200);
    const caseId = applied.json<Case>().id;
    await step(clerk, caseId, 'due-diligence', completeDueDiligence);
    await step(clerk, caseId, 'risk-evaluation', {
      facts: lowRiskFacts,
    });
    await step(clerk, caseId, 'value-evaluation', {
      basis: 'formal_report',
      evaluatorName: '中衡资产评估有限公司（演示）',
      valuers: ['王评估', '李评估'],
      method: 'income',
      valuationDate: '2026-02-20',
      validUntil: '2027-02-19',
      assetValues: [{ assetId, valueYuan: '10000000.00' }],
    });
    await step(clerk, caseId, 'credit-rating', { creditRating: 'A', creditLineYuan: '1000000.00' });
    if (guarantor !== undefined)
      expect((await step(guarantor.session, caseId, 'accept-guarantee', {})).statusCode).toBe(200);
    const approved = await step(approver, caseId, 'approve', {});
    expect(approved.json<Case>().state).toBe('approved');
    return caseId;
  }

  beforeAll(async () => {
    t = await createTestApp();
    ent = await t.loginAs('ent001');
    clerk = await t.loginAs('bank01.clerk');
    approver = await t.loginAs('bank01.approver');
    const products = await api(ent, 'GET', `/api/bank-products?bankId=${headOffice.id}`);
    productId = products.json<{ id: string; code: string }[]>().find((p) => p.code === 'prd-demo-ipdai')!.id;
    const assets = await api(ent, 'GET', '/api/ip-assets?pageSize=200');
    for (const asset of assets.json<{ items: { id: string }[] }>().items) {
      const check = await api(ent, 'POST', `/api/ip-assets/${asset.id}/eligibility`, {
        debtMaturityDate: '2027-03-02',
        pledgeeOrganisationId: bankUnit.id,
      });
      const forGuarantor = await api(ent, 'POST', `/api/ip-assets/${asset.id}/eligibility`, {
        debtMaturityDate: '2027-03-02',
        pledgeeOrganisationId: guarantorOrg.id,
      });
      // Every case here may pledge to the bank or, under 反担保, to the guarantor.
      if (check.json<{ eligible: boolean }>().eligible && forGuarantor.json<{ eligible: boolean }>().eligible)
        eligibleAssets.push(asset.id);
    }
    expect(eligibleAssets.length).toBeGreaterThanOrEqual(2);

    const registered = await api(ent, 'POST', '/api/signing-certificates', {
      publicKeyHex: key.publicKeyHex,
    });
    expect(registered.statusCode).toBe(201);
    certificateId = registered.json<Certificate>().id;
  });
  afterAll(async () => t.close());

  it('prepares both contracts in Chinese, signed at once by the bank through its signing service', async () => {
    const caseId = await approvedCase();
    const prepared = await step(clerk, caseId, 'contracts', {});
    expect(prepared.statusCode).toBe(200);
    const documents = prepared.json<Document[]>();
    expect(documents.map((d) => [d.kind, d.version, d.superseded])).toEqual([
      ['loan_contract', 1, false],
      ['pledge_contract', 1, false],
    ]);
    for (const document of documents) {
      expect(document.signers.map((s) => [s.organisationId, s.signed, s.method])).toEqual([
        [bankUnit.id, true, 'signing_service'],
        [expect.any(String), false, null],
      ]);
      expect(document.signers[1]!.organisationName).toBe(enterpriseName);
    }

    const loanPdf = await pdfOf(ent, documents[0]!.id);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: loanPdf }).toString('utf8');
    expect(text).toContain('借款合同');
    expect(text).toContain(enterpriseName);
    expect(text).toContain('银湾银行深圳南山科技支行');
    expect(text).toContain('壹佰万元整');
    expect(text).toContain(documents[0]!.contractNumber);
    const pledgeText = execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], {
      input: await pdfOf(clerk, documents[1]!.id),
    }).toString('utf8');
    expect(pledgeText).toContain('知识产权质押合同');
    expect(pledgeText).toContain('10000000.00');

    const detail = await api(clerk, 'GET', `/api/cases/${caseId}`);
    expect(JSON.stringify(detail.json())).toContain('prepare_contract');
  });

  it('takes the enterprise signature made in its own browser, making the case contracted, and the PDF verifies', async () => {
    const caseId = await approvedCase();
    await step(clerk, caseId, 'contracts', {});
    const documents = await documentsOf(ent, caseId);

    const signed = await step(ent, caseId, 'signatures', { signatures: signaturesFor(documents) });
    expect(signed.statusCode).toBe(200);
    expect(signed.json<Case>().state).toBe('contracted');
    const after = await documentsOf(ent, caseId);
    expect(after.every((d) => d.fullySigned)).toBe(true);
    expect(after[0]!.signers[1]!.method).toBe('browser');

    const verification = await verify(await pdfOf(ent, documents[0]!.id));
    expect(verification.statusCode).toBe(200);
    const answer = verification.json<Verification>();
    expect(answer.platformDocument).toBe(true);
    expect(answer.documents).toHaveLength(1);
    expect(answer.documents[0]!).toMatchObject({ kind: 'loan_contract', valid: true, complete: true });
    expect(answer.documents[0]!.signers.map((s) => [s.organisationName, s.valid])).toEqual([
      ['银湾银行深圳南山科技支行', true],
      [enterpriseName, true],
    ]);

    const again = await step(ent, caseId, 'signatures', { signatures: signaturesFor(documents) });
    expect(again.json<Problem>().code).toBe('CASE_DOCUMENT_ALREADY_SIGNED');
  });

  it('answers "not a platform document" for other bytes, including a contract changed in one byte', async () => {
    const caseId = await approvedCase();
    const [loan] = (await step(clerk, caseId, 'contracts', {})).json<Document[]>();
    const changed = Buffer.from(await pdfOf(clerk, loan!.id));
    changed[changed.length - 20] = changed[changed.length - 20]! ^ 0x01;
    expect((await verify(changed)).json<Verification>().platformDocument).toBe(false);

    const unknown = await verify(Buffer.from('%PDF-1.4\n一份别的文件\n%%EOF\n'));
    expect(unknown.statusCode).toBe(200);
    expect(unknown.json<Verification>()).toMatchObject({ platformDocument: false, documents: [] });
    expect(unknown.json<Verification>().message).toContain('不是本平台生成的文书');
    const english = await t.app.inject({
      method: 'POST',
      url: '/api/verify-document',
      headers: { 'content-type': 'application/pdf', 'accept-language': 'en' },
      payload: Buffer.from('%PDF-1.4\nother\n%%EOF\n'),
    });
    expect(english.json<Verification>().message).toContain('not a platform document');
  });

  it('refuses a tampered signature, another digest, another organisation’s or a revoked certificate, and writes nothing', async () => {
    const caseId = await approvedCase();
    await step(clerk, caseId, 'contracts', {});
    const documents = await documentsOf(ent, caseId);
    const before = await countSignatures();
    const refusal = async (signatures: object[]) => {
      const res = await step(ent, caseId, 'signatures', { signatures });
      return res.json<Problem>().code;
    };

    const good = signaturesFor(documents);
    const flipped = good[0]!.signatureHex.replace(/^./, (c) => (c === '0' ? '1' : '0'));
    expect(await refusal([{ ...good[0]!, signatureHex: flipped }, good[1]!])).toBe(
      'CASE_DOCUMENT_SIGNATURE_INVALID',
    );
    expect(await refusal([good[0]!])).toBe('CASE_DOCUMENT_SIGNATURE_MISSING');
    const otherDigest = documents[1]!.sm3DigestHex;
    expect(
      await refusal([{ ...good[0]!, digestHex: otherDigest, signatureHex: key.sign(otherDigest) }, good[1]!]),
    ).toBe('CASE_DOCUMENT_DIGEST_MISMATCH');
    const stranger = key.sign(documents[0]!.sm3DigestHex);
    expect(
      await refusal([
        { ...good[0]!, signatureHex: stranger, certificateId: '00000000-0000-4000-8000-000000000000' },
        good[1]!,
      ]),
    ).toBe('SIGNING_CERTIFICATE_NOT_FOUND');

    // Another enterprise's certificate, even over the right digest with the key that goes with it.
    const other = await t.loginAs('ent002');
    const otherKey = browserKey();
    const otherCertificate = (
      await api(other, 'POST', '/api/signing-certificates', { publicKeyHex: otherKey.publicKeyHex })
    ).json<Certificate>();
    const borrowed = documents.map((d) => ({
      documentId: d.id,
      digestHex: d.sm3DigestHex,
      signatureHex: otherKey.sign(d.sm3DigestHex),
      certificateId: otherCertificate.id,
    }));
    expect(await refusal(borrowed)).toBe('SIGNING_CERTIFICATE_NOT_OWN');

    // A certificate of our own, revoked.
    const lostKey = browserKey();
    const lost = (
      await api(ent, 'POST', '/api/signing-certificates', { publicKeyHex: lostKey.publicKeyHex })
    ).json<Certificate>();
    const revoked = await api(ent, 'POST', `/api/signing-certificates/${lost.id}/revoke`, {});
    expect(revoked.json<Certificate>().revokedAt).not.toBeNull();
    const withRevoked = documents.map((d) => ({
      documentId: d.id,
      digestHex: d.sm3DigestHex,
      signatureHex: lostKey.sign(d.sm3DigestHex),
      certificateId: lost.id,
    }));
    expect(await refusal(withRevoked)).toBe('SIGNING_CERTIFICATE_REVOKED');

    expect(await countSignatures()).toBe(before);
    expect((await api(ent, 'GET', `/api/cases/${caseId}`)).json<Case>().state).toBe('approved');
  });

  it('refuses a superseded version and signing before the contracts exist; a signed contract is never regenerated', async () => {
    const caseId = await approvedCase();
    const early = await step(ent, caseId, 'signatures', {
      signatures: [
        {
          documentId: '00000000-0000-4000-8000-000000000000',
          digestHex: '0'.repeat(64),
          signatureHex: '0'.repeat(128),
          certificateId,
        },
      ],
    });
    expect(early.json<Problem>().code).toBe('CONTRACT_NOT_PREPARED');

    await step(clerk, caseId, 'contracts', {});
    const first = await documentsOf(ent, caseId);
    t.clock.advance(60_000);
    const regenerated = await step(clerk, caseId, 'contracts', {});
    expect(regenerated.json<Document[]>().map((d) => d.version)).toEqual([2, 2]);
    const all = await documentsOf(ent, caseId);
    expect(
      all
        .filter((d) => d.superseded)
        .map((d) => d.id)
        .sort(),
    ).toEqual(first.map((d) => d.id).sort());

    const before = await countSignatures();
    const stale = await step(ent, caseId, 'signatures', { signatures: signaturesFor(first) });
    expect(stale.json<Problem>().code).toBe('CASE_DOCUMENT_SUPERSEDED');
    expect(await countSignatures()).toBe(before);

    expect((await step(ent, caseId, 'signatures', { signatures: signaturesFor(all) })).statusCode).toBe(200);
    const afterSigning = await step(clerk, caseId, 'contracts', {});
    expect(afterSigning.json<Problem>().code).toBe('CASE_ACTION_NOT_ALLOWED_IN_STATE');

    // The superseded PDF is still a platform document, reported as superseded and incomplete.
    const old = (await verify(await pdfOf(ent, first[0]!.id))).json<Verification>();
    expect(old.documents[0]).toMatchObject({ superseded: true, complete: false, valid: true });
    expect(old.documents[0]!.pendingSigners).toEqual([enterpriseName]);
  });

  it('keeps the documents from another bank (404) and lets only the bank clerk prepare them', async () => {
    const caseId = await approvedCase();
    expect((await step(ent, caseId, 'contracts', {})).statusCode).toBe(403);
    await step(clerk, caseId, 'contracts', {});
    const [loan] = await documentsOf(clerk, caseId);
    const otherBank = await t.loginAs('bank02.clerk');
    expect((await api(otherBank, 'GET', `/api/case-documents/${loan!.id}/pdf`)).statusCode).toBe(404);
    expect((await api(otherBank, 'GET', `/api/cases/${caseId}/documents`)).statusCode).toBe(404);
    expect((await step(otherBank, caseId, 'contracts', {})).statusCode).toBe(404);
    const [documents] = await t.deps.db
      .select({ n: count() })
      .from(tables.caseDocuments)
      .where(eq(tables.caseDocuments.caseId, caseId));
    expect(documents?.n).toBe(2);
  });

  it('refuses a public key that is not an SM2 point, and lists the organisation’s own certificates only', async () => {
    const bad = await api(ent, 'POST', '/api/signing-certificates', { publicKeyHex: `04${'1'.repeat(128)}` });
    expect(bad.json<Problem>().code).toBe('SIGNING_PUBLIC_KEY_INVALID');
    const own = (await api(ent, 'GET', '/api/signing-certificates')).json<Certificate[]>();
    expect(own.map((c) => c.id)).toContain(certificateId);
    expect(own.every((c) => c.keyCustody === 'browser')).toBe(true);
  });

  it('has the guarantor of a 反担保 case sign its counter-guarantee pledge contract first, the enterprise last', async () => {
    const guarantor = await t.loginAs('guarantor1.user');
    const caseId = await approvedCase({ organisationId: guarantorOrg.id, session: guarantor });
    const [loan, pledge] = (await step(clerk, caseId, 'contracts', {})).json<Document[]>();
    expect(loan!.signers.map((s) => [s.organisationId, s.signed])).toEqual([
      [bankUnit.id, true],
      [expect.any(String), false],
    ]);
    expect(pledge!.signers.map((s) => [s.organisationId, s.signed])).toEqual([
      [guarantorOrg.id, false],
      [expect.any(String), false],
    ]);
    const pledgeText = execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], {
      input: await pdfOf(guarantor, pledge!.id),
    }).toString('utf8');
    expect(pledgeText).toContain('知识产权质押反担保合同');
    expect(pledgeText).toContain(guarantorOrg.nameZh);

    const documents = await documentsOf(ent, caseId);
    const early = await step(ent, caseId, 'signatures', { signatures: signaturesFor(documents) });
    expect(early.json<Problem>().code).toBe('COUNTER_GUARANTEE_NOT_SIGNED');
    const otherGuarantor = await t.loginAs('guarantor2.user');
    expect((await step(otherGuarantor, caseId, 'signatures', {})).statusCode).toBe(404);
    expect((await api(otherGuarantor, 'GET', `/api/case-documents/${pledge!.id}/pdf`)).statusCode).toBe(404);

    // The guarantor signs through its signing service (the demo CA holds its key): the pledge contract only.
    const byGuarantor = await step(guarantor, caseId, 'signatures', {});
    expect(byGuarantor.statusCode).toBe(200);
    expect(byGuarantor.json<Case>().state).toBe('approved');
    const signedByEnterprise = await step(ent, caseId, 'signatures', {
      signatures: signaturesFor(documents),
    });
    expect(signedByEnterprise.json<Case>().state).toBe('contracted');

    const verdict = (await verify(await pdfOf(ent, pledge!.id))).json<Verification>();
    expect(verdict.documents[0]).toMatchObject({ kind: 'pledge_contract', valid: true, complete: true });
    expect(verdict.documents[0]!.signers.map((s) => [s.organisationName, s.valid])).toEqual([
      [guarantorOrg.nameZh, true],
      [enterpriseName, true],
    ]);
  });

  it('lets exactly one of two simultaneous signatures by the enterprise through; the other gets a coded refusal', async () => {
    const caseId = await approvedCase();
    await step(clerk, caseId, 'contracts', {});
    const documents = await documentsOf(ent, caseId);
    const results = await Promise.all([
      step(ent, caseId, 'signatures', { signatures: signaturesFor(documents) }),
      step(ent, caseId, 'signatures', { signatures: signaturesFor(documents) }),
    ]);
    const outcomes = results.map((r) => (r.statusCode === 200 ? 'ok' : r.json<Problem>().code)).sort();
    expect(outcomes).toEqual(['CASE_DOCUMENT_ALREADY_SIGNED', 'ok']);
    expect((await documentsOf(ent, caseId)).every((d) => d.fullySigned)).toBe(true);
  });

  // Last: it moves the shared clock past every certificate's validity.
  it('refuses a certificate past its validity, while contracts signed during it still verify', async () => {
    const signedEarlier = await approvedCase();
    await step(clerk, signedEarlier, 'contracts', {});
    const earlier = await documentsOf(ent, signedEarlier);
    await step(ent, signedEarlier, 'signatures', { signatures: signaturesFor(earlier) });
    const caseId = await approvedCase();
    await step(clerk, caseId, 'contracts', {});
    const documents = await documentsOf(ent, caseId);

    t.clock.advance(1826 * 86_400_000);
    ent = await t.loginAs('ent001');
    const before = await countSignatures();
    const late = await step(ent, caseId, 'signatures', { signatures: signaturesFor(documents) });
    expect(late.json<Problem>().code).toBe('SIGNING_CERTIFICATE_NOT_VALID');
    expect(await countSignatures()).toBe(before);

    const verdict = (await verify(await pdfOf(ent, earlier[0]!.id))).json<Verification>();
    expect(verdict.documents[0]).toMatchObject({ valid: true, complete: true });
  });
});
