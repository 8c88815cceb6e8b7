import { createHash } from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoParties } from '@ipf/app';
import { tables } from '@ipf/db';
import { attachmentDisposition } from './routes/case-attachment-routes.ts';
import { createTestApp, TEST_DEMO_SEED, type TestApp, type TestSession } from './testing/create-test-app.ts';

type Problem = { status: number; code: string; problems: { code: string; field: string }[] };
type Attachment = {
  id: string;
  caseId: string;
  kind: string;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  sm3DigestHex: string;
  uploadedByUserId: string;
  uploadedByOrganisationId: string;
};
type Consent = { recipientId: string; scope: string; purpose: string; expiresOn: string; state: string };

const pdfBytes = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n',
  'latin1',
);
const pngBytes = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
]);
const jpegBytes = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0]);
const sm3 = (bytes: Buffer) => createHash('sm3').update(bytes).digest('hex');

describe('case attachments (申请材料) and the application consents', () => {
  let t: TestApp;
  let ent: TestSession;
  let clerk: TestSession;
  let siblingClerk: TestSession;
  let otherBankClerk: TestSession;
  let districtBureau: TestSession;
  let otherDistrictBureau: TestSession;
  const parties = generateDemoParties(TEST_DEMO_SEED);
  const bankUnit = parties.organisations.find((o) => o.nameZh === '银湾银行深圳南山科技支行')!;
  const headOffice = parties.organisations.find((o) => o.nameZh === '银湾银行')!;
  let district = '';
  let productId = '';
  let assetId = '';
  let caseId = '';

  beforeAll(async () => {
    t = await createTestApp();
    ent = await t.loginAs('ent001');
    clerk = await t.loginAs('bank01.clerk');
    siblingClerk = await t.loginAs('bank01.lg.clerk');
    otherBankClerk = await t.loginAs('bank02.clerk');
    const entUser = parties.users.find((u) => u.login === 'ent001')!;
    const [enterprise] = await t.handle.db
      .select({ district: tables.enterprises.district })
      .from(tables.enterprises)
      .where(eq(tables.enterprises.organisationId, entUser.organisationId));
    district = enterprise!.district;
    districtBureau = await t.loginAs(`bureau.${district}`);
    otherDistrictBureau = await t.loginAs(district === 'futian' ? 'bureau.luohu' : 'bureau.futian');

    const products = await t.app.inject({
      method: 'GET',
      url: `/api/bank-products?bankId=${headOffice.id}`,
      headers: ent.headers,
    });
    productId = products.json<{ id: string; code: string }[]>().find((p) => p.code === 'prd-demo-ipdai')!.id;
    const assets = await t.app.inject({
      method: 'GET',
      url: '/api/ip-assets?kind=invention_patent&pageSize=200',
      headers: ent.headers,
    });
    for (const asset of assets.json<{ items: { id: string }[] }>().items) {
      const check = await t.app.inject({
        method: 'POST',
        url: `/api/ip-assets/${asset.id}/eligibility`,
        headers: ent.headers,
        payload: { debtMaturityDate: '2027-03-02', pledgeeOrganisationId: bankUnit.id },
      });
      if (check.json<{ eligible: boolean }>().eligible) {
        assetId = asset.id;
        break;
      }
    }
    expect(assetId).not.toBe('');
    caseId = (await apply()).json<{ id: string }>().id;
  });
  afterAll(async () => t.close());

  const apply = () =>
    t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: ent.headers,
      payload: {
        bankUnitId: bankUnit.id,
        productId,
        amountYuan: '1000000.00',
        termMonths: 12,
        repaymentMethod: 'annuity',
        spreadBps: 50,
        combinedModel: 'pledge_only',
        assetIds: [assetId],
        consentExpiresOn: '2027-03-01',
      },
    });
  const upload = (
    session: TestSession,
    body: { kind?: string; fileName?: string; mimeType?: string; content?: Buffer; contentBase64?: string },
    id = caseId,
  ) =>
    t.app.inject({
      method: 'POST',
      url: `/api/cases/${id}/attachments`,
      headers: session.headers,
      payload: {
        kind: body.kind ?? 'business_licence',
        fileName: body.fileName ?? '营业执照.pdf',
        mimeType: body.mimeType ?? 'application/pdf',
        contentBase64: body.contentBase64 ?? (body.content ?? pdfBytes).toString('base64'),
      },
    });
  const list = (session: TestSession, id = caseId) =>
    t.app.inject({ method: 'GET', url: `/api/cases/${id}/attachments`, headers: session.headers });
  const download = (session: TestSession, attachmentId: string) =>
    t.app.inject({
      method: 'GET',
      url: `/api/case-attachments/${attachmentId}/content`,
      headers: session.headers,
    });
  const remove = (session: TestSession, attachmentId: string) =>
    t.app.inject({
      method: 'DELETE',
      url: `/api/case-attachments/${attachmentId}`,
      headers: session.headers,
    });
  const storedRows = async () =>
    (await t.handle.db.select({ n: count() }).from(tables.caseAttachments))[0]!.n;
  const setState = (id: string, state: string) =>
    t.handle.db.update(tables.financingCases).set({ state }).where(eq(tables.financingCases.id, id));

  it('grants the bank its two consents and the district IP bureau a financing-record consent, same expiry', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/cases/${caseId}/consents`,
      headers: ent.headers,
    });
    expect(res.statusCode).toBe(200);
    const consents = res.json<Consent[]>();
    const bureauOrg = parties.organisations.find(
      (o) => o.kind === 'district_bureau' && o.district === district,
    )!;
    expect(consents.map((c) => [c.scope, c.recipientId, c.purpose, c.expiresOn, c.state]).sort()).toEqual(
      [
        ['credit_report', bankUnit.id, `credit_bureau_query:${caseId}`, '2027-03-01', 'active'],
        ['financials', bankUnit.id, `financing_application:${caseId}`, '2027-03-01', 'active'],
        ['financing_record', bureauOrg.id, `bureau_supervision:${caseId}`, '2027-03-01', 'active'],
      ].sort(),
    );
    // Every reader of the case sees them; another bank does not even see the case.
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}/consents`, headers: clerk.headers }))
        .statusCode,
    ).toBe(200);
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/cases/${caseId}/consents`,
          headers: otherBankClerk.headers,
        })
      ).statusCode,
    ).toBe(404);
  });

  it('names the district bureau for the apply page, and falls back to the city bureau when the district has none', async () => {
    const bureauOrg = parties.organisations.find(
      (o) => o.kind === 'district_bureau' && o.district === district,
    )!;
    const cityBureau = parties.organisations.find((o) => o.kind === 'ip_bureau')!;
    const named = await t.app.inject({
      method: 'GET',
      url: '/api/cases/application-bureau',
      headers: ent.headers,
    });
    expect(named.json<{ id: string; kind: string }>()).toMatchObject({
      id: bureauOrg.id,
      kind: 'district_bureau',
    });

    await t.handle.db
      .update(tables.organisations)
      .set({ active: false })
      .where(eq(tables.organisations.id, bureauOrg.id));
    try {
      const fallback = await t.app.inject({
        method: 'GET',
        url: '/api/cases/application-bureau',
        headers: ent.headers,
      });
      expect(fallback.json<{ id: string; kind: string }>()).toMatchObject({
        id: cityBureau.id,
        kind: 'ip_bureau',
      });
      const applied = await apply();
      expect(applied.statusCode).toBe(200);
      const newCaseId = applied.json<{ id: string }>().id;
      const consents = (
        await t.app.inject({ method: 'GET', url: `/api/cases/${newCaseId}/consents`, headers: ent.headers })
      ).json<Consent[]>();
      expect(consents.find((c) => c.scope === 'financing_record')?.recipientId).toBe(cityBureau.id);
      await setState(newCaseId, 'withdrawn');
    } finally {
      await t.handle.db
        .update(tables.organisations)
        .set({ active: true })
        .where(eq(tables.organisations.id, bureauOrg.id));
    }
  });

  it('stores an upload with its size, checked type and SM3 digest, and returns the same bytes with a UTF-8 file name', async () => {
    const res = await upload(ent, {});
    expect(res.statusCode).toBe(201);
    const attachment = res.json<Attachment>();
    expect(attachment).toMatchObject({
      caseId,
      kind: 'business_licence',
      fileName: '营业执照.pdf',
      mimeType: 'application/pdf',
      sizeBytes: pdfBytes.length,
      sm3DigestHex: sm3(pdfBytes),
    });

    const file = await download(clerk, attachment.id);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toBe(
      `attachment; filename="____.pdf"; filename*=UTF-8''${encodeURIComponent('营业执照.pdf')}`,
    );
    expect(file.rawPayload.equals(pdfBytes)).toBe(true);

    const [audit] = await t.handle.db
      .select()
      .from(tables.auditEvents)
      .where(
        and(
          eq(tables.auditEvents.entityType, 'case_attachment'),
          eq(tables.auditEvents.entityId, attachment.id),
        ),
      );
    expect(audit?.action).toBe('case_attachment.uploaded');
  });

  it('encodes quotes and non-ASCII characters of a file name in Content-Disposition', () => {
    expect(attachmentDisposition('a "b" (1).pdf')).toBe(
      `attachment; filename="a _b_ (1).pdf"; filename*=UTF-8''a%20%22b%22%20%281%29.pdf`,
    );
  });

  it('lets the bank clerk add due-diligence material, and every reader of the case list both parties’ documents', async () => {
    const res = await upload(clerk, {
      kind: 'due_diligence',
      fileName: '现场照片.png',
      mimeType: 'image/png',
      content: pngBytes,
    });
    expect(res.statusCode).toBe(201);
    for (const session of [ent, clerk, districtBureau]) {
      const kinds = (await list(session)).json<Attachment[]>().map((a) => a.kind);
      expect(kinds).toEqual(expect.arrayContaining(['business_licence', 'due_diligence']));
    }
  });

  it("never shows a case's documents to another bank, a sibling sub-branch or another district's bureau", async () => {
    const [first] = (await list(ent)).json<Attachment[]>();
    for (const session of [otherBankClerk, siblingClerk, otherDistrictBureau]) {
      expect((await list(session)).statusCode).toBe(404);
      expect((await download(session, first!.id)).statusCode).toBe(404);
    }
    const before = await storedRows();
    expect((await upload(otherBankClerk, {})).statusCode).toBe(404);
    expect((await upload(siblingClerk, {})).statusCode).toBe(404);
    expect((await remove(otherBankClerk, first!.id)).statusCode).toBe(404);
    expect(await storedRows()).toBe(before);
  });

  it('refuses a bureau upload by role (403): only the enterprise and the bank clerk attach documents', async () => {
    const res = await upload(districtBureau, {});
    expect(res.statusCode).toBe(403);
    expect(res.json<Problem>().code).toBe('FORBIDDEN');
  });

  it('refuses a type off the list, content whose magic bytes differ from the declared type, bad Base64, an unknown kind and a path as file name, writing nothing', async () => {
    const before = await storedRows();
    const cases: [Parameters<typeof upload>[1], number, string][] = [
      [
        { fileName: 'note.txt', mimeType: 'text/plain', content: Buffer.from('hello') },
        415,
        'CASE_ATTACHMENT_TYPE_NOT_ALLOWED',
      ],
      [
        { fileName: 'fake.pdf', mimeType: 'application/pdf', content: pngBytes },
        415,
        'CASE_ATTACHMENT_CONTENT_MISMATCH',
      ],
      [
        { fileName: 'photo.png', mimeType: 'image/png', content: jpegBytes },
        415,
        'CASE_ATTACHMENT_CONTENT_MISMATCH',
      ],
      [
        {
          fileName: 'sheet.xlsx',
          mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          content: Buffer.from('PK\u0003\u0004not really a workbook', 'latin1'),
        },
        415,
        'CASE_ATTACHMENT_CONTENT_MISMATCH',
      ],
      [{ contentBase64: '%%%not-base64%%%' }, 400, 'CASE_ATTACHMENT_CONTENT_INVALID'],
      [{ kind: 'love_letter' }, 400, 'CASE_ATTACHMENT_KIND_UNKNOWN'],
      [{ fileName: '../../etc/passwd.pdf' }, 400, 'CASE_ATTACHMENT_FILE_NAME_INVALID'],
    ];
    for (const [body, status, code] of cases) {
      const res = await upload(ent, body);
      expect(`${res.statusCode} ${res.json<Problem>().code}`).toBe(`${status} ${code}`);
      expect(res.json<Problem>().problems.map((p) => p.code)).toContain(code);
    }
    expect(await storedRows()).toBe(before);
  });

  it('accepts exactly 10 MB and refuses one byte more (413 CASE_ATTACHMENT_TOO_LARGE), writing nothing', async () => {
    const limit = 10 * 1024 * 1024;
    const atLimit = Buffer.alloc(limit, 0x20);
    pdfBytes.copy(atLimit);
    const accepted = await upload(ent, { kind: 'audit_report', fileName: 'audit.pdf', content: atLimit });
    expect(accepted.statusCode).toBe(201);
    expect(accepted.json<Attachment>().sizeBytes).toBe(limit);

    const before = await storedRows();
    const over = Buffer.alloc(limit + 1, 0x20);
    pdfBytes.copy(over);
    const refused = await upload(ent, { kind: 'audit_report', fileName: 'audit.pdf', content: over });
    expect(refused.statusCode).toBe(413);
    expect(refused.json<Problem>().code).toBe('CASE_ATTACHMENT_TOO_LARGE');
    expect(await storedRows()).toBe(before);
  });

  it('lets only the uploader delete, keeps the record without its bytes, and audits the deletion', async () => {
    const own = (
      await upload(ent, {
        kind: 'tax_certificate',
        fileName: '完税证明.jpg',
        mimeType: 'image/jpeg',
        content: jpegBytes,
      })
    ).json<Attachment>();
    const byOther = await remove(clerk, own.id);
    expect(byOther.statusCode).toBe(403);
    expect(byOther.json<Problem>().code).toBe('CASE_ATTACHMENT_NOT_UPLOADER');

    expect((await remove(ent, own.id)).statusCode).toBe(204);
    expect((await list(ent)).json<Attachment[]>().map((a) => a.id)).not.toContain(own.id);
    expect((await download(ent, own.id)).statusCode).toBe(404);
    expect((await remove(ent, own.id)).statusCode).toBe(404);
    const [row] = await t.handle.db
      .select()
      .from(tables.caseAttachments)
      .where(eq(tables.caseAttachments.id, own.id));
    expect(row?.deletedAt).not.toBeNull();
    expect(row?.content).toBeNull();
    expect(row?.sm3DigestHex).toBe(sm3(jpegBytes));
    const actions = (
      await t.handle.db
        .select({ action: tables.auditEvents.action })
        .from(tables.auditEvents)
        .where(eq(tables.auditEvents.entityId, own.id))
    ).map((e) => e.action);
    expect(actions.sort()).toEqual(['case_attachment.deleted', 'case_attachment.uploaded']);
  });

  it('keeps documents once the case is approved (CASE_ATTACHMENT_LOCKED) but still takes new ones; a closed case takes none', async () => {
    const own = (await upload(ent, { kind: 'other', fileName: 'extra.pdf' })).json<Attachment>();
    await setState(caseId, 'approved');
    const locked = await remove(ent, own.id);
    expect(locked.statusCode).toBe(409);
    expect(locked.json<Problem>().code).toBe('CASE_ATTACHMENT_LOCKED');
    expect((await upload(clerk, { kind: 'due_diligence', fileName: 'dd.pdf' })).statusCode).toBe(201);

    await setState(caseId, 'withdrawn');
    const before = await storedRows();
    const closed = await upload(ent, {});
    expect(closed.statusCode).toBe(409);
    expect(closed.json<Problem>().code).toBe('CASE_ATTACHMENT_CASE_CLOSED');
    expect(await storedRows()).toBe(before);
  });
});
