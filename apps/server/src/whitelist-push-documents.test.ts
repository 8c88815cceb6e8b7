import { execFileSync } from 'node:child_process';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WhitelistConversion } from '@ipf/contracts';
import { tables } from '@ipf/db';
import { createTestApp, type TestApp } from './testing/create-test-app.ts';
import { datedSessions } from './testing/dated-sessions.ts';
import { GRADE_B_WHITELIST_RULES, releasedWhitelistRound } from './testing/released-whitelist-round.ts';

type Row = WhitelistConversion['total'];

/**
 * Issue 10 items 5 and 6, as documents: the conversion statistics as xlsx carry exactly the API's figures, and
 * the reverse-evaluation report as a PDF names the applicant, the authorisation and the figures the bank cites.
 * The round goes through its use cases (testing/released-whitelist-round.ts), released to two banks that grade
 * eight enterprises by pseudonym; then rules, whitelist and push run through the API as in whitelist-push.test.ts.
 */
describe('whitelist conversion xlsx and reverse-evaluation report PDF', () => {
  let t: TestApp;
  const sessions = datedSessions(() => t);
  const { api } = sessions;
  let roundId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.deps.db;
    const { enterprises } = tables;
    const round = await releasedWhitelistRound(t, sessions, {
      title: '文档测试轮次',
      bankLogins: ['bank01.hq', 'bank02.hq'],
    });
    roundId = round.roundId;
    const [bank1, bank2] = round.bankIds as [string, string];
    // Eight enterprises released to both banks, four from each of two districts, so that the district sheet has
    // more than one row.
    const pickIn = async (district: string) =>
      (
        await db
          .select({ id: enterprises.organisationId })
          .from(enterprises)
          .where(eq(enterprises.district, district))
          .orderBy(enterprises.organisationId)
      )
        .map((e) => e.id)
        .filter(round.isReleasedToAll)
        .slice(0, 4);
    const enterpriseIds = [...(await pickIn('nanshan')), ...(await pickIn('futian'))];
    expect(enterpriseIds).toHaveLength(8);
    const gradesOf = [
      [bank1, ['A', 'B', 'A', 'B', 'A', 'C', 'A', 'B']],
      [bank2, ['B', 'A', 'D', null, 'B', 'B', null, 'A']],
    ] as const;
    for (const [bankId, grades] of gradesOf) {
      const gradeMap = new Map<string, string>();
      for (const [i, enterpriseId] of enterpriseIds.entries()) {
        const grade = grades[i];
        if (grade !== null && grade !== undefined) gradeMap.set(enterpriseId, grade);
      }
      await round.uploadGrades(bankId, gradeMap);
    }
    const published = await api('bureau.city', 'POST', '/api/whitelist-rules', GRADE_B_WHITELIST_RULES);
    expect(published.statusCode, published.body).toBe(200);
    for (const bankId of [bank1, bank2]) {
      for (const url of ['/api/whitelist-builds', '/api/whitelist-pushes']) {
        const res = await api('bureau.city', 'POST', url, { roundId, bankId });
        expect(res.statusCode, `${url} ${res.body}`).toBe(200);
      }
    }
    // The ledger moves on for some leads (its own use cases are tested elsewhere).
    const leads = await db
      .select({ caseId: tables.whitelistPushEntries.caseId })
      .from(tables.whitelistPushEntries)
      .where(eq(tables.whitelistPushEntries.roundId, roundId))
      .orderBy(tables.whitelistPushEntries.caseId);
    const states = ['credit_rated', 'declined', 'repaying', 'contracted'];
    for (const [i, state] of states.entries())
      await db
        .update(tables.financingCases)
        .set({ state })
        .where(eq(tables.financingCases.id, leads[i * 2]!.caseId));
  }, 900_000);

  afterAll(async () => {
    await t?.close();
  });

  async function sheetsOf(body: Buffer): Promise<Map<string, (string | number | null)[][]>> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(body as unknown as ArrayBuffer);
    const sheets = new Map<string, (string | number | null)[][]>();
    workbook.eachSheet((sheet) => {
      const rows: (string | number | null)[][] = [];
      sheet.eachRow({ includeEmpty: true }, (row) => {
        const values = (row.values as unknown[]).slice(1);
        rows.push(values.map((v) => (v === undefined ? null : (v as string | number))));
      });
      sheets.set(sheet.name, rows);
    });
    return sheets;
  }

  const figures = (r: Row) => [
    r.pushed,
    r.contacted,
    r.applied,
    r.approved,
    r.declined,
    r.disbursed,
    r.followUpOverdue,
    r.applyRatePct ?? null,
    r.disbursementRatePct ?? null,
  ];
  /** A sheet's data row as [name, figures…], blank rate cells as null. */
  const dataRow = (row: (string | number | null)[]) =>
    Array.from({ length: 10 }, (_, i) => (row[i] === '' || row[i] === undefined ? null : row[i]));

  it('the xlsx has a sheet by bank and one by district whose every figure equals the API’s, with the total', async () => {
    const stats = (
      await api('bureau.city', 'GET', `/api/whitelist-conversion?roundId=${roundId}`)
    ).json<WhitelistConversion>();
    expect(stats.total.pushed).toBeGreaterThan(0);
    expect(stats.byDistrict.length).toBeGreaterThan(1);
    expect(stats.total.applied).toBeGreaterThan(0);

    const res = await api('bureau.city', 'GET', `/api/whitelist-conversion/export?roundId=${roundId}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toMatch(/whitelist-conversion-\d{4}-\d{2}-\d{2}\.xlsx/);
    const sheets = await sheetsOf(res.rawPayload);
    expect([...sheets.keys()]).toEqual(['按银行', '按区']);
    for (const [name, rows] of [
      ['按银行', stats.byBank],
      ['按区', stats.byDistrict],
    ] as const) {
      const sheet = sheets.get(name)!;
      expect(sheet[0]![1]).toBe('推送');
      for (const [i, r] of rows.entries()) expect(dataRow(sheet[i + 1]!)).toEqual([r.nameZh, ...figures(r)]);
      expect(dataRow(sheet[rows.length + 1]!)).toEqual(['合计', ...figures(stats.total)]);
    }
  });

  it('the xlsx follows the language asked for and the permission of the statistics', async () => {
    const en = await api('bureau.city', 'GET', `/api/whitelist-conversion/export?roundId=${roundId}&lang=en`);
    const sheets = await sheetsOf(en.rawPayload);
    expect([...sheets.keys()]).toEqual(['By bank', 'By district']);
    expect(sheets.get('By bank')![0]!.slice(0, 2)).toEqual(['Bank', 'Pushed']);
    const bank = await api('bank01.hq', 'GET', '/api/whitelist-conversion/export');
    expect(bank.statusCode).toBe(403);
  });

  it('the report PDF names the applicant, its authorisation and validity, the figures, flags, conclusion and number; another bank cannot fetch it', async () => {
    const { organisations, enterprises, consents } = tables;
    const [clerkUnit] = await t.deps.db
      .select({ id: organisations.id, nameZh: organisations.nameZh })
      .from(organisations)
      .innerJoin(tables.memberships, eq(tables.memberships.organisationId, organisations.id))
      .innerJoin(tables.users, eq(tables.users.id, tables.memberships.userId))
      .where(eq(tables.users.login, 'bank01.clerk'));
    const granted = await api('ent002', 'POST', '/api/consents', {
      recipientId: clerkUnit!.id,
      scope: 'ip_assets',
      purpose: '反向评估',
      expiresOn: '2027-12-31',
    });
    expect(granted.statusCode, granted.body).toBe(201);
    const consentId = granted.json<{ id: string }>().id;
    const [enterprise] = await t.deps.db
      .select({ uscc: enterprises.uscc, name: enterprises.name })
      .from(consents)
      .innerJoin(enterprises, eq(enterprises.organisationId, consents.enterpriseId))
      .where(and(eq(consents.id, consentId)));
    const created = await api('bank01.clerk', 'POST', '/api/reverse-evaluations', {
      usccs: [enterprise!.uscc],
      note: '授信审批前评估',
    });
    expect(created.statusCode, created.body).toBe(200);
    type Report = {
      id: string;
      reportNumber: string;
      asOfDate: string;
      content: {
        consent: { id: string; expiresOn: string };
        valuation: { number: string; valueYuan: string } | null;
        ipRecord: { assetCount: number; validInventionPatents: number };
        riskFlags: string[];
      };
    };
    const { requestNumber, reports } = created.json<{ requestNumber: string; reports: Report[] }>();
    const report = reports[0]!;

    const res = await api('bank01.hq', 'GET', `/api/reverse-evaluation-reports/${report.id}/report.pdf`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    expect(res.headers['content-disposition']).toContain(`reverse-evaluation-${report.reportNumber}.pdf`);
    expect(res.rawPayload.subarray(0, 4).toString('latin1')).toBe('%PDF');
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: res.rawPayload })
      .toString('utf8')
      .replace(/\s+/g, '');
    // pdftotext keeps or drops the spaces between a figure and its unit as its layout guesses: compare without.
    const has = (expected: string) => expect(text).toContain(expected.replace(/\s+/g, ''));
    has('知识产权质押融资反向评估报告');
    has(report.reportNumber);
    has(requestNumber);
    has(clerkUnit!.nameZh);
    has(enterprise!.name);
    has(enterprise!.uscc);
    has(consentId);
    has(`${report.content.consent.expiresOn} 前有效`);
    has('反向评估');
    has(report.asOfDate);
    has(`${report.content.ipRecord.assetCount} 项`);
    has(`${report.content.ipRecord.validInventionPatents} 件`);
    if (report.content.valuation === null) has('无有效估值记录');
    else {
      has(report.content.valuation.number);
      const [whole, decimals] = report.content.valuation.valueYuan.split('.');
      has(`${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${decimals} 元`);
    }
    has('评估结论');
    has(
      report.content.riskFlags.length === 0
        ? '未发现风险提示事项'
        : `存在 ${report.content.riskFlags.length} 项风险提示`,
    );

    const otherBank = await api(
      'bank02.hq',
      'GET',
      `/api/reverse-evaluation-reports/${report.id}/report.pdf`,
    );
    expect(otherBank.statusCode).toBe(404);
  });
});
