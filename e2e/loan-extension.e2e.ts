import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentDemoTotpCode, DEMO_PASSWORD, type Clock } from '@ipf/app';
import { startServer } from '../apps/server/src/start-server.ts';
import {
  TEST_DEMO_SEED,
  type TestApp,
  type TestSession,
} from '../apps/server/src/testing/create-test-app.ts';
import { prepareRegisteredCases } from '../apps/server/src/testing/registered-case.ts';

/**
 * 展期, 续贷 and 我的授权 in the Chinese UI (issue 6 item 2, issue 5 item 2): a registered case of bank01 (set up
 * through the API like the servicing tests) is disbursed and its first instalment paid, so it is 还款中 without
 * arrears; the bank clerk then extends it by 6 months for a borrower in difficulty in the 展期 dialog (contract
 * version 2, 重组, graded 关注), is told in the dialog that 7 more months exceed 《贷款通则》 art. 12, and renews it
 * for 12 months in the 续贷 dialog (version 3). The borrowing enterprise finds the application's consents on 我的授权
 * with the case number and revokes the 征信 consent after a confirmation. Screenshots go to artifacts/screenshots/.
 */

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const webDistDir = join(repoRoot, 'apps/web/dist');
const screenshotDir = join(repoRoot, 'artifacts/screenshots');
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** The server's clock: real time plus an offset the test moves forward (to the first due date). */
class MovableClock implements Clock {
  private offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  advance(ms: number): void {
    if (ms < 0) throw new Error('the clock only moves forward');
    this.offsetMs += ms;
  }
}
const clock = new MovableClock();

/** A one-time code of a step not used before by `login` (the server refuses a replayed code). */
const lastUsedStep = new Map<string, number>();
function freshCode(login: string): string {
  const nowMs = clock.now().getTime();
  const last = lastUsedStep.get(login) ?? -1;
  if (Math.floor(nowMs / 30_000) <= last || nowMs % 30_000 > 25_000) {
    const next = Math.max(Math.floor(nowMs / 30_000), last) + 1;
    clock.advance(next * 30_000 + 1_000 - nowMs);
  }
  const at = clock.now().getTime();
  lastUsedStep.set(login, Math.floor(at / 30_000));
  return currentDemoTotpCode(TEST_DEMO_SEED, login, at);
}

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let dataDir: string;
const contexts: BrowserContext[] = [];
let caseId = '';
let caseNumber = '';
let enterpriseLogin = '';

/** Logs in through the API (password, then a fresh one-time code), as the servicing tests' `loginAs` does. */
async function loginAs(login: string): Promise<TestSession> {
  const first = await server.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { login, password: DEMO_PASSWORD },
  });
  if (first.statusCode !== 200) throw new Error(`login ${login}: ${first.statusCode} ${first.body}`);
  const pending = first.cookies.find((c) => c.name === 'ipf_session')!.value;
  const second = await server.app.inject({
    method: 'POST',
    url: '/api/auth/second-factor',
    payload: { code: freshCode(login) },
    headers: {
      cookie: `ipf_session=${pending}`,
      'x-csrf-token': first.json<{ csrfToken: string }>().csrfToken,
    },
  });
  if (second.statusCode !== 200)
    throw new Error(`second factor ${login}: ${second.statusCode} ${second.body}`);
  const cookie = `ipf_session=${second.cookies.find((c) => c.name === 'ipf_session')!.value}`;
  const { csrfToken } = second.json<{ csrfToken: string }>();
  return { cookie, csrfToken, headers: { cookie, 'x-csrf-token': csrfToken } };
}

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(
    () => document.querySelectorAll('.ant-spin-spinning, .ant-skeleton-active').length === 0,
  );
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}

/** A new browser logged in as `login` in the Chinese UI. */
async function signedIn(login: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${server.url}/login`);
  await page.getByRole('heading', { name: '账号登录' }).waitFor();
  await page.locator('#credentials_login').fill(login);
  await page.locator('#credentials_password').fill(DEMO_PASSWORD);
  await page.locator('form[id="credentials"] button[type="submit"]').click();
  await page.locator('#second-factor_code').fill(freshCode(login));
  await page.locator('form[id="second-factor"] button[type="submit"]').click();
  await page.waitForURL((url) => url.pathname === '/');
  await page.getByTestId('user-menu').waitFor();
  return page;
}

const versionRows = (page: Page) =>
  page.getByTestId('loan-contract-versions').locator('.ant-table-tbody tr.ant-table-row');

async function openLoanPanel(page: Page): Promise<void> {
  await page.goto(`${server.url}/cases/${encodeURIComponent(caseId)}`);
  await page.getByTestId('loan-terms').waitFor({ timeout: 20_000 });
  await settle(page);
}

beforeAll(async () => {
  if (!existsSync(join(webDistDir, 'index.html'))) {
    throw new Error('apps/web/dist is missing: run `npm run build:web` first (npm run test:e2e does).');
  }
  await mkdir(screenshotDir, { recursive: true });
  dataDir = await mkdtemp(join(tmpdir(), 'ipf-e2e-loan-extension-'));
  // The demo city of the servicing tests' seed, so their registered-case helper finds its parties.
  process.env['IPF_DEMO_SEED'] = TEST_DEMO_SEED;
  server = await startServer({
    port: await findFreePort(),
    host: '127.0.0.1',
    dataDir,
    databaseUrl: null,
    seedDemo: true,
    demoLedgerCases: 0,
    webDistDir,
    logLevel: 'warn',
    clock,
  });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });

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
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('展期 and 续贷 on the loan panel, and 我的授权, in the Chinese UI', () => {
  it('extends a repaying loan by 6 months for a borrower in difficulty: version 2, 重组, 关注', async () => {
    const page = await signedIn('bank01.clerk');
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
    const page = await signedIn('bank01.clerk');
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
    const page = await signedIn(enterpriseLogin);
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
