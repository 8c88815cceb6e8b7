import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables } from '@ipf/db';
import { calculatePatentCheckDigit } from '@ipf/domain/ip-asset';
import { createTestApp, type TestApp, type TestSession } from './testing/create-test-app.ts';

const patent = (year: number, type: string, serial: number) => {
  const body = `${year}${type}${String(serial).padStart(7, '0')}`;
  return `${body}.${calculatePatentCheckDigit(body)!}`;
};

interface Problem {
  code: string;
  problems: { code: string; field: string; message: string }[];
}
interface Report {
  batchId: string | null;
  totalRows: number;
  validRows: number;
  invalidRows: number;
  insertedRows: number;
  alreadyRegisteredRows: number;
  committed: boolean;
  problems: Problem['problems'];
}

describe('IP asset routes', () => {
  let t: TestApp;
  let ent1: TestSession;
  let ent2: TestSession;
  let clerk: TestSession;
  let ent1Id: string;
  let assetId: string;

  beforeAll(async () => {
    t = await createTestApp();
    [ent1, ent2, clerk] = [
      await t.loginAs('ent001'),
      await t.loginAs('ent002'),
      await t.loginAs('bank01.clerk'),
    ];
    const [row] = await t.handle.db
      .select({ id: tables.memberships.organisationId })
      .from(tables.memberships)
      .innerJoin(tables.users, eq(tables.users.id, tables.memberships.userId))
      .where(eq(tables.users.login, 'ent001'));
    ent1Id = row!.id;
    // ent001's enterprise has no relationship with any bank in this file.
    await t.handle.db.delete(tables.customerLinks).where(eq(tables.customerLinks.enterpriseId, ent1Id));
    await t.handle.db.delete(tables.consents).where(eq(tables.consents.enterpriseId, ent1Id));
  });
  afterAll(async () => t.close());

  it('registers an asset with a normalised number and computed expiry, and answers a mistyped number with the reason in the request language', async () => {
    const number = patent(2021, '1', 808);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/ip-assets',
      headers: ent1.headers,
      payload: {
        kind: 'invention_patent',
        number: `ZL${number}`,
        title: '一种路径规划方法',
        legalStatus: 'granted',
        filingDate: '2021-03-04',
        grantDate: '2023-05-06',
        termCompensationDays: 30,
        annualFeePaidThrough: '2027-03-03',
      },
    });
    expect(created.statusCode).toBe(201);
    const asset = created.json<{
      id: string;
      number: string;
      expiryDate: string;
      statusHistory: unknown[];
    }>();
    expect(asset).toMatchObject({ number, expiryDate: '2041-04-02' });
    assetId = asset.id;

    const wrong = `${number.slice(0, -1)}${number.endsWith('1') ? '2' : '1'}`;
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/ip-assets',
      headers: { ...ent1.headers, 'accept-language': 'en' },
      payload: {
        kind: 'invention_patent',
        number: wrong,
        title: 'x',
        legalStatus: 'granted',
        filingDate: '2021-03-04',
        grantDate: '2023-05-06',
      },
    });
    expect(refused.statusCode).toBe(400);
    const problem = refused.json<Problem>();
    expect(problem.problems).toEqual([
      {
        code: 'PATENT_CHECK_DIGIT_MISMATCH',
        field: 'number',
        message: expect.stringContaining('check digit is wrong') as string,
      },
    ]);
  });

  it('shows the asset with its timeline to its owner and to nobody without a relationship', async () => {
    const own = await t.app.inject({
      method: 'GET',
      url: `/api/ip-assets/${assetId}`,
      headers: ent1.headers,
    });
    expect(own.statusCode).toBe(200);
    expect(own.json<{ statusHistory: { reason: string }[] }>().statusHistory.map((e) => e.reason)).toEqual([
      'filed',
      'granted',
    ]);
    for (const session of [ent2, clerk]) {
      expect(
        (await t.app.inject({ method: 'GET', url: `/api/ip-assets/${assetId}`, headers: session.headers }))
          .statusCode,
      ).toBe(404);
    }
    const list = await t.app.inject({
      method: 'GET',
      url: `/api/ip-assets?ownerEnterpriseId=${ent1Id}`,
      headers: clerk.headers,
    });
    expect(list.json<{ total: number }>().total).toBe(0);
    const mine = await t.app.inject({
      method: 'GET',
      url: '/api/ip-assets?q=%E8%B7%AF%E5%BE%84%E8%A7%84%E5%88%92&pageSize=50',
      headers: ent1.headers,
    });
    expect(mine.json<{ items: { id: string }[] }>().items.map((a) => a.id)).toContain(assetId);
  });

  it('lets the owner pledge-check its asset with every reason, and answers another enterprise NOT_FOUND', async () => {
    const [bank] = await t.handle.db
      .select({ id: tables.organisations.id })
      .from(tables.organisations)
      .where(eq(tables.organisations.kind, 'bank'))
      .limit(1);
    const payload = { debtMaturityDate: '2041-04-03', pledgeeOrganisationId: bank!.id };
    const other = await t.app.inject({
      method: 'POST',
      url: `/api/ip-assets/${assetId}/eligibility`,
      headers: ent2.headers,
      payload,
    });
    expect(other.statusCode).toBe(404);
    const own = await t.app.inject({
      method: 'POST',
      url: `/api/ip-assets/${assetId}/eligibility`,
      headers: ent1.headers,
      payload,
    });
    expect(own.statusCode).toBe(200);
    expect(
      own.json<{
        eligible: boolean;
        reasons: { code: string; message: string; ground: { item: number } }[];
      }>(),
    ).toMatchObject({
      eligible: false,
      reasons: [
        {
          code: 'PLEDGE_DEBT_MATURES_AFTER_EXPIRY',
          ground: { item: 6 },
          message: expect.stringContaining('2041-04-02') as string,
        },
      ],
    });
    const onExpiry = await t.app.inject({
      method: 'POST',
      url: `/api/ip-assets/${assetId}/eligibility`,
      headers: ent1.headers,
      payload: { ...payload, debtMaturityDate: '2041-04-02' },
    });
    expect(onExpiry.json<{ eligible: boolean }>().eligible).toBe(true);
  });

  describe('bulk import', () => {
    const header = 'kind,number,title,legalStatus,filingDate,grantDate,annualFeePaidThrough,niceClasses';
    const rows = [
      `utility_model_patent,${patent(2022, '2', 4711)},一种散热模组,granted,2022-01-10,2022-08-01,2027-01-09,`,
      `trademark,34567890,前海优品,registered,,2019-11-28,,25;35`,
      `utility_model_patent,${patent(2022, '2', 4712).slice(0, -2)},坏号码,granted,2022-01-10,2022-08-01,,`,
      `trademark,,无号码,registered,,2019-11-28,,99`,
    ];
    const file = `${header}\n${rows.join('\n')}\n`;
    const importedRows = async () =>
      (
        await t.handle.db
          .select({ n: count() })
          .from(tables.ipAssets)
          .where(sql`${tables.ipAssets.source} like 'import:%'`)
      )[0]?.n ?? 0;

    it('offers the templates for download', async () => {
      const csv = await t.app.inject({
        method: 'GET',
        url: '/api/ip-assets/import-template?format=csv',
        headers: ent1.headers,
      });
      expect(csv.headers['content-type']).toContain('text/csv');
      expect(csv.body).toContain('kind,number,title,legalStatus');
      const xlsx = await t.app.inject({
        method: 'GET',
        url: '/api/ip-assets/import-template',
        headers: ent1.headers,
      });
      expect(xlsx.statusCode).toBe(200);
      expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    });

    it('reports every bad row with field and reason in English, writes nothing, then imports the valid rows on commit', async () => {
      const upload = await t.app.inject({
        method: 'POST',
        url: '/api/ip-assets/imports',
        headers: { ...ent1.headers, 'content-type': 'text/csv', 'accept-language': 'en' },
        payload: file,
      });
      expect(upload.statusCode).toBe(200);
      const report = upload.json<Report>();
      expect(report).toMatchObject({
        totalRows: 4,
        validRows: 2,
        invalidRows: 2,
        committed: false,
        insertedRows: 0,
      });
      expect(report.problems.map((p) => p.field)).toEqual([
        'rows[4].number',
        'rows[5].number',
        'rows[5].niceClasses[0]',
      ]);
      expect(report.problems[1]!.message).toBe('This field is required.');
      expect(await importedRows()).toBe(0);

      const commit = await t.app.inject({
        method: 'POST',
        url: `/api/ip-assets/imports/${report.batchId!}/commit`,
        headers: ent1.headers,
        payload: {},
      });
      expect(commit.json<Report>()).toMatchObject({ committed: true, insertedRows: 2 });
      expect(await importedRows()).toBe(2);
    });

    it('changes nothing when the same file comes again with commit=true, and refuses a JSON body', async () => {
      const again = await t.app.inject({
        method: 'POST',
        url: '/api/ip-assets/imports?commit=true&format=csv',
        headers: { ...ent1.headers, 'content-type': 'text/csv' },
        payload: file,
      });
      expect(again.json<Report>()).toMatchObject({
        committed: true,
        validRows: 2,
        insertedRows: 0,
        alreadyRegisteredRows: 2,
      });
      expect(await importedRows()).toBe(2);
      const json = await t.app.inject({
        method: 'POST',
        url: '/api/ip-assets/imports',
        headers: ent1.headers,
        payload: { rows: [] },
      });
      expect(json.statusCode).toBe(415);
    });

    it('exports the search result as xlsx', async () => {
      const res = await t.app.inject({
        method: 'GET',
        url: '/api/ip-assets/export?kind=trademark',
        headers: ent1.headers,
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
    });
  });
});
