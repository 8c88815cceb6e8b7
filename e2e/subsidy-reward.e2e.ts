import { inArray } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables } from '@ipf/db';
import { formatYuan } from '@ipf/domain/money';
import { BANK_FIRST_LOAN_REWARD_EXAMPLE } from '@ipf/domain/subsidy';
import { TEST_DEMO_SEED } from '../apps/server/src/testing/create-test-app.ts';
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
 * 奖励申请 of a bank in the Chinese UI (issue 9 item 2): two IP pledge loans of bank01 to borrowers flagged 科技型
 * (高新技术) on their first loan (首贷), set up through the API like the servicing tests and disbursed on
 * 2026-03-02. In January 2027 bank01's clerk opens 奖励申请 and finds the demo's 银行首贷奖励（示例） with both
 * loans, each condition ✓ and each amount equal to the scheme's fixed amount per first loan plus its rate ×
 * principal (half-up), computed here from the scheme's data; applies for both. The city bureau is told on its
 * bell, reviews on 奖励申请受理 and is not offered 审批 (maker-checker); its second user bureau.city.checker (复核岗)
 * approves; bureau.city records the payment; the bank sees its application 已兑付 and its bell tells it so.
 * Screenshots go to artifacts/screenshots/.
 */

const SCHEME_ZH = BANK_FIRST_LOAN_REWARD_EXAMPLE.nameZh;
const BANK_LOGIN = 'bank01.clerk';
const REWARD_YEAR = 2026;

let platform: BrowserPlatform;
/** The reward loans: case number and the reward each earns, computed here. */
let loans: { caseId: string; caseNumber: string; amountFen: bigint }[] = [];
let totalFen = 0n;
let applicationNumber = '';

const money = (fen: bigint) =>
  new Intl.NumberFormat('zh-CN', { style: 'currency', currency: 'CNY' }).format(
    formatYuan(fen) as Intl.StringNumericLiteral,
  );

/** Half-up rounding of num/den (both positive), written out here rather than taken from the domain. */
const halfUp = (num: bigint, den: bigint) => (2n * num + den) / (2n * den);

/**
 * The scheme's reward for one loan from its data: the fixed amount per first loan plus principal × the percent
 * rate (a decimal string such as "0.5"), half-up to the fen.
 */
function rewardOf(principalFen: bigint): bigint {
  let fixedFen = 0n;
  let volumeFen = 0n;
  for (const benefit of BANK_FIRST_LOAN_REWARD_EXAMPLE.benefits) {
    if (benefit.kind === 'loan_reward') fixedFen += benefit.amountFen;
    if (benefit.kind === 'volume_reward') {
      const [whole = '0', fraction = ''] = benefit.ratePct.split('.');
      const numerator = BigInt(`${whole}${fraction}`);
      const denominator = 100n * 10n ** BigInt(fraction.length);
      volumeFen += halfUp(principalFen * numerator, denominator);
    }
  }
  return fixedFen + volumeFen;
}

/**
 * The user's page. The browser keeps its own clock (today) while the server's reads January 2027: the reward page
 * must take the reward year from the server, as a bank's browser outside UTC+8 at New Year would need.
 */
async function signedIn(login: string): Promise<Page> {
  const page = await platform.pageOf(login);
  await page.goto(`${platform.url}/`);
  await page.getByTestId('user-menu').waitFor();
  return page;
}

/** The card of the demo bank reward on 奖励申请. */
const schemeCard = (page: Page) => page.locator('.ant-card').filter({ hasText: SCHEME_ZH }).first();

/** The row of a loan in the scheme card's table. */
const loanRow = (page: Page, caseNumber: string) =>
  schemeCard(page).locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: caseNumber });

/** The row of the application in a table. */
const applicationRow = (page: Page) =>
  page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: applicationNumber });

/** Opens 奖励申请受理 from the menu. */
async function openQueue(page: Page): Promise<void> {
  await page
    .getByRole('menuitem', { name: /奖励申请受理$/ })
    .first()
    .click();
  await page.waitForURL((url) => url.pathname === '/subsidy-reward-queue');
  await settle(page);
  await applicationRow(page).waitFor({ timeout: 20_000 });
}

/** One step on the queue's row: the button, then the dialog's confirm (with `text` for a reference). */
async function act(page: Page, button: string, text?: string): Promise<void> {
  await applicationRow(page).getByRole('button', { name: button }).click();
  const dialog = page.getByRole('dialog', { name: `${button}：${applicationNumber}` });
  await dialog.waitFor();
  if (text !== undefined) await dialog.locator('textarea').fill(text);
  await dialog.locator('.ant-btn-primary').click();
  await dialog.waitFor({ state: 'hidden', timeout: 20_000 });
}

beforeAll(async () => {
  // The demo city of the servicing tests' seed, so their registered-case helper finds its parties; the clock at
  // 10:00 Asia/Shanghai on 2026-03-02.
  platform = await startBrowserPlatform({
    name: 'reward',
    demoSeed: TEST_DEMO_SEED,
    clock: new MovableClock('2026-03-02T02:00:00.000Z'),
  });
  const { server, clock } = platform;
  // Disbursed on 2026-03-02 (not repaid).
  const rows = await prepareBank01Loans(platform, { amountsYuan: ['1000000.00', '600000.00'] });
  expect(rows).toHaveLength(2);
  // The borrowers are 科技型 (高新技术企业) on their first loan (首贷) for this story (the demo seed draws the flags).
  await server.deps.db
    .update(tables.enterprises)
    .set({ firstLoan: true, highTech: true })
    .where(
      inArray(
        tables.enterprises.organisationId,
        rows.map((r) => r.enterpriseId),
      ),
    );
  loans = rows.map((r) => {
    expect(r.disbursedOn.startsWith(`${REWARD_YEAR}-`)).toBe(true);
    return { caseId: r.caseId, caseNumber: r.caseNumber, amountFen: rewardOf(r.principalFen) };
  });
  totalFen = loans.reduce((sum, l) => sum + l.amountFen, 0n);
  // The yearly cap per bank is not reached by these two loans, so each loan earns its full reward.
  for (const cap of BANK_FIRST_LOAN_REWARD_EXAMPLE.caps)
    if (cap.kind === 'per_firm_per_year') expect(totalFen).toBeLessThan(cap.capFen);
  // Per-year rewards are applied for once the year has ended.
  clock.moveTo('2027-01-11');
}, 900_000);

afterAll(async () => {
  await platform?.close();
});

describe('奖励申请 of a bank: eligibility from the ledger, review, approval by another user, payment, in the Chinese UI', () => {
  it("the bank's clerk sees both first loans with every condition ✓ and the scheme's amount, and applies", async () => {
    const page = await signedIn(BANK_LOGIN);
    await page
      .getByRole('menuitem', { name: /(^|\s)奖励申请$/ })
      .first()
      .click();
    await page.waitForURL((url) => url.pathname === '/subsidy-rewards');
    await settle(page);
    const card = schemeCard(page);
    await card.waitFor({ timeout: 20_000 });
    expect(await card.locator('.ant-card-head').textContent()).toContain(String(REWARD_YEAR));
    // Only these two loans of bank01 were disbursed in the year.
    expect(await card.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(loans.length);
    for (const [index, loan] of loans.entries()) {
      const row = loanRow(page, loan.caseNumber);
      expect(await row.locator('.anticon-check-circle').count()).toBe(1);
      expect(await row.textContent()).toContain(money(loan.amountFen));
      // The loan's conditions, each ✓ with its proof.
      await row.getByRole('button', { name: loan.caseNumber }).click();
      const drawer = page.locator('.ant-drawer-open');
      await drawer.waitFor();
      await drawer.locator('.anticon-check-circle').first().waitFor();
      expect(await drawer.locator('.anticon-close-circle').count()).toBe(0);
      // first loan, pledge registered, disbursed in the year, not rewarded before
      expect(await drawer.locator('.anticon-check-circle').count()).toBeGreaterThanOrEqual(4);
      expect(await drawer.textContent()).toContain('未在本政策下申请或获得奖励');
      await shot(page, `subsidy-reward-loan-${index + 1}`);
      await drawer.locator('.ant-drawer-close').click();
      await drawer.waitFor({ state: 'hidden' });
      await expect.poll(() => page.locator('.ant-drawer-mask:visible').count()).toBe(0);
    }
    expect(await card.locator('.ant-card-extra').textContent()).toContain(money(totalFen));
    await shot(page, 'subsidy-reward-eligibility');

    await card.getByRole('button', { name: '申请奖励' }).click();
    const dialog = page.getByRole('dialog', { name: '提交奖励申请' });
    await dialog.waitFor();
    const text = (await dialog.textContent()) ?? '';
    expect(text).toContain(`贷款笔数：${loans.length}`);
    expect(text).toContain(money(totalFen));
    const created = page.waitForResponse(
      (r) => r.url().endsWith('/api/subsidy-reward-applications') && r.request().method() === 'POST',
    );
    await dialog.locator('.ant-btn-primary').click();
    const response = await created;
    expect(response.status()).toBe(201);
    const application = (await response.json()) as { applicationNumber: string; requestedYuan: string };
    applicationNumber = application.applicationNumber;
    expect(application.requestedYuan).toBe(formatYuan(totalFen));
    await dialog.waitFor({ state: 'hidden', timeout: 20_000 });
    await expect
      .poll(async () => applicationRow(page).textContent(), { timeout: 20_000 })
      .toContain('待审核');
    // Claimed: the loans no longer have a reward due under the scheme.
    await expect
      .poll(async () => loanRow(page, loans[0]!.caseNumber).locator('.anticon-close-circle').count(), {
        timeout: 20_000,
      })
      .toBe(1);
    await shot(page, 'subsidy-reward-applied');
  });

  it('bureau.city, told on its bell, reviews without being offered 审批; bureau.city.checker approves; bureau.city records the payment', async () => {
    // The submission is on the city bureau's bell; its line opens 奖励申请受理.
    const city = await signedIn('bureau.city');
    await expect.poll(() => bellCount(city), { timeout: 40_000 }).toBeGreaterThanOrEqual(1);
    const notices = await openBell(city);
    expect(notices.some((n) => n.includes(applicationNumber) && n.includes('待审核'))).toBe(true);
    await city
      .locator('.ant-drawer-open')
      .getByTestId('notification-item')
      .filter({ hasText: applicationNumber })
      .click();
    await city.waitForURL((url) => url.pathname === '/subsidy-reward-queue');
    await settle(city);
    await applicationRow(city).waitFor({ timeout: 20_000 });
    expect(await applicationRow(city).textContent()).toContain(money(totalFen));
    await act(city, '审核通过');
    await expect
      .poll(async () => applicationRow(city).textContent(), { timeout: 20_000 })
      .toContain('待审批');
    // Maker-checker: the reviewer is not offered the approval.
    expect(await applicationRow(city).getByRole('button', { name: '审批通过' }).count()).toBe(0);
    await shot(city, 'subsidy-reward-reviewed');

    const checker = await signedIn('bureau.city.checker');
    await openQueue(checker);
    await act(checker, '审批通过');
    await expect
      .poll(async () => applicationRow(checker).textContent(), { timeout: 20_000 })
      .toContain('已批准');
    expect(await applicationRow(checker).textContent()).toContain(money(totalFen));
    await shot(checker, 'subsidy-reward-approved');

    await city.reload();
    await settle(city);
    await act(city, '登记兑付', 'GK-2027-0111');
    await expect
      .poll(async () => applicationRow(city).textContent(), { timeout: 20_000 })
      .toContain('已兑付');
    await shot(city, 'subsidy-reward-paid-queue');
  });

  it('the bank sees its application 已兑付 and the bell tells it of the payment', async () => {
    const page = await signedIn(BANK_LOGIN);
    await expect.poll(() => bellCount(page), { timeout: 40_000 }).toBeGreaterThanOrEqual(3);
    const notices = (await openBell(page)).filter((n) => n.includes(applicationNumber));
    expect(notices.some((n) => n.includes('已兑付') && n.includes(formatYuan(totalFen)))).toBe(true);
    expect(notices.some((n) => n.includes('已获批准'))).toBe(true);
    expect(notices.some((n) => n.includes('已通过审核'))).toBe(true);
    await shot(page, 'subsidy-reward-bank-bell');
    await page
      .locator('.ant-drawer-open')
      .getByTestId('notification-item')
      .filter({ hasText: '已兑付' })
      .first()
      .click();
    await page.waitForURL((url) => url.pathname === '/subsidy-rewards');
    await settle(page);
    await expect
      .poll(async () => applicationRow(page).textContent(), { timeout: 20_000 })
      .toContain('已兑付');
    expect(await applicationRow(page).textContent()).toContain(money(totalFen));
    await shot(page, 'subsidy-reward-bank-paid');
  });
});
