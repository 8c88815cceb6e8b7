import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settle, shot, startBrowserPlatform, type BrowserPlatform } from './support/browser-platform.ts';

/**
 * 合规标记 in the browser (issue 10 item 4): the city bureau's page lists the demo seed's flags with their kind,
 * source and state, filters those holding today and clears one with a date and reason; the enterprise's own page
 * is read-only. Screenshots go to artifacts/screenshots/.
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
});
