import { desc, eq } from 'drizzle-orm';
import type { Locator, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromStoredAgreement } from '@ipf/app';
import { tables } from '@ipf/db';
import { formatYuan, parseYuan } from '@ipf/domain/money';
import {
  allocateFlatSplit,
  calculateClaimEntitlement,
  calculateLayeredLoss,
  type ClaimRole,
  type LoanLoss,
  type RiskSharingAgreement,
} from '@ipf/domain/risk-sharing';
import type { TestApp } from '../apps/server/src/testing/create-test-app.ts';
import { TEST_DEMO_SEED } from '../apps/server/src/testing/create-test-app.ts';
import {
  amendAgreement,
  DEFAULT_DATE,
  prepareDefaultedCases,
} from '../apps/server/src/testing/defaulted-cases.ts';
import { demoOrganisationOf } from '../apps/server/src/testing/demo-organisation-of.ts';
import {
  MovableClock,
  settle,
  shot,
  startBrowserPlatform,
  type BrowserPlatform,
} from './support/browser-platform.ts';

/**
 * 不良处置全流程 in the Chinese UI (issue 8 "How it is judged"): a loan of bank01 disbursed on 2026-03-02 and never
 * repaid is 次级 (non-performing) on 2026-07-03 (set up through the API like the claims tests, with its agreement
 * amended to a guarantee of guarantor1 — 70% of principal and interest — under the city re-guarantee fund's 50%,
 * on top of the pool layer its disbursement fixed). Then, only through the pages:
 * 1. the bank clerk files the 担保代偿 claim; the guarantor's maker takes it into review and cannot approve it, its
 *    checker approves, the maker pays; the guarantor files the 再担保分担 claim, the fund settles it the same way;
 * 2. the bank files the 资金池补偿 claim; the pool's maker reviews, its checker approves, the maker pays;
 *    every amount equals `calculateClaimEntitlement` of the stored agreement and the loan's loss (fen);
 * 3. the clerk opens the disposition, auctions the patent on the trading centre, records three costs and the
 *    hammer price with its bids; the approver distributes: costs + net = proceeds and the shares add up to the net
 *    at the fixed ratios, to the fen; each party's books (its layer less its share) add up to the loss less the
 *    net; the clerk closes (pledge cancelled), the approver writes the rest off;
 * 4. the case timeline shows every claim step, payment and disposition step, with Chinese reasons.
 * Screenshots go to artifacts/screenshots/.
 */

let platform: BrowserPlatform;
let caseId = '';
let caseNumber = '';
let agreement: RiskSharingAgreement;
let loss: LoanLoss;
/** The claims filed in the UI, by payer role: number and payer's maker log-in. */
const claims = new Map<ClaimRole, { number: string; maker: string; checker: string }>();
const paidFen = new Map<ClaimRole, bigint>();
let dispositionId = '';
const HAMMER_YUAN = '600000.01';
const COSTS = [
  ['评估费', '8000.00'],
  ['拍卖佣金', '12000.00'],
  ['律师及诉讼费', '5000.00'],
] as const;
const BUYER = '深圳市前海星河科技有限公司';

/** `¥1,234.56` (or `-¥…`) → fen. */
function fenOf(text: string): bigint {
  const cleaned = text.replace(/[¥￥,\s]/g, '');
  return parseYuan(cleaned);
}
/** Every money amount in a text, in order. */
const amountsIn = (text: string) => [...text.matchAll(/-?¥[\d,]+\.\d{2}/g)].map((m) => fenOf(m[0]));
const money = (fen: bigint) =>
  new Intl.NumberFormat('zh-CN', { style: 'currency', currency: 'CNY' }).format(
    formatYuan(fen) as Intl.StringNumericLiteral,
  );
const entitlement = (role: ClaimRole) => calculateClaimEntitlement(agreement, loss, role).amountFen;

async function openCase(page: Page): Promise<void> {
  await page.goto(`${platform.url}/cases/${encodeURIComponent(caseId)}`);
  await page.getByTestId('case-timeline').waitFor({ timeout: 30_000 });
  await settle(page);
}

/** The row of a payer (by its claim kind) in the case's 代偿/理赔/补偿 panel. */
const payerRow = (page: Page, kind: string) =>
  page
    .getByTestId('case-claims-panel')
    .locator('.ant-table-tbody tr.ant-table-row')
    .filter({ hasText: kind });

/** Picks an antd Select option in `scope` (the n-th select) by its text. */
async function choose(page: Page, scope: Locator, nth: number, text: string): Promise<void> {
  await scope.locator('.ant-select').nth(nth).click();
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
      hasText: text,
    })
    .first()
    .click();
}

/**
 * Files a claim from the case page's panel with an external document and a note; returns its number. The dialog
 * states the amount, which must be the entitlement.
 */
async function fileClaim(login: string, kind: string, role: ClaimRole): Promise<string> {
  const page = await platform.pageOf(login);
  await openCase(page);
  const row = payerRow(page, kind);
  await row.waitFor({ timeout: 20_000 });
  expect(fenOf((await row.locator('td').nth(2).textContent()) ?? '')).toBe(entitlement(role));
  await row.getByRole('button', { name: `发起${kind}` }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  expect(await dialog.textContent()).toContain(money(entitlement(role)));
  await dialog.locator('#claim-external-name').fill('逾期催收通知书及不良认定材料');
  await dialog.locator('#claim-external-ref').fill(`CS-${kind}-2026-0703`);
  await dialog.locator('#claim-note').fill('贷款认定不良，按分险协议申请');
  const filed = page.waitForResponse(
    (r: Response) => r.url().endsWith(`/api/cases/${caseId}/risk-claims`) && r.request().method() === 'POST',
  );
  await dialog.getByRole('button', { name: '提交申请' }).click();
  const response = await filed;
  expect(response.status(), await response.text()).toBe(201);
  const claim = (await response.json()) as { claimNumber: string; claimedYuan: string };
  expect(parseYuan(claim.claimedYuan)).toBe(entitlement(role));
  await dialog.waitFor({ state: 'hidden', timeout: 20_000 });
  await expect.poll(async () => payerRow(page, kind).textContent(), { timeout: 20_000 }).toContain('已申请');
  await shot(page, `default-workout-filed-${role}`);
  await page.close();
  return claim.claimNumber;
}

/** The claim's page, reached from 代偿理赔工作台 by its number. */
async function openClaim(login: string, claimNumber: string): Promise<Page> {
  const page = await platform.pageOf(login);
  await page.getByRole('menuitem', { name: '代偿理赔工作台' }).click();
  await page.waitForURL((url) => url.pathname === '/risk-claims');
  await settle(page);
  await page.getByRole('link', { name: claimNumber }).click();
  await page.getByTestId('claim-terms').waitFor({ timeout: 20_000 });
  await settle(page);
  return page;
}

const termOf = async (page: Page, label: string) => {
  const item = page
    .getByTestId('claim-terms')
    .locator('.ant-descriptions-item')
    .filter({ has: page.locator('.ant-descriptions-item-label', { hasText: new RegExp(`^${label}$`) }) });
  return (await item.locator('.ant-descriptions-item-content').textContent()) ?? '';
};

/**
 * Maker-checker on one claim in the payer's UI: the maker takes it into review and finds 审批 closed to it (and the
 * server refusing it), the checker approves the amount claimed, the maker records the payment.
 */
async function settleClaim(role: ClaimRole, reference: string): Promise<void> {
  const { number, maker, checker } = claims.get(role)!;
  const expected = entitlement(role);
  let page = await openClaim(maker, number);
  expect(fenOf(await termOf(page, '申请金额'))).toBe(expected);
  await page.getByRole('button', { name: '受理审查' }).click();
  await page.getByText('您是本理赔的审查人').waitFor({ timeout: 20_000 });
  expect(await page.getByRole('button', { name: /^审\s*批$/ }).isDisabled()).toBe(true);
  const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
  const refused = await platform
    .apiAs(maker, 'POST', `/risk-claims/${id}/decision`, { decision: 'approve' })
    .then(
      () => 'accepted',
      (error: Error) => error.message,
    );
  expect(refused).toContain('CLAIM_MAKER_CHECKER_VIOLATION');
  await shot(page, `default-workout-${role}-reviewer-cannot-decide`);
  await page.close();

  page = await openClaim(checker, number);
  await page.getByRole('button', { name: /^审\s*批$/ }).click();
  let dialog = page.getByRole('dialog');
  await dialog.waitFor();
  expect(await dialog.locator('#claim-approved-yuan').inputValue()).toBe(formatYuan(expected));
  await dialog.locator('.ant-btn-primary').click();
  await dialog.waitFor({ state: 'hidden', timeout: 20_000 });
  await expect.poll(async () => fenOf(await termOf(page, '核定金额')), { timeout: 20_000 }).toBe(expected);
  expect(await page.getByText('已核定', { exact: true }).count()).toBeGreaterThan(0);
  await page.close();

  page = await openClaim(maker, number);
  await page.getByRole('button', { name: '登记支付' }).click();
  dialog = page.getByRole('dialog');
  await dialog.waitFor();
  expect(await dialog.textContent()).toContain(`支付金额：${money(expected)}`);
  await dialog.locator('#claim-payment-reference').fill(reference);
  await dialog.locator('.ant-btn-primary').click();
  await dialog.waitFor({ state: 'hidden', timeout: 20_000 });
  await expect
    .poll(async () => termOf(page, '支付金额'), { timeout: 20_000 })
    .toContain(money(expected).replace('¥', ''));
  const paid = fenOf(await termOf(page, '支付金额'));
  expect(paid).toBe(expected);
  expect(await termOf(page, '支付')).toContain(reference);
  paidFen.set(role, paid);
  await shot(page, `default-workout-${role}-paid`);
  await page.close();
}

beforeAll(async () => {
  // The demo city of the claims tests' seed; the clock at 10:00 Asia/Shanghai on the disbursement day.
  platform = await startBrowserPlatform({
    name: 'default-workout',
    demoSeed: TEST_DEMO_SEED,
    clock: new MovableClock('2026-03-02T02:00:00.000Z'),
  });
  const { server, clock, loginAs } = platform;
  const t = { app: server.app, deps: server.deps, clock, loginAs } as unknown as TestApp;
  const defaulted = await prepareDefaultedCases(t, 1);
  caseId = defaulted.caseIds[0]!;
  // A guarantee by guarantor1 (70% of principal and interest) under the city re-guarantee fund (50% of it), on
  // the pool layer fixed at disbursement; the guarantor is a party of the case, so it sees it.
  const guarantorOrg = demoOrganisationOf('guarantor1.user');
  await amendAgreement(t, caseId, {
    lossBase: 'principal_and_interest',
    guarantor: { party: guarantorOrg, shareBps: 7000n },
    reGuarantor: { party: demoOrganisationOf('reguarantor.user'), shareBps: 5000n },
  });
  const { db } = server.deps;
  await db.insert(tables.caseParticipants).values({
    caseId,
    organisationId: guarantorOrg,
    role: 'guarantor',
    acceptedAt: clock.now(),
    createdAt: clock.now(),
  });
  const [kase] = await db
    .select({ caseNumber: tables.financingCases.caseNumber, state: tables.financingCases.state })
    .from(tables.financingCases)
    .where(eq(tables.financingCases.id, caseId));
  caseNumber = kase!.caseNumber;
  expect(kase!.state).toBe('non_performing');

  // The expected amounts, independently of the claims code: the stored agreement and the loan's loss today (the
  // outstanding principal, and the contractual interest of the instalments due by today still unpaid).
  const [stored] = await db
    .select()
    .from(tables.riskSharingAgreements)
    .where(eq(tables.riskSharingAgreements.caseId, caseId))
    .orderBy(desc(tables.riskSharingAgreements.version))
    .limit(1);
  agreement = fromStoredAgreement(stored!.agreement);
  expect(agreement.pool).toBeDefined();
  const [account] = await db.select().from(tables.loanAccounts).where(eq(tables.loanAccounts.caseId, caseId));
  const installments = await db
    .select()
    .from(tables.loanInstallments)
    .where(eq(tables.loanInstallments.loanAccountId, account!.id));
  const interestFen = installments
    .filter((i) => i.dueDate <= DEFAULT_DATE && i.status !== 'paid' && i.status !== 'superseded')
    .reduce((sum, i) => sum + i.interestFen - i.interestPaidFen, 0n);
  loss = { principalFen: account!.outstandingPrincipalFen, interestFen };
  expect(loss.principalFen).toBe(parseYuan('1000000.00'));
  expect(loss.interestFen).toBeGreaterThan(0n);
}, 900_000);

afterAll(async () => {
  await platform?.close();
});

describe('default workout in the Chinese UI: compensation, pool claim, auction, distribution, ledger', () => {
  it('the bank files 担保代偿; guarantor1 reviews (cannot approve its own review), its checker approves, it pays', async () => {
    claims.set('guarantor', {
      number: await fileClaim('bank01.clerk', '担保代偿', 'guarantor'),
      maker: 'guarantor1.user',
      checker: 'guarantor1.checker',
    });
    await settleClaim('guarantor', 'DC-2026-0703-01');
  });

  it('guarantor1 files 再担保分担 on the case; the city re-guarantee fund settles it maker-checker', async () => {
    claims.set('re_guarantor', {
      number: await fileClaim('guarantor1.user', '再担保分担', 're_guarantor'),
      maker: 'reguarantor.user',
      checker: 'reguarantor.checker',
    });
    await settleClaim('re_guarantor', 'ZDB-2026-0703-01');
  });

  it('the bank files 资金池补偿; the pool reviews, its checker approves and the pool pays within budget', async () => {
    const number = await fileClaim('bank01.clerk', '资金池补偿', 'pool');
    const poolLogin =
      agreement.pool!.party === demoOrganisationOf('pool.pingshan') ? 'pool.pingshan' : 'pool.city';
    claims.set('pool', { number, maker: poolLogin, checker: `${poolLogin}.checker` });
    await settleClaim('pool', 'BC-2026-0703-01');
    // What the payers paid is the layered allocation of the loss: 代偿 covers the guarantor's and the fund's layers.
    const layered = calculateLayeredLoss(agreement, loss);
    const borne = (role: string) => layered.parts.find((p) => p.role === role)?.borneFen ?? 0n;
    expect(paidFen.get('guarantor')).toBe(borne('guarantor') + borne('re_guarantor'));
    expect(paidFen.get('re_guarantor')).toBe(borne('re_guarantor'));
    expect(paidFen.get('pool')).toBe(borne('pool'));

    // The bank's claims panel shows the three claims paid.
    const page = await platform.pageOf('bank01.clerk');
    await openCase(page);
    for (const kind of ['担保代偿', '再担保分担', '资金池补偿'])
      expect(await payerRow(page, kind).textContent()).toContain('已支付');
    await page.close();
  });

  it('the clerk opens the disposition, auctions the patent, records costs and the hammer price; the approver distributes to the fen', async () => {
    const clerk = await platform.pageOf('bank01.clerk');
    await openCase(clerk);
    await clerk.getByRole('button', { name: '启动处置' }).click();
    let dialog = clerk.getByRole('dialog');
    await dialog.waitFor();
    await dialog.locator('#appraisedValueYuan').fill('2000000.00');
    await dialog.locator('#note').fill('质押专利拟在交易中心挂牌拍卖');
    await dialog.getByRole('button', { name: /^提\s*交$/ }).click();
    await dialog.waitFor({ state: 'hidden', timeout: 20_000 });
    await clerk.getByRole('link', { name: '查看处置详情' }).click();
    await clerk.waitForURL((url) => url.pathname.startsWith('/dispositions/'));
    dispositionId = decodeURIComponent(clerk.url().split('/').pop()!);
    await settle(clerk);

    // The ratios fixed at opening: pro rata to what each party bears, 100% together.
    const ratiosCard = clerk.locator('.ant-card').filter({ hasText: '分配比例（处置前固定）' });
    const ratioRows = ratiosCard.locator('.ant-table-tbody tr.ant-table-row');
    await expect.poll(() => ratioRows.count(), { timeout: 20_000 }).toBe(4);
    const weights = new Map<string, bigint>();
    for (const row of await ratioRows.all()) {
      const cells = await row.locator('td').allTextContents();
      weights.set(cells[0]!, BigInt(Math.round(Number(cells[2]!.replace('%', '')) * 100)));
    }
    expect([...weights.values()].reduce((a, b) => a + b, 0n)).toBe(10_000n);
    const layered = calculateLayeredLoss(agreement, loss);
    const roleZh: Record<string, string> = {
      bank: '银行',
      guarantor: '担保机构',
      re_guarantor: '再担保机构',
      pool: '风险补偿资金池',
    };
    for (const part of layered.parts) {
      const exact = (part.borneFen * 10_000n) / layered.lossBaseFen;
      const shown = weights.get(roleZh[part.role]!)!;
      expect(shown >= exact && shown <= exact + 1n, `${part.role} ${shown} bps`).toBe(true);
    }

    const step = async (label: string, fill: (dialog: Locator) => Promise<void>) => {
      await clerk.getByRole('button', { name: label }).click();
      dialog = clerk.getByRole('dialog');
      await dialog.waitFor();
      await fill(dialog);
      await dialog.getByRole('button', { name: /^提\s*交$/ }).click();
      await dialog.waitFor({ state: 'hidden', timeout: 20_000 });
      await settle(clerk);
    };
    await step('选择处置方式', async (d) => {
      await choose(clerk, d, 0, '挂牌拍卖');
      await d.locator('#counterpartyName').fill('科技成果与知识产权交易中心');
      await d.locator('#note').fill('挂牌编号 GP-2026-0815，起拍价 500,000.00 元');
    });
    await expect.poll(async () => clerk.locator('.ant-card').first().textContent()).toContain('处置中');
    for (const [kind, amount] of COSTS)
      await step('登记费用', async (d) => {
        await choose(clerk, d, 0, kind);
        await d.locator('#amountYuan').fill(amount);
      });
    await step('登记处置款', async (d) => {
      await choose(clerk, d, 0, '拍卖成交价');
      await d.locator('#amountYuan').fill(HAMMER_YUAN);
      await d.locator('#reference').fill('CJ-2026-0815');
      await d.locator('#payerName').fill(BUYER);
      await d.locator('#bids').fill(`竞买人甲 580000.00\n${BUYER} ${HAMMER_YUAN}`);
    });
    await expect.poll(async () => clerk.locator('.ant-card').first().textContent()).toContain('已收款');
    await shot(clerk, 'default-workout-disposition-proceeds');
    // The clerk may not distribute (maker-checker with the bank's approver).
    expect(await clerk.getByRole('button', { name: '审批并分配处置款' }).count()).toBe(0);

    const approver = await platform.pageOf('bank01.approver');
    await approver.goto(`${platform.url}/dispositions/${encodeURIComponent(dispositionId)}`);
    await settle(approver);
    const proceedsFen = parseYuan(HAMMER_YUAN);
    const costsFen = COSTS.reduce((sum, [, amount]) => sum + parseYuan(amount), 0n);
    const netFen = proceedsFen - costsFen;
    const plan = (await approver.getByText('待分配：处置款 − 费用 = 净额').textContent()) ?? '';
    expect(amountsIn(plan)).toEqual([proceedsFen, costsFen, netFen]);
    const expectedShares = allocateFlatSplit(
      netFen,
      [...weights].map(([party, weight]) => ({ party, weight })),
    );
    // Approving pays out: the approver first confirms the net and each party's share, to the fen.
    await approver.getByRole('button', { name: '审批并分配处置款' }).click();
    const confirm = approver.getByRole('dialog').filter({ hasText: '审批并分配处置款？' });
    await confirm.waitFor();
    const net = (await confirm.getByTestId('confirm-distribution-net').textContent()) ?? '';
    expect(amountsIn(net)).toEqual([netFen, proceedsFen, costsFen]);
    const confirmed = new Map<string, bigint>();
    for (const row of await confirm.locator('.ant-table-tbody tr.ant-table-row').all()) {
      const cells = await row.locator('td').allTextContents();
      confirmed.set(cells[0]!, fenOf(cells[2]!));
    }
    expect(confirmed).toEqual(new Map(expectedShares.map((s) => [s.party, s.amountFen])));
    await shot(approver, 'default-workout-distribution-confirm');
    await confirm.getByRole('button', { name: '审批并分配处置款' }).click();
    await confirm.waitFor({ state: 'hidden', timeout: 20_000 });
    await expect
      .poll(async () => approver.locator('.ant-card').first().textContent(), { timeout: 20_000 })
      .toContain('已分配');
    await settle(approver);

    // The round: proceeds − costs = net, the shares add up to the net and follow the fixed ratios (largest remainder).
    const rounds = approver.locator('.ant-card').filter({ hasText: '分配记录' });
    const summary = (await rounds.locator('strong').first().textContent()) ?? '';
    expect(summary).toMatch(/^第 1 轮 · /);
    const [roundProceeds, roundCosts, roundNet] = amountsIn(summary);
    expect(roundProceeds).toBe(proceedsFen);
    expect(roundCosts).toBe(costsFen);
    expect(roundNet).toBe(netFen);
    expect(roundCosts! + roundNet!).toBe(roundProceeds);
    const shares = new Map<string, bigint>();
    for (const row of await rounds.locator('.ant-table-tbody tr.ant-table-row').all()) {
      const cells = await row.locator('td').allTextContents();
      shares.set(cells[0]!, fenOf(cells[2]!));
    }
    expect(shares.size).toBe(4);
    expect([...shares.values()].reduce((a, b) => a + b, 0n)).toBe(netFen);
    for (const { party, amountFen } of expectedShares) expect(shares.get(party), party).toBe(amountFen);
    // Each cost was paid out of the proceeds first, in full.
    const costsCard = approver.locator('.ant-card').filter({ hasText: '评估费' });
    const costTexts = await costsCard.locator('.ant-table-tbody tr.ant-table-row').allTextContents();
    expect(costTexts).toHaveLength(3);
    for (const [kind, amount] of COSTS) {
      const row = costTexts.find((r) => r.includes(kind))!;
      expect(amountsIn(row)).toEqual([parseYuan(amount), parseYuan(amount)]);
    }

    // Every party's books: its layer of the loss less its share of the net; together the loss less the net.
    const borne = (role: string) => layered.parts.find((p) => p.role === role)!.borneFen;
    const books = {
      bank: layered.lossBaseFen - paidFen.get('guarantor')! - paidFen.get('pool')! - shares.get('银行')!,
      guarantor: paidFen.get('guarantor')! - paidFen.get('re_guarantor')! - shares.get('担保机构')!,
      re_guarantor: paidFen.get('re_guarantor')! - shares.get('再担保机构')!,
      pool: paidFen.get('pool')! - shares.get('风险补偿资金池')!,
    };
    expect(books.bank + books.guarantor + books.re_guarantor + books.pool).toBe(layered.lossBaseFen - netFen);
    expect(books.bank).toBe(borne('bank') - shares.get('银行')!);
    expect(books.guarantor).toBe(borne('guarantor') - shares.get('担保机构')!);
    for (const fen of Object.values(books)) expect(fen).toBeGreaterThanOrEqual(0n);
    await shot(approver, 'default-workout-distributed');

    // The case page keeps the same books: each party's net loss, together the loss base less the net, to the fen.
    await openCase(clerk);
    const bookRows = clerk.getByTestId('claim-party-books').locator('.ant-table-tbody tr.ant-table-row');
    await expect.poll(() => bookRows.count(), { timeout: 20_000 }).toBe(4);
    const shown = new Map<string, bigint>();
    for (const row of await bookRows.all()) {
      const cells = await row.locator('td').allTextContents();
      shown.set(cells[0]!, fenOf(cells[6]!));
    }
    expect(Object.fromEntries(shown)).toEqual({
      银行: books.bank,
      担保机构: books.guarantor,
      再担保机构: books.re_guarantor,
      风险补偿资金池: books.pool,
    });
    expect(fenOf((await clerk.getByTestId('claim-party-books-total').textContent()) ?? '')).toBe(
      layered.lossBaseFen - netFen,
    );
    await shot(clerk, 'default-workout-books');

    // The paid claims now show the proceeds shared back on their pages (the payer's view).
    const guarantorClaim = await openClaim('guarantor1.user', claims.get('guarantor')!.number);
    expect(fenOf(await termOf(guarantorClaim, '已返还追偿款'))).toBe(shares.get('担保机构'));
    await guarantorClaim.close();
    await approver.close();
    await clerk.close();
  });

  it('the clerk closes the disposition (pledge cancelled, patent to the buyer); the approver writes the rest off', async () => {
    const clerk = await platform.pageOf('bank01.clerk');
    await clerk.goto(`${platform.url}/dispositions/${encodeURIComponent(dispositionId)}`);
    await settle(clerk);
    await clerk.getByRole('button', { name: '处置结案' }).click();
    const dialog = clerk.getByRole('dialog');
    await dialog.waitFor();
    await dialog.locator('#buyerName').fill(BUYER);
    await dialog.locator('#note').fill('著录项目变更通知书 BG-2026-0901');
    await dialog.getByRole('button', { name: /^提\s*交$/ }).click();
    await dialog.waitFor({ state: 'hidden', timeout: 20_000 });
    const terms = clerk.locator('.ant-card').first();
    await expect.poll(async () => terms.textContent(), { timeout: 20_000 }).toContain('已结案');
    const cancelled = terms
      .locator('.ant-descriptions-item')
      .filter({ hasText: '质押登记已注销' })
      .locator('.ant-descriptions-item-content');
    expect(await cancelled.textContent()).toBe('是');
    await shot(clerk, 'default-workout-closed');
    await clerk.close();

    const approver = await platform.pageOf('bank01.approver');
    await openCase(approver);
    await approver.getByRole('button', { name: '核销剩余损失' }).click();
    await expect
      .poll(async () => approver.getByTestId('case-timeline').textContent(), { timeout: 20_000 })
      .toContain('核销');
    await approver.close();
  });

  it('the case timeline shows every claim, approval, payment and disposition step, in Chinese', async () => {
    const page = await platform.pageOf('bank01.clerk');
    await openCase(page);
    const items = await page.getByTestId('case-timeline').locator('.ant-timeline-item').allTextContents();
    const count = (label: string) => items.filter((i) => i.includes(label)).length;
    expect(count('认定不良')).toBeGreaterThanOrEqual(1);
    // Three claims, each filed, reviewed, approved and paid, each step naming its kind.
    for (const label of ['发起代偿/补偿', '理赔受理审查', '理赔核定', '代偿/理赔/补偿支付']) {
      expect(count(label), label).toBe(3);
      for (const kind of ['担保代偿', '再担保分担', '资金池补偿'])
        expect(
          items.filter((i) => i.includes(label) && i.includes(kind)),
          `${label} ${kind}`,
        ).toHaveLength(1);
    }
    for (const { number } of claims.values())
      expect(
        items.some((i) => i.includes(number)),
        number,
      ).toBe(true);
    for (const label of [
      '启动处置',
      '处置立案',
      '选择处置方式',
      '开始处置',
      '登记处置款',
      '处置款分配',
      '处置结案',
      '核销',
    ])
      expect(count(label), label).toBeGreaterThanOrEqual(1);
    expect(count('登记处置费用')).toBe(3);
    // Reasons in words: the path, cost and proceeds kinds, not their codes.
    const text = items.join('\n');
    for (const code of [
      'auction_fee',
      'evaluation',
      'legal',
      'disposition_opened',
      'disposition_distributed',
    ])
      expect(text).not.toContain(code);
    for (const words of [
      '评估费',
      '拍卖佣金',
      '律师及诉讼费',
      '挂牌拍卖',
      '拍卖成交价',
      '按固定比例分配处置款',
      '已转移至受让方',
    ])
      expect(text, words).toContain(`原因：${words}`);
    expect(await page.locator('body').textContent()).toContain(caseNumber);
    await shot(page, 'default-workout-timeline');
    await page.close();
  });
});
