import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { and, eq, gt, isNull, notInArray, or, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActiveComplianceFlags } from '@ipf/app';
import {
  calculateOrganisationCodeCheckCharacter,
  calculateUsccCheckCharacter,
  isValidUscc,
} from '@ipf/domain/party';
import { tables } from '@ipf/db';
import { createTestApp, type TestApp } from './testing/create-test-app.ts';

interface Problem {
  code: string;
  field: string;
  message: string;
}
interface ImportResult {
  importId: string;
  totalRows: number;
  recorded: number;
  skippedDuplicates: number;
  skipped: { rowNumber: number; uscc: string; kind: string }[];
  fileSha256: string;
}
interface Flag {
  enterpriseId: string;
  kind: string;
  sourceAuthority: string;
  sourceReference: string;
  effectiveOn: string;
  note: string | null;
  active: boolean;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADER = '统一社会信用代码,标记类型,来源机关,文号,列入日期,备注';
const csv = (lines: readonly string[]) => Buffer.from(`\uFEFF${[HEADER, ...lines].join('\r\n')}\r\n`, 'utf8');
const sha256 = (file: Buffer) => createHash('sha256').update(file).digest('hex');

/** A USCC valid by GB 32100 and GB 11714 that no demo enterprise has (the body is made up). */
function unknownValidUscc(): string {
  const body = 'MA5GX7P1';
  const first17 = `91440300${body}${calculateOrganisationCodeCheckCharacter(body)}`;
  return `${first17}${calculateUsccCheckCharacter(first17)}`;
}

/**
 * Issue 10 item 4, importing an authority's list of compliance flags: only the city bureau; every row checked
 * before anything is written (one bad row → 422 listing it, nothing written); a flag of the same kind already
 * holding for the enterprise skipped and reported; the rest written in one transaction, audited once with the
 * count and the file's SHA-256, and the whitelist's flag loader (loadActiveComplianceFlags, which keeps an
 * enterprise off every whitelist) sees them. Test day: 2026-03-02 (Asia/Shanghai).
 */
describe('compliance flag import (合规标记批量导入)', () => {
  let t: TestApp;
  const headersOf = new Map<string, Record<string, string>>();
  /** Four enterprises without any flag: id and USCC. */
  let fresh: { id: string; uscc: string }[];
  /** A demo flag holding today: its enterprise's USCC and kind. */
  let holding: { enterpriseId: string; uscc: string; kind: string };

  const upload = async (login: string, file: Buffer, contentType = 'text/csv; charset=utf-8') => {
    let headers = headersOf.get(login);
    if (headers === undefined) {
      headers = (await t.loginAs(login)).headers;
      headersOf.set(login, headers);
    }
    return t.app.inject({
      method: 'POST',
      url: '/api/compliance-flags/import',
      headers: { ...headers, 'content-type': contentType },
      payload: file,
    });
  };
  const flagCount = async () =>
    (await t.deps.db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(tables.complianceFlags))[0]!.n;

  beforeAll(async () => {
    t = await createTestApp();
    const { enterprises: e, complianceFlags: f } = tables;
    const flagged = t.deps.db.select({ id: f.enterpriseId }).from(f);
    fresh = await t.deps.db
      .select({ id: e.organisationId, uscc: e.uscc })
      .from(e)
      .where(notInArray(e.organisationId, flagged))
      .orderBy(e.organisationId)
      .limit(4);
    expect(fresh).toHaveLength(4);
    const [held] = await t.deps.db
      .select({ enterpriseId: f.enterpriseId, uscc: e.uscc, kind: f.kind })
      .from(f)
      .innerJoin(e, eq(e.organisationId, f.enterpriseId))
      .where(
        and(sql`${f.effectiveOn} <= '2026-03-02'`, or(isNull(f.clearedOn), gt(f.clearedOn, '2026-03-02'))),
      )
      .limit(1);
    expect(held).toBeDefined();
    holding = held!;
  }, 600_000);

  afterAll(async () => {
    await t?.close();
  });

  it('refuses a bank, an enterprise and a district bureau (403) and writes nothing', async () => {
    const file = csv([
      `${fresh[0]!.uscc},经营异常名录,深圳市市场监督管理局,深市监经异〔2026〕1号,2026-02-01,`,
    ]);
    const before = await flagCount();
    for (const login of ['bank01.clerk', 'bank01.hq', 'ent001', 'bureau.nanshan'])
      expect((await upload(login, file)).statusCode, login).toBe(403);
    expect(await flagCount()).toBe(before);
  });

  it('refuses the whole file when one row is bad (422, each problem by row and column) and writes nothing', async () => {
    const before = await flagCount();
    const [a, b, c] = [fresh[0]!, fresh[1]!, fresh[2]!];
    // Row 4's credit code has its last character changed, so the GB 32100 check fails.
    const last = c.uscc.slice(-1) === '0' ? '1' : '0';
    const badUscc = `${c.uscc.slice(0, -1)}${last}`;
    expect(isValidUscc(badUscc)).toBe(false);
    const file = csv([
      `${a.uscc},经营异常名录,深圳市市场监督管理局,深市监经异〔2026〕2号,2026-02-01,`,
      `${b.uscc},失信被执行人,深圳市中级人民法院,（2026）粤03执5号,2026/2/3,`,
      `${badUscc},严重违法失信名单,深圳市市场监督管理局,深市监严〔2026〕3号,2026-02-05,`,
      `${unknownValidUscc()},重大税收违法,国家税务总局深圳市税务局,深税稽〔2026〕7号,2026-02-06,`,
      `${a.uscc},abnormal_operation,深圳市市场监督管理局,深市监经异〔2026〕9号,2026-02-07,`,
      `${b.uscc},被约谈,深圳市市场监督管理局,深市监〔2026〕1号,2026-02-31,`,
      `${c.uscc},侵权判决,深圳市中级人民法院,（2026）粤03民初8号,2026-03-03,`,
    ]);
    const res = await upload('bureau.city', file);
    expect(res.statusCode, res.body).toBe(422);
    const body = res.json<{ code: string; problems: Problem[] }>();
    expect(body.code).toBe('COMPLIANCE_FLAG_IMPORT_INVALID');
    const problems = body.problems.map((p) => [p.field, p.code]);
    expect(problems).toEqual([
      ['rows[4].uscc', 'USCC_CHECK_CHARACTER_MISMATCH'],
      ['rows[5].uscc', 'COMPLIANCE_FLAG_IMPORT_ENTERPRISE_UNKNOWN'],
      ['rows[6].uscc', 'COMPLIANCE_FLAG_IMPORT_DUPLICATE_ROW'],
      ['rows[7].kind', 'COMPLIANCE_FLAG_IMPORT_KIND_UNKNOWN'],
      ['rows[7].effectiveOn', 'COMPLIANCE_FLAG_IMPORT_DATE_INVALID'],
      ['rows[8].effectiveOn', 'COMPLIANCE_FLAG_DATE_IN_FUTURE'],
    ]);
    expect(body.problems.every((p) => p.message !== '')).toBe(true);
    expect(body.problems[2]!.message).toContain('第 6 行与第 2 行重复');
    expect(await flagCount()).toBe(before);

    const onlyBad = await upload('bureau.city', csv([`${badUscc},经营异常名录,某局,某文号,2026-02-01,`]));
    expect(onlyBad.json<{ problems: Problem[] }>().problems.map((p) => p.field)).toEqual(['rows[2].uscc']);
    expect(await flagCount()).toBe(before);
  });

  it('imports a valid list in one go, skips a flag already holding, audits the count and the file hash', async () => {
    const before = await flagCount();
    const [a, b, c] = [fresh[0]!, fresh[1]!, fresh[2]!];
    const rows = [
      `${a.uscc},经营异常名录,深圳市市场监督管理局,深市监经异〔2026〕2号,2026-02-01,未按期公示年报`,
      `${b.uscc.toLowerCase()},失信被执行人,深圳市中级人民法院,（2026）粤03执5号,2026/2/3,`,
      `${c.uscc},tax_violation,国家税务总局深圳市税务局,深税稽〔2026〕7号,2026年2月6日,`,
      `${a.uscc},知识产权侵权判决,深圳市中级人民法院,（2025）粤03民初88号,2026-01-20,`,
      `${holding.uscc},${holding.kind},深圳市市场监督管理局,重复名单〔2026〕1号,2026-02-10,`,
    ];
    const file = csv(rows);
    const res = await upload('bureau.city', file);
    expect(res.statusCode, res.body).toBe(200);
    const result = res.json<ImportResult>();
    expect(result).toMatchObject({
      totalRows: rows.length,
      recorded: rows.length - 1,
      skippedDuplicates: 1,
      skipped: [{ rowNumber: 6, uscc: holding.uscc, kind: holding.kind }],
      fileSha256: sha256(file),
    });
    expect(await flagCount()).toBe(before + rows.length - 1);

    const list = await t.app.inject({
      method: 'GET',
      url: `/api/compliance-flags?pageSize=200&active=true`,
      headers: headersOf.get('bureau.city')!,
    });
    const flags = list.json<{ items: Flag[] }>().items;
    const of = (id: string) =>
      flags
        .filter((f) => f.enterpriseId === id)
        .map((f) => [f.kind, f.effectiveOn, f.sourceReference, f.note])
        .sort();
    expect(of(a.id)).toEqual([
      ['abnormal_operation', '2026-02-01', '深市监经异〔2026〕2号', '未按期公示年报'],
      ['ip_infringement', '2026-01-20', '（2025）粤03民初88号', null],
    ]);
    expect(of(b.id)).toEqual([['dishonest_debtor', '2026-02-03', '（2026）粤03执5号', null]]);
    expect(of(c.id)).toEqual([['tax_violation', '2026-02-06', '深税稽〔2026〕7号', null]]);
    // The held flag was not written a second time.
    const heldFlags = await t.deps.db
      .select({ id: tables.complianceFlags.id })
      .from(tables.complianceFlags)
      .where(
        and(
          eq(tables.complianceFlags.enterpriseId, holding.enterpriseId),
          eq(tables.complianceFlags.kind, holding.kind),
        ),
      );
    expect(heldFlags).toHaveLength(1);

    // What the whitelist build reads: each imported enterprise now holds a flag today, so it stays off.
    const active = await loadActiveComplianceFlags(t.deps.db, {
      enterpriseIds: [a.id, b.id, c.id, fresh[3]!.id],
      asOfDate: '2026-03-02',
    });
    expect(active.get(a.id)).toEqual(['abnormal_operation', 'ip_infringement']);
    expect(active.get(b.id)).toEqual(['dishonest_debtor']);
    expect(active.get(c.id)).toEqual(['tax_violation']);
    expect(active.has(fresh[3]!.id)).toBe(false);

    const audit = await t.deps.db
      .select()
      .from(tables.auditEvents)
      .where(eq(tables.auditEvents.entityId, result.importId));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.action).toBe('compliance_flags.imported');
    expect(audit[0]!.after).toMatchObject({
      fileSha256: sha256(file),
      recorded: rows.length - 1,
      skippedDuplicates: 1,
      totalRows: rows.length,
    });

    // The same list again: everything holds already, nothing new is written.
    const again = await upload('bureau.city', file);
    expect(again.json<ImportResult>()).toMatchObject({ recorded: 0, skippedDuplicates: rows.length });
    expect(await flagCount()).toBe(before + rows.length - 1);
  });

  it('reads an xlsx list with English headers and Excel dates', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('list');
    sheet.addRow(['USCC', 'Kind', 'Source authority', 'Reference', 'Effective on']);
    sheet.addRow([
      fresh[3]!.uscc,
      '严重违法失信名单',
      '深圳市市场监督管理局',
      '深市监严〔2026〕4号',
      new Date('2026-02-15'),
    ]);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const res = await upload('bureau.city', file, XLSX);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<ImportResult>()).toMatchObject({ totalRows: 1, recorded: 1, skippedDuplicates: 0 });
    const active = await loadActiveComplianceFlags(t.deps.db, {
      enterpriseIds: [fresh[3]!.id],
      asOfDate: '2026-03-02',
    });
    expect(active.get(fresh[3]!.id)).toEqual(['serious_dishonesty']);
  });

  it('writes a single flag through the same path as the import: texts trimmed, a blank note stored as null', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/compliance-flags',
      headers: headersOf.get('bureau.city')!,
      payload: {
        enterpriseId: fresh[0]!.id,
        kind: 'serious_dishonesty',
        sourceAuthority: '  深圳市市场监督管理局 ',
        sourceReference: ' 深市监严〔2026〕8号',
        effectiveOn: '2026-02-20',
        note: '   ',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<Flag>()).toMatchObject({
      kind: 'serious_dishonesty',
      sourceAuthority: '深圳市市场监督管理局',
      sourceReference: '深市监严〔2026〕8号',
      note: null,
      active: true,
    });
  });

  it('refuses a file without the required columns, without rows, over 5,000 rows or over 2 MB, with coded errors', async () => {
    const before = await flagCount();
    const noHeader = await upload('bureau.city', Buffer.from('统一社会信用代码,标记类型\r\nX,Y\r\n'));
    expect(noHeader.statusCode).toBe(422);
    expect(noHeader.json()).toMatchObject({ code: 'COMPLIANCE_FLAG_IMPORT_HEADER_MISSING' });
    const empty = await upload('bureau.city', csv([]));
    expect(empty.json()).toMatchObject({ code: 'COMPLIANCE_FLAG_IMPORT_EMPTY' });
    const line = `${fresh[0]!.uscc},经营异常名录,某市场监督管理局,某文号,2026-02-01,`;
    const tooMany = await upload('bureau.city', csv(Array.from({ length: 5001 }, () => line)));
    expect(tooMany.statusCode).toBe(422);
    expect(tooMany.json()).toMatchObject({ code: 'COMPLIANCE_FLAG_IMPORT_TOO_MANY_ROWS' });
    const big = Buffer.concat([csv([line]), Buffer.alloc(2 * 1024 * 1024, 0x20)]);
    const tooBig = await upload('bureau.city', big);
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json()).toMatchObject({ code: 'COMPLIANCE_FLAG_IMPORT_FILE_TOO_LARGE' });
    expect(await flagCount()).toBe(before);
  });
});
