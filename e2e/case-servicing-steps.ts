import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Browser steps of servicing on the case page's loan panel (贷款账户, `case-loan-panel.tsx`), for the end-to-end
 * flow of issue 6: the bank clerk's 放款 and 登记还款. Each step takes a page already logged in on the server
 * (any page of it: the origin is read from its URL) and the case id, and waits until the panel shows the result.
 */

/** 受托支付 details typed into the 放款 dialog. */
export interface EntrustedPaymentInput {
  readonly counterpartyName: string;
  readonly counterpartyAccount: string;
  readonly reference: string;
}

/** The repayment kinds of the 登记还款 dialog, by their radio labels. */
export const repaymentModeLabels = {
  regular: '正常还款',
  shortenTerm: '提前还款（缩短期限）',
  lowerInstallment: '提前还款（减少月供）',
  settleInFull: '提前结清',
} as const;
export type RepaymentModeLabel = keyof typeof repaymentModeLabels;

/** Waits until no antd spinner or skeleton is on the page. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(
    () => document.querySelectorAll('.ant-spin-spinning, .ant-skeleton-active').length === 0,
  );
}

/** Opens the case page and waits for the loan panel. */
async function openLoanPanel(page: Page, caseId: string): Promise<void> {
  const origin = new URL(page.url()).origin;
  await page.goto(`${origin}/cases/${encodeURIComponent(caseId)}`);
  await page.getByTestId('case-loan').waitFor({ timeout: 20_000 });
  await settle(page);
}

const repaymentRows = (page: Page) =>
  page.getByTestId('loan-repayments').locator('.ant-table-tbody tr.ant-table-row');

/**
 * Bank clerk, 放款 on a registered case (optionally 受托支付): confirms the dialog and waits for 还款中 with the
 * schedule from the loan engine on the panel.
 */
export async function disburseLoan(
  page: Page,
  caseId: string,
  entrusted?: EntrustedPaymentInput,
): Promise<void> {
  await openLoanPanel(page, caseId);
  const panel = page.getByTestId('case-loan');
  await panel.getByRole('button', { name: /^放\s*款$/ }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  if (entrusted !== undefined) {
    await dialog.getByRole('switch').click();
    await page.locator('#loan-disburse_counterpartyName').fill(entrusted.counterpartyName);
    await page.locator('#loan-disburse_counterpartyAccount').fill(entrusted.counterpartyAccount);
    await page.locator('#loan-disburse_reference').fill(entrusted.reference);
  }
  await dialog.locator('.ant-btn-primary').click();
  await dialog.waitFor({ state: 'hidden', timeout: 20_000 });
  // 已放款 until the first repayment or the day's servicing starts repayment (进入还款, by the system).
  await page.locator('h3 [data-state="disbursed"]').first().waitFor({ timeout: 20_000 });
  await page.getByTestId('loan-terms').waitFor({ timeout: 20_000 });
  await settle(page);
  const scheduleRows = page.getByTestId('loan-schedule').locator('.ant-table-tbody tr.ant-table-row');
  expect(await scheduleRows.count()).toBeGreaterThan(0);
  if (entrusted !== undefined)
    expect(await page.getByTestId('loan-terms').textContent()).toContain(entrusted.counterpartyName);
}

/**
 * Bank clerk, 登记还款 of `amountYuan` (a yuan string such as `"85291.67"`; ignored for 提前结清) as a regular
 * repayment or a prepayment; waits until the repayment is listed with its allocation. Returns the row's text.
 */
export async function postRepayment(
  page: Page,
  caseId: string,
  amountYuan: string,
  mode: RepaymentModeLabel = 'regular',
): Promise<string> {
  await openLoanPanel(page, caseId);
  const before = await repaymentRows(page).allTextContents();
  await page.getByTestId('case-loan').getByRole('button', { name: '登记还款' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await dialog.getByText(repaymentModeLabels[mode], { exact: true }).click();
  if (mode !== 'settleInFull') await page.locator('#loan-repayment_amount').fill(amountYuan);
  await dialog.locator('.ant-btn-primary').click();
  await dialog.waitFor({ state: 'hidden', timeout: 20_000 });
  await expect.poll(() => repaymentRows(page).count(), { timeout: 20_000 }).toBe(before.length + 1);
  await settle(page);
  const after = await repaymentRows(page).allTextContents();
  return after.find((text) => !before.includes(text)) ?? '';
}

/** The loan panel's figures as shown: outstanding principal, payable today, grade and days past due. */
export async function readLoanPanel(
  page: Page,
  caseId: string,
): Promise<{ outstanding: string; payableTotal: string; grade: string; daysPastDue: string }> {
  await openLoanPanel(page, caseId);
  const text = async (testId: string) => ((await page.getByTestId(testId).textContent()) ?? '').trim();
  return {
    outstanding: await text('loan-outstanding'),
    payableTotal: await text('loan-payable-total'),
    grade: await text('loan-grade'),
    daysPastDue: await text('loan-days-past-due'),
  };
}
