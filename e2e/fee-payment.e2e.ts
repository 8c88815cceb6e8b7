import { eq } from 'drizzle-orm';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toWire } from '@ipf/app';
import { tables } from '@ipf/db';
import { formatYuan } from '@ipf/domain/money';
import { NANSHAN_IP_PLEDGE_SUBSIDY_EXAMPLE } from '@ipf/domain/subsidy';
import { TEST_DEMO_SEED } from '../apps/server/src/testing/create-test-app.ts';
import {
  MovableClock,
  settle,
  shot,
  startBrowserPlatform,
  type BrowserPlatform,
} from './support/browser-platform.ts';
import { prepareBank01Loans, type PreparedLoan } from './support/prepare-bank01-loans.ts';

/**
 * 费用缴付 in the Chinese UI (issue 9 items 1, 3, 4): a demo enterprise registered in 南山 whose IP pledge loans of
 * bank01 (set up through the API: disbursed on 2026-03-02, settled in full on 2026-03-20) records in January 2027
 * the evaluation fee it paid in 2026 on 费用缴付 — amount, paid date, invoice number, the evaluation firm from the
 * payee list and the invoice uploaded as a PDF — and sees it listed as 企业登记（附发票） with the invoice opening.
 * The same invoice number for the same payee again is refused with FEE_PAYMENT_DUPLICATE, shown in Chinese.
 * 政策补贴 lists the fee among the loan's costs paid with its invoice; two schemes count it:
 * - a test scheme the city bureau publishes here (南山, 60% of evaluation fees, fees counted up to 0.45% of
 *   principal): the fee is above the limit, so the limit binds — 60% × 0.45% × principal;
 * - the demo's 南山 example (70% of evaluation fees, no limit relative to principal): 70% × the fee, half-up.
 * Both computed here from the scheme data and the fee, to the fen. The enterprise applies for the test scheme; the
 * 南山 district bureau opens the application from its queue, opens the invoice (200, application/pdf) and passes
 * the review. On a second loan whose value step adopted evaluator1's formal report (so the firm is the case's
 * evaluator), evaluator1 finds the case on its own 费用缴付 case picker and records the fee it was paid, without an
 * invoice upload; the enterprise's 费用缴付 lists it as 收款机构登记. Screenshots go to artifacts/screenshots/.
 */

const FEE_SCHEME_ID = 'e2e-nanshan-evaluation-fee-subsidy';
const FEE_SCHEME_ZH = '南山区知识产权评估费补贴（测试）';
const FEE_RATE_PCT = '60';
/** Evaluation fees are counted up to this percentage of principal (like 福田's 4% clause). */
const FEE_LIMIT_PCT_OF_PRINCIPAL = '0.45';
const NANSHAN_ZH = NANSHAN_IP_PLEDGE_SUBSIDY_EXAMPLE.nameZh;
/** The evaluation fee paid, above the test scheme's limit on a loan of 1,000,000.00 (4,500.00). */
const FEE_FEN = 6_789_45n;
const FEE_PAID_ON = '2026-03-05';
const INVOICE_NUMBER = 'PJ-2026-000731';

const EVALUATOR_LOGIN = 'evaluator1';
/** The evaluation fee evaluator1 records itself on the second loan's case. */
const PAYEE_FEE_FEN = 3_200_00n;
const PAYEE_INVOICE_NUMBER = 'ZH-PJ-2026-0088';

let platform: BrowserPlatform;
/** The loan whose enterprise records its fee with the invoice. */
let loan: PreparedLoan;
/** The loan whose evaluation firm records the fee it was paid. */
let evaluatedLoan: PreparedLoan;
/** evaluator1's firm, the payee of the fee. */
let payeeNameZh = '';
let applicationNumber = '';

/** A minimal PDF (its magic bytes are what the upload checks). */
const invoicePdf = Buffer.from(`%PDF-1.4\n% ${INVOICE_NUMBER}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n`);

const money = (fen: bigint) =>
  new Intl.NumberFormat('zh-CN', { style: 'currency', currency: 'CNY' }).format(
    formatYuan(fen) as Intl.StringNumericLiteral,
  );

/** Half-up rounding of num/den (both positive), written out here rather than taken from the domain. */
const halfUp = (num: bigint, den: bigint) => (2n * num + den) / (2n * den);

/** A percent decimal string ("0.45") as numerator / denominator of a fraction of one. */
function pctFraction(pct: string): [bigint, bigint] {
  const [whole = '0', fraction = ''] = pct.split('.');
  return [BigInt(`${whole}${fraction}`), 100n * 10n ** BigInt(fraction.length)];
}

/** The test scheme's evaluation-fee amount: the fee counted up to the limit (truncated to the fen), × the rate. */
function feeSchemeAmountFen(feeFen: bigint, principalFen: bigint): { limitFen: bigint; amountFen: bigint } {
  const [limitNum, limitDen] = pctFraction(FEE_LIMIT_PCT_OF_PRINCIPAL);
  const limitFen = (principalFen * limitNum) / limitDen;
  const countedFen = feeFen < limitFen ? feeFen : limitFen;
  const [rateNum, rateDen] = pctFraction(FEE_RATE_PCT);
  return { limitFen, amountFen: halfUp(countedFen * rateNum, rateDen) };
}

/** The 南山 example's evaluation-fee amount: its rate × the fee, half-up (no limit relative to principal). */
function nanshanAmountFen(feeFen: bigint): bigint {
  const benefit = NANSHAN_IP_PLEDGE_SUBSIDY_EXAMPLE.benefits.find(
    (b) => b.kind === 'cost_share' && b.costKind === 'evaluation_fee',
  );
  if (benefit?.kind !== 'cost_share') throw new Error('the 南山 example subsidises no evaluation fee');
  expect(NANSHAN_IP_PLEDGE_SUBSIDY_EXAMPLE.countedCostLimits).toEqual([]);
  const [rateNum, rateDen] = pctFraction(benefit.ratePct);
  return halfUp(feeFen * rateNum, rateDen);
}

/** The page of `login`, on the home page. */
async function signedIn(login: string): Promise<Page> {
  const page = await platform.pageOf(login);
  await page.goto(`${platform.url}/`);
  await page.getByTestId('user-menu').waitFor();
  return page;
}

/** The options of the open antd Select dropdown. */
const openOptions = (page: Page) =>
  page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');

/** Opens 费用缴付 from the menu and picks the loan's case in the case picker (searching its number). */
async function openFeePayments(page: Page, of: PreparedLoan = loan): Promise<void> {
  await page.getByRole('menuitem', { name: '费用缴付' }).first().click();
  await page.waitForURL((url) => url.pathname === '/fee-payments');
  await settle(page);
  const picker = page.locator('main .ant-select').first();
  await picker.click();
  await picker.locator('input').fill(of.caseNumber);
  await openOptions(page).filter({ hasText: of.caseNumber }).first().click();
  await page.waitForURL((url) => url.searchParams.get('caseId') === of.caseId);
  await settle(page);
}

/** The 登记缴费 card's form. */
const recordForm = (page: Page) => page.locator('.ant-card').filter({ hasText: '登记缴费' }).locator('form');

/** Fills 登记缴费 as the enterprise: evaluation fee, amount, date, invoice number, payee and the uploaded invoice. */
async function fillEnterpriseFee(page: Page): Promise<void> {
  const form = recordForm(page);
  await form.waitFor({ timeout: 20_000 });
  // 评估费 is the kind the form starts with.
  expect(
    await form
      .locator('.ant-select')
      .filter({ has: page.locator('#kind') })
      .textContent(),
  ).toContain('评估费');
  await form.locator('#amountYuan').fill(formatYuan(FEE_FEN));
  await form.locator('#paidDate').click();
  await form.locator('#paidDate').fill(FEE_PAID_ON);
  await form.locator('#paidDate').press('Enter');
  await form.locator('#invoiceNumber').fill(INVOICE_NUMBER);
  await form.locator('#payeeOrganisationId').click();
  await openOptions(page).filter({ hasText: payeeNameZh }).first().click();
  const uploaded = page.waitForResponse(
    (r) => r.url().endsWith('/subsidy-evidence') && r.request().method() === 'POST',
  );
  await form
    .locator('input[type="file"]')
    .setInputFiles({ name: '评估费发票.pdf', mimeType: 'application/pdf', buffer: invoicePdf });
  expect((await uploaded).status()).toBe(201);
  await form.getByText('评估费发票.pdf').waitFor();
}

/** The fee's row in 已登记的缴费 (on the page, or in a drawer). */
const feeRow = (scope: Page | Locator, invoiceNumber = INVOICE_NUMBER) =>
  scope.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: invoiceNumber });

/** Clicks an invoice link: the file it opens is answered 200 as a PDF, with the bytes uploaded. */
async function openInvoice(page: Page, link: Locator) {
  const href = (await link.getAttribute('href')) ?? '';
  expect(href).toMatch(/^\/api\/case-attachments\/[0-9a-f-]{36}\/content$/);
  const response = page
    .context()
    .waitForEvent('response', { predicate: (r) => r.url() === `${platform.url}${href}`, timeout: 20_000 });
  await link.click();
  const file = await response;
  expect(file.status()).toBe(200);
  expect(file.headers()['content-type']).toContain('application/pdf');
  // The link opens a download (the tab closes at once): the bytes are read again with the user's cookies.
  const again = await page.context().request.get(`${platform.url}${href}`);
  expect(Buffer.from(await again.body()).equals(invoicePdf)).toBe(true);
  // Close the tab the link opened (a download leaves none open).
  for (const opened of page.context().pages())
    if (opened !== page && opened.url().includes(href)) await opened.close();
}

/** The loan's card on 政策补贴. */
const loanCard = (page: Page) => page.locator('.ant-card').filter({ hasText: loan.caseNumber }).first();

/** The panel of one scheme on the loan's card. */
const schemePanel = (page: Page, nameZh: string) =>
  loanCard(page).locator('.ant-collapse-item').filter({ hasText: nameZh });

/** Expands a scheme's panel and returns the text of its 评估费 line (amount and steps). */
async function evaluationFeeLine(page: Page, nameZh: string): Promise<string> {
  const panel = schemePanel(page, nameZh);
  await panel.locator('.ant-collapse-header').click();
  const line = panel
    .locator('.ant-collapse-body .ant-list-item')
    .filter({ has: page.getByText('评估费', { exact: true }) });
  await line.first().waitFor({ timeout: 20_000 });
  return (await line.first().textContent()) ?? '';
}

const applicationRow = (page: Page) =>
  page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: applicationNumber });

beforeAll(async () => {
  // The servicing tests' demo seed (their registered-case helper drives its parties); the clock at 10:00
  // Asia/Shanghai on 2026-03-02.
  platform = await startBrowserPlatform({
    name: 'fee-payment',
    demoSeed: TEST_DEMO_SEED,
    clock: new MovableClock('2026-03-02T02:00:00.000Z'),
  });
  const { server, clock, loginAs } = platform;
  const [firm] = await server.deps.db
    .select({
      id: tables.organisations.id,
      nameZh: tables.organisations.nameZh,
      kind: tables.organisations.kind,
    })
    .from(tables.organisations)
    .innerJoin(tables.memberships, eq(tables.memberships.organisationId, tables.organisations.id))
    .innerJoin(tables.users, eq(tables.users.id, tables.memberships.userId))
    .where(eq(tables.users.login, EVALUATOR_LOGIN));
  expect(firm!.kind).toBe('evaluation_firm');
  payeeNameZh = firm!.nameZh;
  // Two loans whose value step adopted evaluator1's formal report (the firm becomes each case's evaluator).
  [loan, evaluatedLoan] = (await prepareBank01Loans(platform, {
    amountsYuan: ['1000000.00', '800000.00'],
    district: 'nanshan',
    evaluatorOrganisationId: firm!.id,
    settleInFullOn: '2026-03-20',
  })) as [PreparedLoan, PreparedLoan];

  // Per-year schemes are applied for once the year has ended.
  clock.moveTo('2027-01-11');
  // The city bureau publishes a 南山 scheme subsidising evaluation fees only, counted up to a share of principal.
  const example = toWire(NANSHAN_IP_PLEDGE_SUBSIDY_EXAMPLE) as Record<string, unknown>;
  const source = { document: '南山区知识产权评估费补贴（测试 example）', article: '第一条', isExample: true };
  const city = await loginAs('bureau.city');
  const published = await server.app.inject({
    method: 'POST',
    url: '/api/subsidy-schemes',
    headers: city.headers,
    payload: {
      scheme: {
        ...example,
        schemeId: FEE_SCHEME_ID,
        version: 1,
        nameZh: FEE_SCHEME_ZH,
        nameEn: 'Nanshan IP evaluation fee subsidy (test)',
        source,
        effectiveFrom: '2024-01-01',
        effectiveTo: null,
        benefits: [{ kind: 'cost_share', costKind: 'evaluation_fee', ratePct: FEE_RATE_PCT, source }],
        countedCostLimits: [
          { costKinds: ['evaluation_fee'], pctOfPrincipal: FEE_LIMIT_PCT_OF_PRINCIPAL, source },
        ],
        caps: [],
        stacking: { excludesSchemeIds: [], source },
        budget: { totalYuan: null, whenShort: 'grant_partial', source },
      },
    },
  });
  expect(published.statusCode, published.body).toBe(201);
}, 900_000);

afterAll(async () => {
  await platform?.close();
});

describe('费用缴付: the enterprise records an evaluation fee with its invoice; the subsidy counts it; the reviewer checks the invoice', () => {
  it('the enterprise records the evaluation fee with the payee and the uploaded invoice; the list shows it as its own record with the invoice', async () => {
    const page = await signedIn(loan.enterpriseLogin);
    await openFeePayments(page);
    expect(await page.locator('.ant-table-tbody').textContent()).toContain('暂无缴费记录');
    await fillEnterpriseFee(page);
    await shot(page, 'fee-payment-form');
    const created = page.waitForResponse(
      (r) => r.url().endsWith(`/cases/${loan.caseId}/fee-payments`) && r.request().method() === 'POST',
    );
    await recordForm(page)
      .getByRole('button', { name: /^登\s*记$/ })
      .click();
    expect((await created).status()).toBe(201);
    const row = feeRow(page);
    await row.waitFor({ timeout: 20_000 });
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('评估费');
    expect(text).toContain(money(FEE_FEN));
    expect(text).toContain(FEE_PAID_ON);
    expect(text).toContain(payeeNameZh);
    expect(text).toContain('企业登记（附发票）');
    await openInvoice(page, row.getByRole('link', { name: INVOICE_NUMBER }));
    await shot(page, 'fee-payment-recorded');
  });

  it('the same invoice number for the same payee again is refused with its coded error in Chinese; nothing more is listed', async () => {
    const page = await signedIn(loan.enterpriseLogin);
    await openFeePayments(page);
    await fillEnterpriseFee(page);
    const refused = page.waitForResponse(
      (r) => r.url().endsWith(`/cases/${loan.caseId}/fee-payments`) && r.request().method() === 'POST',
    );
    await recordForm(page)
      .getByRole('button', { name: /^登\s*记$/ })
      .click();
    const response = await refused;
    expect(response.status()).toBe(409);
    expect(((await response.json()) as { code: string }).code).toBe('FEE_PAYMENT_DUPLICATE');
    const alert = page.locator('.ant-card').filter({ hasText: '登记缴费' }).getByRole('alert');
    await alert.waitFor({ timeout: 20_000 });
    expect(await alert.textContent()).toContain(`发票号 ${INVOICE_NUMBER} 已登记`);
    expect(await page.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(1);
    await shot(page, 'fee-payment-duplicate');
  });

  it("政策补贴 lists the fee as a cost paid with its invoice; each scheme's evaluation-fee amount is its share of the fee, the test scheme's limited to its share of principal; the enterprise applies", async () => {
    const page = await signedIn(loan.enterpriseLogin);
    await page.getByRole('menuitem', { name: '政策补贴' }).first().click();
    await page.waitForURL((url) => url.pathname === '/subsidies');
    await settle(page);
    const card = loanCard(page);
    await card.waitFor({ timeout: 20_000 });
    // 已缴费用: the evaluation fee with its uploaded invoice as the proof, which opens.
    await card.locator('.ant-collapse-header').filter({ hasText: '已缴费用' }).click();
    const cost = card
      .locator('.ant-list-item')
      .filter({ hasText: '评估费' })
      .filter({ hasText: INVOICE_NUMBER });
    await cost.waitFor({ timeout: 20_000 });
    const costText = (await cost.textContent()) ?? '';
    expect(costText).toContain(money(FEE_FEN));
    expect(costText).toContain(FEE_PAID_ON);
    expect(costText).toContain(`上传材料：${INVOICE_NUMBER}`);
    await openInvoice(page, cost.getByRole('link', { name: '查看材料' }));

    // The test scheme: the fee is above the limit, which binds.
    const { limitFen, amountFen } = feeSchemeAmountFen(FEE_FEN, loan.principalFen);
    expect(FEE_FEN).toBeGreaterThan(limitFen);
    const feeLine = await evaluationFeeLine(page, FEE_SCHEME_ZH);
    expect(feeLine).toContain(`实际支付 ${money(FEE_FEN)}`);
    expect(feeLine).toContain(`计入上限 ${money(limitFen)}`);
    expect(feeLine).toContain(`按比例 ${money(amountFen)}`);
    const header = schemePanel(page, FEE_SCHEME_ZH).locator('.ant-collapse-header');
    expect(await header.textContent()).toContain('符合条件');
    expect(await header.textContent()).toContain(money(amountFen));
    // The 南山 example: no limit relative to principal, so its share of the whole fee.
    const nanshanLine = await evaluationFeeLine(page, NANSHAN_ZH);
    expect(nanshanLine).toContain(`实际支付 ${money(FEE_FEN)}`);
    expect(nanshanLine).not.toContain('计入上限');
    expect(nanshanLine).toContain(`按比例 ${money(nanshanAmountFen(FEE_FEN))}`);
    await shot(page, 'fee-payment-subsidy-amounts');

    await header.getByRole('button', { name: '一键申请' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(money(amountFen));
    const created = page.waitForResponse(
      (r) => r.url().endsWith('/api/subsidy-applications') && r.request().method() === 'POST',
    );
    await dialog.getByRole('button', { name: '提交申请' }).click();
    const response = await created;
    expect(response.status()).toBe(201);
    const application = (await response.json()) as { applicationNumber: string; requestedYuan: string };
    applicationNumber = application.applicationNumber;
    expect(application.requestedYuan).toBe(formatYuan(amountFen));
    await dialog.waitFor({ state: 'hidden', timeout: 20_000 });
    await expect
      .poll(async () => applicationRow(page).textContent(), { timeout: 20_000 })
      .toContain('已提交');
  });

  it('the 南山 district bureau opens the application from its queue, opens the invoice and passes the review', async () => {
    const district = await signedIn('bureau.nanshan');
    await district.getByRole('menuitem', { name: '补贴申请受理' }).first().click();
    await district.waitForURL((url) => url.pathname === '/subsidy-applications');
    await settle(district);
    await applicationRow(district).waitFor({ timeout: 20_000 });
    await applicationRow(district).getByRole('button', { name: applicationNumber }).click();
    const drawer = district.locator('.ant-drawer-open');
    await drawer.waitFor();
    const row = feeRow(drawer);
    await row.waitFor({ timeout: 20_000 });
    expect(await row.textContent()).toContain('企业登记（附发票）');
    expect(await row.textContent()).toContain(money(FEE_FEN));
    expect(await drawer.textContent()).toContain(
      `计入上限 ${money(feeSchemeAmountFen(FEE_FEN, loan.principalFen).limitFen)}`,
    );
    // The drawer has slid in (fully inside the window) before the screenshot.
    await expect
      .poll(async () => {
        const box = await drawer.locator('.ant-drawer-content-wrapper').boundingBox();
        return box !== null && box.x + box.width <= 1440;
      })
      .toBe(true);
    await shot(district, 'fee-payment-reviewer-invoice');
    await openInvoice(district, row.getByRole('link', { name: INVOICE_NUMBER }));
    await drawer.locator('.ant-drawer-close').click();
    await drawer.waitFor({ state: 'hidden' });

    await applicationRow(district).getByRole('button', { name: '审核通过' }).click();
    const dialog = district.getByRole('dialog', { name: `审核通过：${applicationNumber}` });
    await dialog.waitFor();
    await dialog.locator('.ant-btn-primary').click();
    await dialog.waitFor({ state: 'hidden', timeout: 20_000 });
    await expect
      .poll(async () => applicationRow(district).textContent(), { timeout: 20_000 })
      .toContain('区级已审核');
    await shot(district, 'fee-payment-reviewed');
  });

  it('the evaluation firm whose report the value step adopted finds the case on 费用缴付 and records its fee; the enterprise sees it recorded by the payee', async () => {
    const firm = await signedIn(EVALUATOR_LOGIN);
    await openFeePayments(firm, evaluatedLoan);
    const form = recordForm(firm);
    await form.waitFor({ timeout: 20_000 });
    // The payee records what it was paid: no payee to pick, no invoice required.
    expect(await firm.locator('.ant-card').filter({ hasText: '登记缴费' }).textContent()).toContain(
      '登记贵机构就本案向企业收取的费用',
    );
    expect(await form.locator('#payeeOrganisationId').count()).toBe(0);
    // Nor an upload: the invoice it issued needs no copy (the enterprise's form uploads through this input).
    expect(await form.locator('input[type="file"]').count()).toBe(0);
    await form.locator('#amountYuan').fill(formatYuan(PAYEE_FEE_FEN));
    await form.locator('#paidDate').click();
    await form.locator('#paidDate').fill(FEE_PAID_ON);
    await form.locator('#paidDate').press('Enter');
    await form.locator('#invoiceNumber').fill(PAYEE_INVOICE_NUMBER);
    const created = firm.waitForResponse(
      (r) =>
        r.url().endsWith(`/cases/${evaluatedLoan.caseId}/fee-payments`) && r.request().method() === 'POST',
    );
    await form.getByRole('button', { name: /^登\s*记$/ }).click();
    const response = await created;
    expect(response.status()).toBe(201);
    expect(await response.json()).toMatchObject({ recordedBy: 'payee', evidenceAttachmentId: null });
    const row = feeRow(firm, PAYEE_INVOICE_NUMBER);
    await row.waitFor({ timeout: 20_000 });
    expect(await row.textContent()).toContain('收款机构登记');
    await shot(firm, 'fee-payment-evaluator-recorded');

    const enterprise = await signedIn(evaluatedLoan.enterpriseLogin);
    await openFeePayments(enterprise, evaluatedLoan);
    const listed = feeRow(enterprise, PAYEE_INVOICE_NUMBER);
    await listed.waitFor({ timeout: 20_000 });
    const text = (await listed.textContent()) ?? '';
    expect(text).toContain('评估费');
    expect(text).toContain(money(PAYEE_FEE_FEN));
    expect(text).toContain(FEE_PAID_ON);
    expect(text).toContain(payeeNameZh);
    expect(text).toContain('收款机构登记');
    // The payee's own record carries no uploaded invoice: its number is not a link.
    expect(await listed.getByRole('link').count()).toBe(0);
    expect(await enterprise.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(1);
    await shot(enterprise, 'fee-payment-enterprise-sees-payee-record');
  });
});
