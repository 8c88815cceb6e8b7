import type { Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toWire } from '@ipf/app';
import { formatYuan, parseYuan } from '@ipf/domain/money';
import { CITY_TECH_LOAN_SUBSIDY_EXAMPLE } from '@ipf/domain/subsidy';
import { TEST_DEMO_SEED, type TestSession } from '../apps/server/src/testing/create-test-app.ts';
import {
  MovableClock,
  settle,
  shot,
  startBrowserPlatform,
  type BrowserPlatform,
} from './support/browser-platform.ts';
import { bellCount, openBell } from './support/notification-bell.ts';
import { prepareBank01Loans } from './support/prepare-bank01-loans.ts';

/**
 * 贴息申请 in the Chinese UI (issue 9 "How it is judged", items 3, 4): a demo enterprise registered in 南山 whose
 * IP pledge loan of bank01 (set up through the API like the servicing tests: disbursed on 2026-03-02, settled in
 * full on 2026-03-20) opens 政策补贴 in January 2027, sees the 南山 scheme's amount — 70% of the interest it
 * actually paid, computed here from the loan's repayments — with every condition ✓ and the record proving it
 * (the CNIPA registration number, its enterprise profile), and applies with 一键申请. The 南山 district bureau
 * gets the notification on its bell and passes the review, the city bureau (another user: maker-checker)
 * approves and records the payment. The enterprise's bell tells it of each step and its application is 已兑付.
 * Applying for the same loan under the city tech-loan scheme — here its version 2, which says that a loan
 * subsidised by 南山 is not subsidised again — is refused with SUBSIDY_NOT_ELIGIBLE, the stacking condition
 * (SUBSIDY_CONDITION_EXCLUDED) shown ✗. Screenshots go to artifacts/screenshots/.
 */

let platform: BrowserPlatform;
let caseId = '';
let caseNumber = '';
let enterpriseLogin = '';
let registrationNumber = '';
/** 70% of the interest actually paid, half-up to the fen, from the loan's repayments. */
let expectedFen = 0n;
let applicationNumber = '';

async function api(session: TestSession, method: 'GET' | 'POST', url: string, body?: object, key?: string) {
  return platform.server.app.inject({
    method,
    url,
    headers: { ...session.headers, ...(key === undefined ? {} : { 'idempotency-key': key }) },
    ...(body === undefined ? {} : { payload: body }),
  });
}

const signedIn = (login: string) => platform.pageOf(login);

/** The 政策补贴 panel of one scheme on the loan's card. */
function schemePanel(page: Page, schemeNameZh: string) {
  return page
    .locator('.ant-card')
    .filter({ hasText: caseNumber })
    .locator('.ant-collapse-item')
    .filter({ hasText: schemeNameZh });
}

/** The row of the application in a table. */
const applicationRow = (page: Page) =>
  page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: applicationNumber });

const NANSHAN_ZH = '南山区知识产权质押融资贴息贴费（示例）';
const CITY_ZH = '深圳市科技型企业贷款贴息贴费（示例）';

beforeAll(async () => {
  // The demo city of the servicing tests' seed, so their registered-case helper finds its parties; the clock at
  // 10:00 Asia/Shanghai on 2026-03-02, inside the 南山 example scheme's period.
  platform = await startBrowserPlatform({
    name: 'subsidy',
    demoSeed: TEST_DEMO_SEED,
    clock: new MovableClock('2026-03-02T02:00:00.000Z'),
  });
  const { clock, loginAs } = platform;
  // Disbursed on 2026-03-02, settled in full on 2026-03-20; the borrower is registered in 南山 for this story.
  const [prepared] = await prepareBank01Loans(platform, {
    district: 'nanshan',
    settleInFullOn: '2026-03-20',
  });
  ({ caseId, caseNumber, enterpriseLogin } = prepared!);
  const clerk = await loginAs('bank01.clerk');
  const loan = (await api(clerk, 'GET', `/api/cases/${caseId}/loan`)).json<{
    repayments: { interestYuan: string }[];
  }>();
  const interestFen = loan.repayments.reduce((sum, r) => sum + parseYuan(r.interestYuan), 0n);
  expect(interestFen).toBeGreaterThan(0n);
  expectedFen = (2n * interestFen * 70n + 100n) / 200n;
  const registrations = (await api(clerk, 'GET', `/api/cases/${caseId}/registrations`)).json<
    { registrationNumber: string | null }[]
  >();
  registrationNumber = registrations[0]!.registrationNumber!;

  // Per-year schemes are applied for once the year has ended.
  clock.moveTo('2027-01-11');
  // The city bureau publishes version 2 of the city scheme: a loan subsidised by 南山 is not subsidised again.
  const city = await loginAs('bureau.city');
  const published = await api(city, 'POST', '/api/subsidy-schemes', {
    scheme: {
      ...(toWire(CITY_TECH_LOAN_SUBSIDY_EXAMPLE) as object),
      version: 2,
      stacking: {
        excludesSchemeIds: ['nanshan-ip-pledge-subsidy'],
        source: {
          document: '深圳市科技型企业贷款贴息贴费政策（示例 example，第 2 版）',
          article: '同一笔贷款已享受区级贴息的，不再重复支持',
          isExample: true,
        },
      },
    },
  });
  expect(published.statusCode, published.body).toBe(201);
}, 900_000);

afterAll(async () => {
  await platform?.close();
});

describe('贴息申请 from the ledger, review, approval, payment and notifications, in the Chinese UI', () => {
  it('the enterprise sees the 南山 amount with every condition proved and applies in a few clicks', async () => {
    const page = await signedIn(enterpriseLogin);
    await page.getByRole('menuitem', { name: '政策补贴' }).first().click();
    await page.waitForURL((url) => url.pathname === '/subsidies');
    await settle(page);
    const panel = schemePanel(page, NANSHAN_ZH);
    await panel.waitFor({ timeout: 20_000 });
    const header = panel.locator('.ant-collapse-header');
    expect(await header.textContent()).toContain('符合条件');
    expect(await header.textContent()).toContain(
      new Intl.NumberFormat('zh-CN', { style: 'currency', currency: 'CNY' }).format(
        formatYuan(expectedFen) as Intl.StringNumericLiteral,
      ),
    );
    await header.click();
    const body = panel.locator('.ant-collapse-body');
    await body.waitFor();
    // Every condition ✓, none ✗; the registration notice and the enterprise profile prove theirs.
    expect(await body.locator('.anticon-close-circle').count()).toBe(0);
    expect(await body.locator('.anticon-check-circle').count()).toBeGreaterThanOrEqual(4);
    const text = (await body.textContent()) ?? '';
    expect(text).toContain(registrationNumber);
    await shot(page, 'subsidy-eligibility-nanshan');

    await header.getByRole('button', { name: '一键申请' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    const created = page.waitForResponse(
      (r) => r.url().endsWith('/api/subsidy-applications') && r.request().method() === 'POST',
    );
    await dialog.getByRole('button', { name: '提交申请' }).click();
    const response = await created;
    expect(response.status()).toBe(201);
    applicationNumber = ((await response.json()) as { applicationNumber: string }).applicationNumber;
    await dialog.waitFor({ state: 'hidden', timeout: 20_000 });
    await expect
      .poll(async () => applicationRow(page).textContent(), { timeout: 20_000 })
      .toContain('已提交');
    expect(await applicationRow(page).textContent()).toContain(NANSHAN_ZH);
    await shot(page, 'subsidy-applied');
  });

  it('the 南山 district bureau is notified and passes the review; the city bureau approves (maker-checker) and records the payment', async () => {
    const district = await signedIn('bureau.nanshan');
    await expect.poll(() => bellCount(district), { timeout: 40_000 }).toBeGreaterThanOrEqual(1);
    const notices = await openBell(district);
    expect(notices.some((n) => n.includes(applicationNumber) && n.includes('待审核'))).toBe(true);
    await shot(district, 'subsidy-district-bell');
    await district
      .locator('.ant-drawer-open')
      .getByTestId('notification-item')
      .filter({ hasText: applicationNumber })
      .click();
    await district.waitForURL((url) => url.pathname === '/subsidy-applications');
    await settle(district);
    await applicationRow(district).getByRole('button', { name: '审核通过' }).click();
    let dialog = district.getByRole('dialog');
    await dialog.waitFor();
    await dialog.locator('.ant-btn-primary').click();
    await dialog.waitFor({ state: 'hidden', timeout: 20_000 });
    await expect
      .poll(async () => applicationRow(district).textContent(), { timeout: 20_000 })
      .toContain('区级已审核');

    const city = await signedIn('bureau.city');
    await city.goto(`${platform.url}/subsidy-applications`);
    await settle(city);
    await applicationRow(city).getByRole('button', { name: '审批通过' }).click();
    dialog = city.getByRole('dialog');
    await dialog.waitFor();
    await dialog.locator('.ant-btn-primary').click();
    await dialog.waitFor({ state: 'hidden', timeout: 20_000 });
    await expect
      .poll(async () => applicationRow(city).textContent(), { timeout: 20_000 })
      .toContain('已审批');
    await applicationRow(city).getByRole('button', { name: '登记兑付' }).click();
    dialog = city.getByRole('dialog');
    await dialog.waitFor();
    await dialog.locator('textarea').fill('GK-2027-0101');
    await dialog.locator('.ant-btn-primary').click();
    await dialog.waitFor({ state: 'hidden', timeout: 20_000 });
    await expect
      .poll(async () => applicationRow(city).textContent(), { timeout: 20_000 })
      .toContain('已兑付');
    await shot(city, 'subsidy-paid-queue');
  });

  it('the enterprise sees the notifications of each step and the paid state; the city scheme for the same loan is refused', async () => {
    const page = await signedIn(enterpriseLogin);
    await expect.poll(() => bellCount(page), { timeout: 40_000 }).toBeGreaterThanOrEqual(3);
    const notices = (await openBell(page)).filter((n) => n.includes(applicationNumber));
    const amount = formatYuan(expectedFen);
    expect(notices.some((n) => n.includes('已兑付') && n.includes(amount))).toBe(true);
    expect(notices.some((n) => n.includes('已获批准'))).toBe(true);
    expect(notices.some((n) => n.includes('已通过审核'))).toBe(true);
    await shot(page, 'subsidy-enterprise-bell');
    await page
      .locator('.ant-drawer-open')
      .getByTestId('notification-item')
      .filter({ hasText: '已兑付' })
      .first()
      .click();
    await page.waitForURL((url) => url.pathname === '/subsidies');
    await settle(page);
    await expect
      .poll(async () => applicationRow(page).textContent(), { timeout: 20_000 })
      .toContain('已兑付');

    // The same loan under the city scheme: its stacking condition is ✗ and applying is refused with its code.
    const panel = schemePanel(page, CITY_ZH);
    const header = panel.locator('.ant-collapse-header');
    expect(await header.textContent()).toContain('暂不符合');
    await header.click();
    const body = panel.locator('.ant-collapse-body');
    await body.waitFor();
    expect(await body.textContent()).toContain('同一笔贷款已享受互斥政策');
    await header.getByRole('button', { name: '一键申请' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.locator('#techSmeNumber').fill('202744030500123');
    const refused = page.waitForResponse(
      (r: Response) => r.url().endsWith('/api/subsidy-applications') && r.request().method() === 'POST',
    );
    await dialog.getByRole('button', { name: '提交申请' }).click();
    const response = await refused;
    expect(response.status()).toBe(422);
    const problem = (await response.json()) as { code: string; detail: string };
    expect(problem.code).toBe('SUBSIDY_NOT_ELIGIBLE');
    expect(problem.detail).toContain('stacking:SUBSIDY_CONDITION_EXCLUDED');
    await dialog.getByRole('alert').waitFor();
    expect(await dialog.getByRole('alert').textContent()).toContain('SUBSIDY_CONDITION_EXCLUDED');
    await shot(page, 'subsidy-refused-stacking');
  });
});
