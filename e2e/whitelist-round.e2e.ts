import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { eq, sql } from 'drizzle-orm';
import type { Download, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables } from '@ipf/db';
import { settle, shot, startBrowserPlatform, type BrowserPlatform } from './support/browser-platform.ts';

/**
 * 白名单 (issue 10) in the Chinese UI. First on the demo round that the demo seed released to the first two banks:
 * the city bureau finds it 已发布 on 白名单轮次; each bank's clerk sees its own anonymised release — pseudonyms
 * `WL-…` only, no enterprise name or USCC — and the two banks' pseudonyms have nothing in common; ent001, outside
 * the programme, sees 未加入 on 白名单计划. Then a whole round end to end: ent001 joins the programme; the bureau
 * creates a round, adds 银湾银行 and 鹏城银行, opens and releases it (k and suppressed records shown per bank); each
 * bank downloads its file (CSV and xlsx): pseudonyms differ between the banks and from the demo round, no name,
 * USCC or exact date, every quasi-identifier combination holds at least k rows; 银湾银行 submits a scorecard with a
 * bin below k (refused, the reason shown) and one that runs (pseudonym → grade only); 鹏城银行 uploads grades by
 * pseudonym (a batch holding another bank's pseudonym is refused whole); the bureau publishes rules, builds 银湾银行's
 * whitelist and pushes it; the bank's head office finds ent001 by name on 推送名单, records the contact
 * (已推送 → 已联系) and opens the ledger case; ent001 sees that 银湾银行 received it, 鹏城银行 did not. Last, 反向评估:
 * refused by name without the applicant's consent, a report with ent001's.
 * Screenshots go to artifacts/screenshots/.
 */

let platform: BrowserPlatform;
let enterpriseNames: string[] = [];
let usccs: string[] = [];
/** ent001's enterprise, the one that joins the programme during the test. */
let ent001 = { name: '', uscc: '' };

beforeAll(async () => {
  platform = await startBrowserPlatform({ name: 'whitelist' });
  const rows = await platform.server.deps.db
    .select({ name: tables.enterprises.name, uscc: tables.enterprises.uscc })
    .from(tables.enterprises);
  enterpriseNames = rows.map((r) => r.name);
  usccs = rows.map((r) => r.uscc);
  const [own] = await platform.server.deps.db
    .select({ name: tables.enterprises.name, uscc: tables.enterprises.uscc })
    .from(tables.users)
    .innerJoin(tables.memberships, eq(tables.memberships.userId, tables.users.id))
    .innerJoin(tables.enterprises, eq(tables.enterprises.organisationId, tables.memberships.organisationId))
    .where(eq(tables.users.login, 'ent001'));
  ent001 = own!;
}, 600_000);

afterAll(async () => {
  await platform?.close();
});

/** Today in Asia/Shanghai by the server's clock (YYYY-MM-DD). */
function shanghaiToday(offsetYears = 0): string {
  const date = new Date(platform.clock.now().getTime() + 8 * 3_600_000);
  date.setUTCFullYear(date.getUTCFullYear() + offsetYears);
  return date.toISOString().slice(0, 10);
}

/** Confirms the open antd Popconfirm. */
async function confirmPopup(page: Page): Promise<void> {
  await page
    .locator('.ant-popover:not(.ant-popover-hidden) .ant-popconfirm-buttons .ant-btn-primary')
    .click();
}

/** Waits for an antd message toast with `text`. */
async function toast(page: Page, text: string): Promise<void> {
  await page.locator('.ant-message-notice', { hasText: text }).first().waitFor({ timeout: 60_000 });
}

/** Picks the option of an antd Select: the one titled exactly `title` after typing it, or the first holding `text`. */
async function pickOption(
  page: Page,
  select: Locator,
  choice: { title: string } | { text: string },
): Promise<void> {
  await select.click();
  const options = page.locator(
    '.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option',
  );
  if ('title' in choice) {
    await select.locator('input').fill(choice.title);
    await options.and(page.locator(`[title="${choice.title}"]`)).click();
  } else await options.filter({ hasText: choice.text }).first().click();
}

/** The rows of a downloaded release file (header first) as text cells: CSV or the first sheet of an xlsx. */
async function readReleaseFile(download: Download): Promise<string[][]> {
  const path = await download.path();
  if (download.suggestedFilename().endsWith('.csv')) {
    const text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
    // The release holds no quoted cells (generalised labels and numbers); a comma in one would show up here.
    return text
      .split(/\r?\n/)
      .filter((line) => line !== '')
      .map((line) => line.split(','));
  }
  const workbook = new ExcelJS.Workbook();
  // exceljs types its input as the old Buffer; Node 20's readFile returns a NonSharedBuffer (same bytes).
  await workbook.xlsx.load((await readFile(path)) as unknown as ArrayBuffer);
  const rows: string[][] = [];
  workbook.worksheets[0]!.eachRow((row) => {
    // The release writes plain strings, numbers and booleans (no rich text, formulas or dates).
    const values = row.values as (string | number | boolean | null | undefined)[];
    rows.push(values.slice(1).map((v) => (v === null || v === undefined ? '' : String(v))));
  });
  return rows;
}

/**
 * Checks a release file: pseudonyms `WL-…` once each, no enterprise name, USCC or ISO date anywhere, and every
 * combination of the five generalised quasi-identifiers held by at least `k` rows. Returns the pseudonyms.
 */
function checkReleaseFile(rows: string[][], k: number): string[] {
  const [header, ...body] = rows;
  expect(header!.slice(0, 6)).toEqual([
    '假名',
    '区域（泛化）',
    '产业集群（泛化）',
    '企业规模（泛化）',
    '成立年份（区间）',
    '从业人数（区间）',
  ]);
  const text = rows.map((r) => r.join(',')).join('\n');
  expect(enterpriseNames.filter((n) => text.includes(n))).toEqual([]);
  expect(usccs.filter((u) => text.includes(u))).toEqual([]);
  expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}|\d{4}\/\d{1,2}\/\d{1,2}|\d{4}年\d{1,2}月/);
  const pseudonyms = body.map((r) => r[0]!);
  for (const p of pseudonyms) expect(p).toMatch(/^WL-[A-Z2-7]{20}$/);
  expect(new Set(pseudonyms).size).toBe(pseudonyms.length);
  const classes = new Map<string, number>();
  for (const r of body) {
    const key = r.slice(1, 6).join('|');
    classes.set(key, (classes.get(key) ?? 0) + 1);
  }
  expect(Math.min(...classes.values())).toBeGreaterThanOrEqual(k);
  return pseudonyms;
}

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

describe('a whitelist round end to end in the Chinese UI: release, scorecard, whitelist, push, lead', () => {
  const roundTitle = '浏览器测试轮次（银湾、鹏城）';
  const k = 5;
  let releasedRows = 0;
  let suppressedRows = 0;
  let demoPseudonyms: string[] = [];
  let bank1Pseudonyms: string[] = [];
  let bank2Pseudonyms: string[] = [];
  let pushedCount = 0;
  let leadCaseNumber = '';

  it('lets ent001 join the programme, so that it enters the next round', async () => {
    const page = await platform.pageOf('ent001');
    await page.goto(`${platform.url}/whitelist-programme`);
    await page.getByRole('heading', { name: '白名单计划' }).waitFor();
    await settle(page);
    await page.getByRole('button', { name: '加入白名单计划' }).click();
    await toast(page, '已加入白名单计划');
    await expect.poll(() => page.locator('main').innerText()).toContain('已加入，授权有效至');
    await shot(page, 'whitelist-e2e-01-joined');
  });

  it('lets the bureau create a round, add two banks, open it and release it with k and suppressions shown', async () => {
    demoPseudonyms = await releasedPseudonyms(await platform.pageOf('bank01.clerk'), 'whitelist-bank01');
    const page = await platform.pageOf('bureau.city');
    await page.goto(`${platform.url}/whitelist-rounds`);
    await page.getByRole('heading', { name: '白名单轮次' }).waitFor();
    await settle(page);
    await page.getByRole('button', { name: '新建轮次' }).click();
    const modal = page.locator('.ant-modal').filter({ hasText: '新建轮次' });
    await modal.locator('#title').fill(roundTitle);
    const [from, to] = [
      modal.locator('.ant-picker-range input').first(),
      modal.locator('.ant-picker-range input').last(),
    ];
    await from.click();
    await from.fill(shanghaiToday());
    await from.press('Enter');
    await to.fill(shanghaiToday(1));
    await to.press('Enter');
    await modal.locator('.ant-modal-footer .ant-btn-primary').click();

    // The new round's drawer opens: add the two banks' head offices.
    const drawer = page
      .locator('.ant-drawer-open .ant-drawer-content-wrapper')
      .filter({ hasText: roundTitle });
    await drawer.waitFor();
    await expect.poll(() => drawer.innerText()).toContain('草稿');
    for (const bank of ['银湾银行', '鹏城银行']) {
      await pickOption(page, drawer.locator('.ant-select').first(), { title: bank });
      await drawer.getByRole('button', { name: '添加银行' }).click();
      await drawer.locator('.ant-table-tbody tr.ant-table-row', { hasText: bank }).waitFor();
    }
    await drawer.getByRole('button', { name: '开启轮次' }).click();
    await toast(page, '轮次已开启');
    await drawer.getByRole('button', { name: '发布数据集' }).click();
    await confirmPopup(page);
    await toast(page, '已向各参与银行发布数据集');
    await expect.poll(() => drawer.innerText()).toContain('已发布');
    await settle(page);
    await shot(page, 'whitelist-e2e-02-released');

    // Per bank: rows released, k, suppressed records and the smallest class (≥ k) — the k check passed.
    const bankRows = drawer.locator('.ant-table-tbody tr.ant-table-row');
    expect(await bankRows.count()).toBe(2);
    const counts: number[] = [];
    const suppressions: number[] = [];
    for (const row of await bankRows.all()) {
      const cells = (await row.locator('td').allInnerTexts()).map((c) => c.trim());
      const [, rows, kCell, suppressed, smallest, used] = cells;
      expect(Number(rows)).toBeGreaterThanOrEqual(k);
      expect(kCell).toBe(String(k));
      expect(suppressed).toMatch(/^\d+$/);
      expect(Number(smallest)).toBeGreaterThanOrEqual(k);
      expect(used).toBe('0/3');
      counts.push(Number(rows));
      suppressions.push(Number(suppressed));
    }
    // Both banks get the same opted-in enterprises (under their own pseudonyms).
    expect(counts[0]).toBe(counts[1]);
    expect(suppressions[0]).toBe(suppressions[1]);
    releasedRows = counts[0]!;
    suppressedRows = suppressions[0]!;
  });

  /** Opens 白名单预评估 as `login` on the test round and downloads its release with the button `format`. */
  async function downloadRelease(
    login: string,
    format: 'CSV' | 'Excel',
  ): Promise<{ page: Page; rows: string[][] }> {
    const page = await platform.pageOf(login);
    await page.goto(`${platform.url}/whitelist-pre-evaluation`);
    await page.getByRole('heading', { name: '白名单预评估' }).waitFor();
    await settle(page);
    await pickOption(page, page.locator('main .ant-select').first(), { text: roundTitle });
    await page.locator('.ant-statistic', { hasText: '发布企业数' }).waitFor();
    await expect
      .poll(() => page.locator('.ant-statistic', { hasText: '发布企业数' }).innerText())
      .toContain(String(releasedRows));
    await settle(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: format }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(format === 'CSV' ? /\.csv$/ : /\.xlsx$/);
    return { page, rows: await readReleaseFile(download) };
  }

  it('gives each bank a file of its own: different pseudonyms, no identity or exact date, k-anonymous', async () => {
    const first = await downloadRelease('bank01.clerk', 'CSV');
    await shot(first.page, 'whitelist-e2e-03-bank01-release');
    const second = await downloadRelease('bank02.clerk', 'Excel');
    bank1Pseudonyms = checkReleaseFile(first.rows, k);
    bank2Pseudonyms = checkReleaseFile(second.rows, k);
    expect(bank1Pseudonyms.length).toBe(releasedRows);
    expect(bank2Pseudonyms.length).toBe(releasedRows);
    // Not linkable across banks, nor across rounds (the demo round's pseudonyms of the same bank).
    expect(bank1Pseudonyms.filter((p) => bank2Pseudonyms.includes(p))).toEqual([]);
    expect(demoPseudonyms.filter((p) => bank1Pseudonyms.includes(p))).toEqual([]);
  });

  it('refuses a scorecard with a bin below k and shows why; runs one that passes and returns pseudonym → grade only', async () => {
    const page = await platform.pageOf('bank01.clerk');
    await page.goto(`${platform.url}/whitelist-pre-evaluation`);
    await page.getByRole('heading', { name: '白名单预评估' }).waitFor();
    await settle(page);
    await pickOption(page, page.locator('main .ant-select').first(), { text: roundTitle });
    await page.getByRole('tab', { name: '评分卡' }).click();
    await page.getByRole('button', { name: '提交评分卡' }).waitFor();
    await expect.poll(() => page.locator('main').innerText()).toContain('已用 0/3');

    // Invention patents split at 9: the upper bin holds fewer than k enterprises of the round.
    await page.locator('#name').fill('发明专利细分试探');
    await page.locator('#features_1_bins_0_max').fill('9');
    await page.locator('#features_1_bins_1_min').fill('9');
    await page.getByRole('button', { name: '提交评分卡' }).click();
    await toast(page, '评分卡未通过校验');
    const refused = page.locator('.ant-list-item', { hasText: '发明专利细分试探' });
    await expect.poll(() => refused.innerText()).toContain('已拒绝');
    const reason = await refused.innerText();
    expect(reason).toContain('有效发明专利数');
    expect(reason).toContain('第 2 个分箱');
    expect(reason).toContain(`少于 ${k} 家`);
    await shot(page, 'whitelist-e2e-04-scorecard-refused');

    // The same card with the split at 3: high-tech 20 points, ≥ 3 invention patents 20, grades A/B/C.
    await page.locator('#name').fill('科技型企业预评估');
    await page.locator('#features_1_bins_0_max').fill('3');
    await page.locator('#features_1_bins_1_min').fill('3');
    await page.getByRole('button', { name: '提交评分卡' }).click();
    await toast(page, '评分卡已运行');
    const accepted = page.locator('.ant-list-item', { hasText: '科技型企业预评估' });
    await expect.poll(() => accepted.innerText()).toContain('已运行');
    expect(await accepted.innerText()).toContain(`已为 ${releasedRows} 家企业给出评级`);
    await expect.poll(() => page.locator('main').innerText()).toContain('已用 2/3');
    await shot(page, 'whitelist-e2e-05-scorecard-accepted');

    // The grades: pseudonym, grade, source and time — no score, no identity.
    await page.getByRole('tab', { name: '评级' }).click();
    const grades = page.getByRole('tabpanel', { name: '评级' }).locator('.ant-table-tbody tr.ant-table-row');
    await grades.first().waitFor();
    await settle(page);
    await shot(page, 'whitelist-e2e-06-grades');
    const headers = (
      await page.getByRole('tabpanel', { name: '评级' }).locator('.ant-table-thead th').allInnerTexts()
    ).map((h) => h.trim());
    expect(headers).toEqual(['假名', '评级', '来源', '记录时间']);
    const text = await page.locator('main').innerText();
    expect(enterpriseNames.filter((n) => text.includes(n))).toEqual([]);
    expect(usccs.filter((u) => text.includes(u))).toEqual([]);
    for (const row of await grades.all()) {
      const [pseudonym, grade, source] = (await row.locator('td').allInnerTexts()).map((c) => c.trim());
      expect(bank1Pseudonyms).toContain(pseudonym);
      expect(['A', 'B', 'C']).toContain(grade);
      expect(source).toBe('科技型企业预评估');
    }
  });

  it('lets 鹏城银行 upload grades by pseudonym from its file: a batch with a pseudonym of another bank is refused whole', async () => {
    const page = await platform.pageOf('bank02.clerk');
    await page.goto(`${platform.url}/whitelist-pre-evaluation`);
    await page.getByRole('heading', { name: '白名单预评估' }).waitFor();
    await settle(page);
    await pickOption(page, page.locator('main .ant-select').first(), { text: roundTitle });
    await page.getByRole('tab', { name: '评级' }).click();
    const panel = page.getByRole('tabpanel', { name: '评级' });
    const csvBox = panel.locator('textarea');
    await csvBox.waitFor();
    const graded = bank2Pseudonyms.slice(0, 12);
    const lines = graded.map((p, i) => `${p},${['A', 'B', 'C'][i % 3]!}`);

    // 银湾银行's pseudonym means nothing to 鹏城银行: the whole batch is refused, nothing imported.
    await csvBox.fill(['假名,评级', ...lines, `${bank1Pseudonyms[0]!},A`].join('\n'));
    await panel.getByRole('button', { name: '上传评级' }).click();
    const refusal = panel.locator('.ant-alert-error');
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain('不在本轮发给贵行的数据集中');
    expect(await refusal.innerText()).toContain(bank1Pseudonyms[0]!);
    expect(await panel.innerText()).toContain('尚无评级');
    await shot(page, 'whitelist-e2e-07a-upload-refused');

    await csvBox.fill(['假名,评级', ...lines].join('\n'));
    await panel.getByRole('button', { name: '上传评级' }).click();
    await toast(page, `已导入 ${graded.length} 条评级`);
    const rows = panel.locator('.ant-table-tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(graded.length);
    for (const row of await rows.all()) {
      const [pseudonym, grade, source] = (await row.locator('td').allInnerTexts()).map((c) => c.trim());
      expect(graded).toContain(pseudonym);
      expect(grade).toBe(['A', 'B', 'C'][graded.indexOf(pseudonym!) % 3]);
      expect(source).toBe('上传');
    }
    await shot(page, 'whitelist-e2e-07b-upload-accepted');
  });

  it('lets the bureau publish rules, build 银湾银行 its whitelist and push it on demand', async () => {
    const page = await platform.pageOf('bureau.city');
    await page.goto(`${platform.url}/whitelist-rules`);
    await page.getByRole('heading', { name: '白名单规则' }).waitFor();
    await settle(page);
    await page.getByRole('button', { name: '发布新版本' }).click();
    const modal = page.locator('.ant-modal').filter({ hasText: '发布新版本' });
    await modal.locator('#minValidInventionPatents').fill('0');
    await modal.locator('#minValuationScore').fill('0');
    await modal.locator('#creditBands_3_minScore').fill('0');
    await modal.locator('.ant-modal-footer .ant-btn-primary').click();
    await toast(page, '规则已发布');
    await expect.poll(() => page.locator('main').innerText()).toContain('现行');
    await shot(page, 'whitelist-e2e-07-rules');

    await page.goto(`${platform.url}/whitelist-push`);
    await page.getByRole('heading', { name: '白名单推送' }).waitFor();
    await settle(page);
    const card = page.locator('.ant-card', { hasText: roundTitle });
    const bankRow = card.locator('.ant-table-tbody tr.ant-table-row', { hasText: '银湾银行' });
    await bankRow.getByRole('button', { name: '生成白名单' }).click();
    // The whitelist covers the release's members, the suppressed ones too (no grade: 银行未评级). The rules ask for
    // grade C and nothing more, so only those and enterprises the rules exclude otherwise (e.g. compliance flags)
    // stay out.
    const built = page.locator('.ant-message-notice', { hasText: '白名单已生成' }).first();
    await built.waitFor({ timeout: 60_000 });
    const [, included, excluded] = /入选 (\d+) 家，未入选 (\d+) 家/
      .exec(await built.innerText())!
      .map(Number);
    expect(included).toBeGreaterThan(0);
    expect(included).toBeLessThanOrEqual(releasedRows);
    expect(included! + excluded!).toBe(releasedRows + suppressedRows);
    expect(excluded).toBeGreaterThanOrEqual(suppressedRows);
    await bankRow.getByRole('button', { name: '查看白名单' }).click();
    const drawer = page.locator('.ant-drawer-open .ant-drawer-content-wrapper');
    await drawer.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    await settle(page);
    await shot(page, 'whitelist-e2e-08-whitelist');
    await drawer.locator('.ant-drawer-close').click();
    await bankRow.getByRole('button', { name: '立即推送' }).click();
    // The push reveals identities and contacts: the bureau confirms, reading the bank and how many enterprises.
    const confirm = page.locator('.ant-modal').filter({ hasText: '确认推送' });
    await expect
      .poll(() => confirm.getByTestId('confirm-push-text').innerText())
      .toContain(`将向“银湾银行”推送 ${included} 家企业`);
    await confirm.locator('.ant-modal-footer .ant-btn-primary').click();
    await toast(page, `已推送 ${included} 家企业`);
    pushedCount = included!;
    const history = page
      .locator('.ant-card', { hasText: '推送记录' })
      .locator('.ant-table-tbody tr.ant-table-row');
    await expect.poll(() => history.first().innerText()).toContain('按需推送');
    expect(await history.first().innerText()).toContain('银湾银行');
    await shot(page, 'whitelist-e2e-09-pushed');
  });

  it('shows the bank the pushed enterprise by name on 推送名单 and tracks the contact on its ledger case', async () => {
    const page = await platform.pageOf('bank01.hq');
    await page.goto(`${platform.url}/whitelist-leads`);
    await page.getByRole('heading', { name: '推送名单' }).waitFor();
    await settle(page);
    const search = page.getByPlaceholder('企业名称或统一社会信用代码');
    await search.fill(ent001.name);
    await search.press('Enter');
    const lead = page.locator('.ant-table-tbody tr.ant-table-row', { hasText: ent001.name });
    await lead.waitFor();
    await settle(page);
    expect(await lead.innerText()).toContain(ent001.uscc);
    expect(await lead.innerText()).toContain('已推送');
    await lead.getByRole('button', { name: '登记已联系' }).click();
    const modal = page.locator('.ant-modal').filter({ hasText: '登记已联系' });
    await modal.locator('textarea').fill('电话联系财务负责人，约定下周走访');
    await modal.locator('.ant-modal-footer .ant-btn-primary').click();
    await toast(page, '已登记联系');
    await expect.poll(() => lead.innerText()).toContain('已联系');
    expect(await lead.innerText()).toContain('已于');
    await shot(page, 'whitelist-e2e-10-lead-contacted');

    // The lead is a case on the bank's ledger.
    const caseLink = lead.locator('a[href^="/cases/"]');
    const caseNumber = (await caseLink.innerText()).trim();
    leadCaseNumber = caseNumber;
    await caseLink.click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    const terms = page.getByTestId('case-terms');
    await terms.waitFor({ timeout: 60_000 });
    await settle(page);
    expect(await page.locator('main').innerText()).toContain(caseNumber);
    expect(await terms.innerText()).toContain(ent001.name);
    expect(await terms.innerText()).toContain('银湾银行');
    await shot(page, 'whitelist-e2e-11-lead-case');
  });

  it('shows ent001 which bank received it, and only that one', async () => {
    const page = await platform.pageOf('ent001');
    await page.goto(`${platform.url}/whitelist-leads`);
    await page.getByRole('heading', { name: '白名单推送记录' }).waitFor();
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await rows.first().waitFor();
    await settle(page);
    await shot(page, 'whitelist-e2e-12-enterprise-pushes');
    expect(await rows.count()).toBe(1);
    const text = await rows.first().innerText();
    expect(text).toContain('银湾银行');
    expect(text).toContain('已联系');
    expect(await page.locator('main').innerText()).not.toContain('鹏城银行');
  });

  it('lists the lead in the bank’s 融资台账 and counts the push and the contact in the bureau’s 转化统计', async () => {
    const bank = await platform.pageOf('bank01.hq');
    await bank.goto(`${platform.url}/cases`);
    const search = bank.getByPlaceholder('案件编号或企业名称');
    await search.fill(leadCaseNumber);
    await search.press('Enter');
    const row = bank.locator('.ant-table-tbody tr.ant-table-row', { hasText: leadCaseNumber });
    await row.waitFor();
    await settle(bank);
    expect(await row.innerText()).toContain(ent001.name);
    await shot(bank, 'whitelist-e2e-12a-bank-ledger');

    const bureau = await platform.pageOf('bureau.city');
    await bureau.goto(`${platform.url}/whitelist-conversion`);
    await bureau.getByRole('heading', { name: '推送转化统计' }).waitFor();
    const bankRow = bureau.locator('.ant-table-tbody tr.ant-table-row', { hasText: '银湾银行' });
    await bankRow.waitFor();
    await settle(bureau);
    await shot(bureau, 'whitelist-e2e-12b-conversion');
    // 银行 | 推送 | 已联系 | 已申请 | …: every pushed enterprise, one contacted, none applied yet.
    const [, pushed, contacted, applied] = (await bankRow.locator('td').allInnerTexts()).map((c) => c.trim());
    expect(Number(pushed)).toBe(pushedCount);
    expect(contacted).toBe('1');
    expect(applied).toBe('0');
  });
});

describe('反向评估 in the Chinese UI: a report with the applicant’s consent, a clear refusal without', () => {
  it('refuses an applicant without a valid consent by name; with ent001’s consent the bank reads the report', async () => {
    const db = platform.server.deps.db;
    const { organisations, memberships, users, enterprises } = tables;
    const [unit] = await db
      .select({ id: organisations.id, path: organisations.path, nameZh: organisations.nameZh })
      .from(users)
      .innerJoin(memberships, eq(memberships.userId, users.id))
      .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
      .where(eq(users.login, 'bank01.clerk'));
    // An enterprise that never authorised the clerk's sub-branch or a unit below it.
    const [stranger] = await db
      .select({ name: enterprises.name, uscc: enterprises.uscc })
      .from(enterprises)
      .where(
        sql`not exists (select 1 from consents c join organisations o on o.id = c.recipient_id
              where c.enterprise_id = ${enterprises.organisationId} and o.path like ${`${unit!.path}%`})`,
      )
      .orderBy(enterprises.uscc)
      .limit(1);
    // ent001 authorises the sub-branch to use its IP information on 我的授权 (新增授权): the confirmation names
    // the bank, the scope, the expiry and the purpose before it grants.
    const ent = await platform.pageOf('ent001');
    await ent.goto(`${platform.url}/consents`);
    await ent.getByRole('heading', { name: '我的授权' }).waitFor();
    await settle(ent);
    await ent.getByRole('button', { name: '新增授权' }).click();
    const grant = ent.locator('.ant-modal').filter({ hasText: '新增授权' });
    // Nothing chosen yet: the browser's checks show under the fields and nothing is granted.
    await grant.locator('.ant-modal-footer .ant-btn-primary').click();
    await grant.getByText('请选择被授权银行').waitFor();
    await grant.getByText('请选择授权范围').waitFor();
    await pickOption(
      ent,
      grant.locator('.ant-select').filter({ has: ent.locator('#grant-consent_recipientId') }),
      { title: unit!.nameZh },
    );
    await pickOption(ent, grant.locator('.ant-select').filter({ has: ent.locator('#grant-consent_scope') }), {
      text: '知识产权信息',
    });
    await grant.locator('#grant-consent_purpose').fill('反向评估');
    const expiry = grant.locator('#grant-consent_expiresOn');
    await expiry.click();
    await expiry.fill(shanghaiToday(1));
    await expiry.press('Enter');
    await expect
      .poll(() => grant.getByTestId('grant-consent-confirmation').innerText())
      .toBe(
        `确认授权“${unit!.nameZh}”在 ${shanghaiToday(1)} 前使用本企业的知识产权信息，用途：反向评估。` +
          '授权期间该行可据此查询您的数据，您可随时撤销。',
      );
    await grant.locator('.ant-modal-footer .ant-btn-primary').click();
    await toast(ent, '授权已生效');
    const granted = ent.locator('.ant-table-tbody tr.ant-table-row', { hasText: unit!.nameZh }).first();
    await granted.waitFor();
    expect(await granted.innerText()).toContain('知识产权信息');
    expect(await granted.innerText()).toContain(shanghaiToday(1));
    await shot(ent, 'whitelist-e2e-12b-consent-granted');

    const page = await platform.pageOf('bank01.clerk');
    await page.goto(`${platform.url}/reverse-evaluations`);
    await page.getByRole('heading', { name: '反向评估' }).waitFor();
    await settle(page);
    const usccBox = page.getByPlaceholder('输入统一社会信用代码，每行一个或以逗号分隔');
    await usccBox.fill(stranger!.uscc);
    await page.getByRole('button', { name: '提交（1 家）' }).click();
    const refusal = page.locator('.ant-alert-error');
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain(`未取得“${stranger!.name}”（${stranger!.uscc}）有效授权`);
    await shot(page, 'whitelist-e2e-13-reverse-refused');

    await usccBox.fill(ent001.uscc);
    await page.getByRole('button', { name: '提交（1 家）' }).click();
    await toast(page, '已完成，报告已生成');
    const reportButton = page.getByRole('button', { name: ent001.name });
    await reportButton.click();
    const drawer = page.locator('.ant-drawer-open .ant-drawer-content-wrapper');
    await drawer.getByText('反向评估报告').waitFor();
    await settle(page);
    const report = await drawer.innerText();
    expect(report).toContain(ent001.uscc);
    expect(report).toMatch(/FXPG-\d{8}-[0-9A-F]{6}-001/);
    expect(report).toContain(`知识产权信息 · 有效至 ${shanghaiToday(1)}`);
    await shot(page, 'whitelist-e2e-14-reverse-report');
  });
});
