import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables } from '@ipf/db';
import { settle, shot, startBrowserPlatform, type BrowserPlatform } from './support/browser-platform.ts';

/**
 * 白名单 (issue 10) in the Chinese UI, on the demo round that the demo seed released to the first two banks: the
 * city bureau finds the round 已发布 on 白名单轮次; each bank's clerk opens 白名单预评估 and sees its own
 * anonymised release — pseudonyms `WL-…` only, no enterprise name or USCC of the demo city — and the two banks'
 * pseudonyms have nothing in common; an enterprise that stayed out of the programme sees 未加入 on 白名单计划.
 * Screenshots go to artifacts/screenshots/.
 */

let platform: BrowserPlatform;
let enterpriseNames: string[] = [];
let usccs: string[] = [];

beforeAll(async () => {
  platform = await startBrowserPlatform({ name: 'whitelist' });
  const rows = await platform.server.deps.db
    .select({ name: tables.enterprises.name, uscc: tables.enterprises.uscc })
    .from(tables.enterprises);
  enterpriseNames = rows.map((r) => r.name);
  usccs = rows.map((r) => r.uscc);
}, 600_000);

afterAll(async () => {
  await platform?.close();
});

/** The pseudonyms on the first page of the bank's release, after checking no identity is on the page. */
async function releasedPseudonyms(page: Page, name: string): Promise<string[]> {
  await page.goto(`${platform.url}/whitelist-pre-evaluation`);
  await page.getByRole('heading', { name: '白名单预评估' }).waitFor();
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await rows.first().waitFor({ timeout: 30_000 });
  await settle(page);
  await shot(page, name);
  const text = await page.locator('main').innerText();
  expect(enterpriseNames.filter((n) => text.includes(n))).toEqual([]);
  expect(usccs.filter((u) => text.includes(u))).toEqual([]);
  const pseudonyms = text.match(/WL-[A-Z2-7]{20}/g) ?? [];
  expect(pseudonyms.length).toBeGreaterThan(0);
  return pseudonyms;
}

describe('白名单 rounds, releases and the programme in the Chinese UI', () => {
  it('shows the city bureau the demo round released to two banks', async () => {
    const page = await platform.pageOf('bureau.city');
    await page.goto(`${platform.url}/whitelist-rounds`);
    await page.getByRole('heading', { name: '白名单轮次' }).waitFor();
    const row = page.locator('.ant-table-tbody tr.ant-table-row').first();
    await row.waitFor({ timeout: 30_000 });
    await settle(page);
    await shot(page, 'whitelist-rounds');
    await expect.poll(() => row.innerText()).toContain('已发布');
  });

  it('gives each bank its own release: pseudonyms only, none shared between the banks', async () => {
    const first = await releasedPseudonyms(await platform.pageOf('bank01.clerk'), 'whitelist-bank01');
    const second = await releasedPseudonyms(await platform.pageOf('bank02.clerk'), 'whitelist-bank02');
    expect(first.filter((p) => second.includes(p))).toEqual([]);
  });

  it('shows an enterprise outside the programme that it has not joined', async () => {
    const page = await platform.pageOf('ent001');
    await page.goto(`${platform.url}/whitelist-programme`);
    await page.getByRole('heading', { name: '白名单计划' }).waitFor();
    await settle(page);
    await shot(page, 'whitelist-programme');
    await expect.poll(() => page.locator('main').innerText()).toContain('未加入');
  });
});
