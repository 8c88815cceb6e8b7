import ExcelJS from 'exceljs';
import { and, eq, gte, isNull, notInArray } from 'drizzle-orm';
import type { Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables } from '@ipf/db';
import { WHITELIST_PROGRAMME_SCOPE } from '@ipf/domain/whitelist-round';
import { settle, shot, startBrowserPlatform, type BrowserPlatform } from './support/browser-platform.ts';

/**
 * 客户名单隐私匹配 (issue 10 item 7) in the Chinese UI: 银湾银行's clerk pastes five customer codes, two of them demo
 * enterprises in the whitelist programme and three outside it, runs the matching against 已加入白名单计划的企业 and
 * sees exactly those two, with its own names for them, both set sizes, and no code posted in clear (the page
 * hashes and masks in the browser). Screenshot in artifacts/screenshots/psi-match.png.
 */

let platform: BrowserPlatform;
let optedIn: string[] = [];
let outside: string[] = [];

beforeAll(async () => {
  platform = await startBrowserPlatform({ name: 'psi' });
  const db = platform.server.deps.db;
  const today = new Date(platform.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  const { consents, enterprises } = tables;
  const inProgramme = await db
    .selectDistinct({ uscc: enterprises.uscc })
    .from(consents)
    .innerJoin(enterprises, eq(enterprises.organisationId, consents.enterpriseId))
    .where(
      and(
        eq(consents.scope, WHITELIST_PROGRAMME_SCOPE),
        isNull(consents.revokedAt),
        gte(consents.expiresOn, today),
      ),
    );
  optedIn = inProgramme.map((r) => r.uscc).sort();
  const notIn = await db
    .select({ uscc: enterprises.uscc })
    .from(enterprises)
    .where(notInArray(enterprises.uscc, optedIn))
    .orderBy(enterprises.uscc)
    .limit(3);
  outside = notIn.map((r) => r.uscc);
}, 600_000);

afterAll(async () => {
  await platform?.close();
});

describe('private customer matching for a bank, in the browser', () => {
  it('pastes five codes, two opted in, and sees exactly those two; the codes never leave the page in clear', async () => {
    expect(optedIn.length).toBeGreaterThan(2);
    expect(outside).toHaveLength(3);
    const mine = [optedIn[0]!, optedIn[1]!];
    const lines = [
      '统一社会信用代码,客户名称',
      `${outside[0]},本行客户甲`,
      `${mine[0]},本行客户乙`,
      `${outside[1]},本行客户丙`,
      `${mine[1]},本行客户丁`,
      `${outside[2]},本行客户戊`,
    ];

    const page = await platform.pageOf('bank01.clerk');
    const posted: string[] = [];
    page.on('request', (request: Request) => {
      if (request.url().includes('/api/')) posted.push(`${request.url()} ${request.postData() ?? ''}`);
    });
    await page.getByRole('menuitem', { name: '客户名单隐私匹配' }).click();
    await page.waitForURL((url) => url.pathname === '/psi-match');
    await page.getByRole('heading', { name: '客户名单隐私匹配' }).waitFor();
    await page.getByRole('textbox', { name: '客户名单' }).fill(lines.join('\n'));
    await page.getByTestId('psi-list-summary').getByText('有效代码 5 个').waitFor();
    await page.getByText('已加入白名单计划的企业').click();
    await page.getByRole('button', { name: '开始隐私匹配' }).click();

    const matches = page.getByTestId('psi-matches');
    await matches.locator('tbody tr.ant-table-row').first().waitFor({ timeout: 120_000 });
    await settle(page);
    const rows = await matches.locator('tbody tr.ant-table-row').allInnerTexts();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain(mine[0]);
    expect(rows[0]).toContain('本行客户乙');
    expect(rows[1]).toContain(mine[1]);
    expect(rows[1]).toContain('本行客户丁');
    const result = await page.locator('.ant-card', { hasText: '匹配结果' }).innerText();
    expect(result).toContain('本行名单规模');
    expect(result).toMatch(/本行名单规模\s*5/);
    expect(result).toMatch(new RegExp(`平台集合规模\\s*${optedIn.length}`));
    expect(result).toMatch(/匹配的客户\s*2/);
    await shot(page, 'psi-match');

    const psiRequests = posted.filter((p) => p.includes('/api/psi/'));
    expect(psiRequests).toHaveLength(2);
    for (const code of [...mine, ...outside]) for (const p of posted) expect(p).not.toContain(code);
    expect(psiRequests[1]).toMatch(/"maskedItems":\["[A-Za-z0-9_-]{43}"(,"[A-Za-z0-9_-]{43}"){4}\]/);
  });

  it('reads an xlsx list in the page (first sheet, any column) and finds the same two', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('客户');
    sheet.addRow(['序号', '客户名称', '统一社会信用代码']);
    sheet.addRow([1, '本行客户甲', outside[0]]);
    sheet.addRow([2, '本行客户乙', optedIn[0]]);
    sheet.addRow([3, '本行客户丁', optedIn[1]]);
    const file = Buffer.from(await book.xlsx.writeBuffer());

    const page = await platform.pageOf('bank01.clerk');
    await page.goto(`${platform.url}/psi-match`);
    await page.getByRole('heading', { name: '客户名单隐私匹配' }).waitFor();
    await page.locator('input[type=file]').setInputFiles({
      name: '客户名单.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: file,
    });
    await page.getByText('已读取文件：客户名单.xlsx').waitFor();
    await page.getByTestId('psi-list-summary').getByText('有效代码 3 个').waitFor();
    await page.getByRole('button', { name: '开始隐私匹配' }).click();
    const matches = page.getByTestId('psi-matches');
    await matches.locator('tbody tr.ant-table-row').first().waitFor({ timeout: 120_000 });
    const rows = await matches.locator('tbody tr.ant-table-row').allInnerTexts();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain(optedIn[0]);
    expect(rows[0]).toContain('2 本行客户乙');
    expect(rows[1]).toContain(optedIn[1]);
  });
});
