import { readFile } from 'node:fs/promises';
import { asc, eq, notInArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidUscc } from '@ipf/domain/party';
import { tables } from '@ipf/db';
import { settle, shot, startBrowserPlatform, type BrowserPlatform } from './support/browser-platform.ts';

/**
 * 合规标记 in the browser (issue 10 item 4): the city bureau's page lists the demo seed's flags with their kind,
 * source and state, filters those holding today and clears one with a date and reason; the enterprise's own page
 * is read-only; the bureau imports a list of flags from a CSV file (a bad row refuses the whole file, the corrected
 * file records every row) and the enterprise then sees its imported flag. Screenshots go to artifacts/screenshots/.
 */
let platform: BrowserPlatform;

beforeAll(async () => {
  platform = await startBrowserPlatform({ name: 'compliance-flags' });
}, 600_000);

afterAll(async () => {
  await platform?.close();
});

describe('compliance flags page', () => {
  it('shows the bureau the flags, filters the active ones and clears one with a reason', async () => {
    const page = await platform.pageOf('bureau.city');
    await page.goto(`${platform.url}/compliance-flags`);
    await page.getByRole('heading', { name: '企业合规标记' }).waitFor();
    await settle(page);
    const table = page.locator('.ant-table-tbody');
    await table.getByText('经营异常名录').waitFor();
    await table.getByText('失信被执行人').waitFor();
    await table.getByText('重大税收违法失信').waitFor();
    expect(await table.locator('.ant-tag', { hasText: '有效' }).count()).toBe(2);
    await shot(page, 'compliance-flags-01-bureau-list');

    // Clear the abnormal-operation flag: it leaves the active filter.
    const row = table.locator('tr', { hasText: '经营异常名录' });
    await row.getByRole('button', { name: /^移\s?出$/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog
      .getByPlaceholder('如：已补报年度报告')
      .fill('已补报年度报告，经市场监管部门移出经营异常名录');
    await shot(page, 'compliance-flags-02-clear-dialog');
    await dialog.getByRole('button', { name: /^确\s?定$/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await settle(page);
    const flags = await platform.apiAs<{
      items: { kind: string; active: boolean; clearReason: string | null }[];
    }>('bureau.city', 'GET', '/compliance-flags?kind=abnormal_operation');
    expect(flags.items[0]).toMatchObject({
      active: false,
      clearReason: '已补报年度报告，经市场监管部门移出经营异常名录',
    });
    expect(await table.locator('.ant-tag', { hasText: '有效' }).count()).toBe(1);
    await shot(page, 'compliance-flags-03-cleared');
  });

  it('gives an enterprise its own read-only page without record or clear buttons', async () => {
    const page = await platform.pageOf('ent001');
    await page.goto(`${platform.url}/compliance-flags`);
    await page.getByRole('heading', { name: '我的合规标记' }).waitFor();
    await settle(page);
    expect(await page.getByRole('button', { name: '登记合规标记' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^移\s?出$/ }).count()).toBe(0);
    await page.getByText('暂无合规标记').waitFor();
    await shot(page, 'compliance-flags-04-enterprise');
  });
  it('imports a list: template, a refused file with one bad credit code, then the corrected file', async () => {
    // Three enterprises without any flag: ent001's own and the first two others, with their USCCs from the database.
    const { enterprises: e, complianceFlags: f } = tables;
    const db = platform.server.deps.db;
    const ent001Id = platform.server.demoUsers.find((u) => u.login === 'ent001')!.organisationId;
    const [own] = await db
      .select({ id: e.organisationId, name: e.name, uscc: e.uscc })
      .from(e)
      .where(eq(e.organisationId, ent001Id));
    const flagged = db.select({ id: f.enterpriseId }).from(f);
    const others = await db
      .select({ id: e.organisationId, name: e.name, uscc: e.uscc })
      .from(e)
      .where(notInArray(e.organisationId, flagged))
      .orderBy(asc(e.organisationId));
    const targets = [own!, ...others.filter((o) => o.id !== ent001Id).slice(0, 2)];
    expect(targets).toHaveLength(3);
    const flagCount = async () => (await db.select({ id: f.id }).from(f)).length;
    const before = await flagCount();

    const rows = [
      {
        kind: '经营异常名录',
        authority: '深圳市市场监督管理局',
        ref: '深市监经异〔2026〕E1号',
        on: '2026-11-02',
      },
      {
        kind: '严重违法失信名单',
        authority: '深圳市市场监督管理局',
        ref: '深市监严〔2026〕E2号',
        on: '2026-11-03',
      },
      {
        kind: '知识产权侵权判决',
        authority: '深圳市中级人民法院',
        ref: '（2026）粤03民初E3号',
        on: '2026-11-04',
      },
    ];
    const csvOf = (usccs: readonly string[]) =>
      Buffer.from(
        `\uFEFF${[
          '统一社会信用代码,标记类型,来源机关,文号,列入日期,备注',
          ...rows.map((r, i) => `${usccs[i]},${r.kind},${r.authority},${r.ref},${r.on},`),
        ].join('\r\n')}\r\n`,
        'utf8',
      );

    const page = await platform.pageOf('bureau.city');
    await page.goto(`${platform.url}/compliance-flags`);
    await page.getByRole('heading', { name: '企业合规标记' }).waitFor();
    await settle(page);
    await page.getByRole('button', { name: '批量导入' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('批量导入合规标记').waitFor();

    // The template: a UTF-8 CSV whose only row is the Chinese header the server reads.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: '下载导入模板（CSV）' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('compliance-flag-import-template.csv');
    const template = (await readFile(await download.path())).toString('utf8');
    expect(template.replace(/^\uFEFF/, '').split('\r\n')).toEqual([
      '统一社会信用代码,标记类型,来源机关,文号,列入日期,备注',
      '',
    ]);

    // The third data row (row 4 of the file) has its check character changed: the whole file is refused.
    const third = targets[2]!.uscc;
    const wrongCheck = third.endsWith('0') ? '1' : '0';
    const badUscc = `${third.slice(0, -1)}${wrongCheck}`;
    expect(isValidUscc(badUscc)).toBe(false);
    const input = dialog.locator('input[type="file"]');
    // Not anchored at the start: antd may keep the faded loading icon (named "loading") in the button after the
    // first import's request.
    const importButton = dialog.locator('.ant-modal-footer').getByRole('button', { name: /导\s?入$/ });
    await input.setInputFiles({
      name: 'flags-bad.csv',
      mimeType: 'text/csv',
      buffer: csvOf([targets[0]!.uscc, targets[1]!.uscc, badUscc]),
    });
    await dialog.getByText('flags-bad.csv').waitFor();
    await importButton.click();
    await dialog.getByText('文件中的问题（未导入任何标记）').waitFor();
    const problemRows = dialog.locator('.ant-table-tbody tr.ant-table-row');
    expect(await problemRows.count()).toBe(1);
    const problemCells = await problemRows.first().locator('td').allInnerTexts();
    expect(problemCells).toEqual([
      '4',
      '统一社会信用代码',
      `统一社会信用代码校验位错误：应为 ${third.slice(-1)}，实际为 ${wrongCheck}。`,
    ]);
    await shot(page, 'compliance-flags-05-import-refused');
    expect(await flagCount()).toBe(before);

    // The corrected file: three recorded, none skipped.
    await input.setInputFiles({
      name: 'flags.csv',
      mimeType: 'text/csv',
      buffer: csvOf(targets.map((t) => t.uscc)),
    });
    await dialog.getByText('flags.csv').waitFor();
    await importButton.click();
    await dialog.getByText('已导入 3 条合规标记，跳过 0 条已有效的同类标记').waitFor();
    await shot(page, 'compliance-flags-06-import-done');
    expect(await flagCount()).toBe(before + 3);
    await dialog
      .locator('.ant-modal-footer')
      .getByRole('button', { name: /^关\s?闭$/ })
      .click();
    await dialog.waitFor({ state: 'hidden' });
    await settle(page);

    // The list shows each imported flag with its enterprise, kind, source and date, holding today.
    const table = page.locator('.ant-table-tbody');
    for (const [i, r] of rows.entries()) {
      const row = table.locator('tr', { hasText: r.ref });
      await row.waitFor();
      const text = await row.innerText();
      for (const part of [targets[i]!.name, targets[i]!.uscc, r.kind, r.authority, r.on, '有效'])
        expect(text, r.ref).toContain(part);
    }
    await shot(page, 'compliance-flags-07-imported-list');

    // ent001 sees its imported flag on its own page.
    const own001 = await platform.pageOf('ent001');
    await own001.goto(`${platform.url}/compliance-flags`);
    await own001.getByRole('heading', { name: '我的合规标记' }).waitFor();
    await settle(own001);
    const ownRows = own001.locator('.ant-table-tbody tr.ant-table-row');
    expect(await ownRows.count()).toBe(1);
    const ownText = await ownRows.first().innerText();
    for (const part of [rows[0]!.kind, rows[0]!.authority, rows[0]!.ref, rows[0]!.on, '有效'])
      expect(ownText).toContain(part);
    await shot(own001, 'compliance-flags-08-enterprise-imported');
  });
});
