import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  TEST_DEMO_SEED,
  type TestApp,
  type TestSession,
} from '../apps/server/src/testing/create-test-app.ts';
import { prepareRegisteredCases } from '../apps/server/src/testing/registered-case.ts';
import { settle, shot, startBrowserPlatform, type BrowserPlatform } from './support/browser-platform.ts';

/**
 * 展期, 续贷 and 我的授权 in the Chinese UI (issue 6 item 2, issue 5 item 2): a registered case of bank01 (set up
 * through the API like the servicing tests) is disbursed and its first instalment paid, so it is 还款中 without
 * arrears; the bank clerk then extends it by 6 months for a borrower in difficulty in the 展期 dialog (contract
 * version 2, 重组, graded 关注), is told in the dialog that 7 more months exceed 《贷款通则》 art. 12, and renews it
 * for 12 months in the 续贷 dialog (version 3). The borrowing enterprise finds the application's consents on 我的授权
 * with the case number and revokes the 征信 consent after a confirmation. Screenshots go to artifacts/screenshots/.
 */

let platform: BrowserPlatform;
let caseId = '';
let caseNumber = '';
let enterpriseLogin = '';
const versionRows = (page: Page) =>
  page.getByTestId('loan-contract-versions').locator('.ant-table-tbody tr.ant-table-row');

async function openLoanPanel(page: Page): Promise<void> {
  await page.goto(`${platform.url}/cases/${encodeURIComponent(caseId)}`);
  await page.getByTestId('loan-terms').waitFor({ timeout: 20_000 });
  await settle(page);
}

beforeAll(async () => {
  // The demo city of the servicing tests' seed, so their registered-case helper finds its parties.
  platform = await startBrowserPlatform({ name: 'loan-extension', demoSeed: TEST_DEMO_SEED });
  const { server, clock, loginAs } = platform;
  const t = { app: server.app, deps: server.deps, loginAs } as unknown as TestApp;
  const cases = await prepareRegisteredCases(t);
  const registered = await cases.registeredCase();
  caseId = registered.caseId;
  const api = async (
    session: TestSession,
    method: 'GET' | 'POST',
    url: string,
    body?: object,
    key?: string,
  ) =>
    server.app.inject({
      method,
      url,
      headers: { ...session.headers, ...(key === undefined ? {} : { 'idempotency-key': key }) },
      ...(body === undefined ? {} : { payload: body }),
    });
  const detail = (await api(cases.clerk, 'GET', `/api/cases/${caseId}`)).json<{
    caseNumber: string;
    enterpriseId: string;
  }>();
  caseNumber = detail.caseNumber;
  const disbursed = await api(
    cases.clerk,
    'POST',
    `/api/cases/${caseId}/disbursement`,
    {},
    'e2e-ext-disburse',
  );
  expect(disbursed.statusCode, disbursed.body).toBe(200);
  const firstDue = disbursed.json<{ installments: { dueDate: string }[] }>().installments[0]!.dueDate;
  // To 10:00 Asia/Shanghai of the first due date, and pay what is due: 还款中, nothing in arrears.
  clock.advance(Math.max(0, Date.parse(`${firstDue}T02:00:00.000Z`) - clock.now().getTime()));
  const clerk = await loginAs('bank01.clerk');
  const due = (await api(clerk, 'GET', `/api/cases/${caseId}/loan`)).json<{
    payable: { totalYuan: string };
  }>();
  const paid = await api(
    clerk,
    'POST',
    `/api/cases/${caseId}/repayments`,
    { kind: 'regular', amountYuan: due.payable.totalYuan },
    'e2e-ext-pay-1',
  );
  expect(paid.statusCode, paid.body).toBe(200);
  // The borrower: whichever demo enterprise owned the first free patent.
  for (const login of ['ent001', 'ent002', 'ent003']) {
    const cases = await api(await loginAs(login), 'GET', `/api/cases/${caseId}`);
    if (cases.statusCode === 200) {
      enterpriseLogin = login;
      break;
    }
  }
}, 600_000);

afterAll(async () => {
  await platform?.close();
});

describe('展期 and 续贷 on the loan panel, and 我的授权, in the Chinese UI', () => {
  it('extends a repaying loan by 6 months for a borrower in difficulty: version 2, 重组, 关注', async () => {
    const page = await platform.pageOf('bank01.clerk');
    await openLoanPanel(page);
    await page
      .getByTestId('case-loan')
      .getByRole('button', { name: /^展\s*期$/ })
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('最多还可展期 12 个月');
    await page.locator('#loan-extension_extensionMonths').fill('6');
    await dialog.getByRole('switch').click();
    await page.locator('#loan-extension_note').fill('订单回款周期延长，经营困难，重组展期');
    await shot(page, 'loan-extension-dialog');
    await dialog.locator('.ant-btn-primary').click();
    await dialog.waitFor({ state: 'hidden', timeout: 20_000 });
    await expect.poll(() => versionRows(page).count(), { timeout: 20_000 }).toBe(2);
    const versions = (await page.getByTestId('loan-contract-versions').textContent()) ?? '';
    for (const text of ['原合同', '展期', '重组', '订单回款周期延长']) expect(versions).toContain(text);
    expect(await page.getByTestId('loan-grade').textContent()).toContain('关注');
    await shot(page, 'loan-extension-done');

    // 《贷款通则》 art. 12: a 12-month loan may be extended by 12 months in total; 6 are left.
    await page
      .getByTestId('case-loan')
      .getByRole('button', { name: /^展\s*期$/ })
      .click();
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('最多还可展期 6 个月');
    await page.locator('#loan-extension_extensionMonths').fill('7');
    await page.locator('#loan-extension_note').fill('再次展期');
    await dialog.locator('.ant-btn-primary').click();
    await dialog.getByText('超过最多可展期的 6 个月').waitFor();
    await dialog.getByRole('button', { name: /^取\s*消$/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await versionRows(page).count()).toBe(2);
  });

  it('renews the loan for 12 months from today: version 3, 续贷', async () => {
    const page = await platform.pageOf('bank01.clerk');
    await openLoanPanel(page);
    await page
      .getByTestId('case-loan')
      .getByRole('button', { name: /^续\s*贷$/ })
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await page.locator('#loan-renewal_termMonths').fill('12');
    await page.locator('#loan-renewal_note').fill('无还本续贷一年');
    await dialog.locator('.ant-btn-primary').click();
    await dialog.waitFor({ state: 'hidden', timeout: 20_000 });
    await expect.poll(() => versionRows(page).count(), { timeout: 20_000 }).toBe(3);
    const last = (await versionRows(page).nth(2).textContent()) ?? '';
    expect(last).toContain('续贷');
    expect(last).toContain('12 个月');
    await shot(page, 'loan-renewal-done');
  });

  it("shows the borrower its application's consents with the case number, and revokes the 征信 one", async () => {
    const page = await platform.pageOf(enterpriseLogin);
    await page.getByRole('menuitem', { name: '我的授权' }).click();
    await page.waitForURL((url) => url.pathname === '/consents');
    await settle(page);
    const rows = page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: caseNumber });
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
    const creditRow = rows.filter({ hasText: '征信查询' }).first();
    expect(await creditRow.textContent()).toContain('有效');
    expect(await rows.filter({ hasText: '融资申请' }).first().textContent()).toContain('银湾银行');
    await creditRow.getByRole('button', { name: /^撤\s*销$/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('已纳入贷款合同的资料仍由贷款人依法保存');
    await dialog.getByRole('button', { name: '确认撤销' }).click();
    await dialog.waitFor({ state: 'hidden', timeout: 20_000 });
    await expect
      .poll(async () => rows.filter({ hasText: '征信查询' }).first().textContent(), { timeout: 20_000 })
      .toContain('已撤销');
    await shot(page, 'consents-revoked');
  });
});
