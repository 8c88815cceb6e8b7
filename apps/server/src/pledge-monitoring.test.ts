import { calculatePatentCheckDigit } from '@ipf/domain/ip-asset';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestSession } from './testing/create-test-app.ts';
import { prepareRegisteredCases, type RegisteredCase } from './testing/registered-case.ts';

interface Alert {
  id: string;
  caseId: string;
  kind: string;
  severity: string;
  dueDate: string;
  state: string;
  resolvedBySystem: boolean;
  version: number;
}
interface Monitoring {
  registeredSecuredAmountYuan: string | null;
  feesAddedToSecuredAmountYuan: string;
  securedAmountYuan: string;
  feePayments: { amountYuan: string; addedToSecuredAmount: boolean }[];
  alerts: Alert[];
}
type AssetDetail = Record<string, unknown> & { flags: string[]; legalStatus: string; kind: string };

/** 押品贷后监测 over HTTP (issue 6 item 5), on cases registered through the real use cases on 2026-03-02. */
describe('post-loan monitoring of pledged IP', () => {
  let t: TestApp;
  let admin: TestSession;
  let otherBank: TestSession;
  let bureau: TestSession;
  let feeCase: RegisteredCase;
  let expiryCase: RegisteredCase;
  const api = (session: TestSession, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: session.headers, ...(payload === undefined ? {} : { payload }) });
  const scan = async (caseId?: string) => {
    const res = await api(admin, 'POST', '/api/pledge-monitoring/scans', {
      businessDate: '2026-03-02',
      ...(caseId === undefined ? {} : { caseId }),
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ raised: number; pledgesScanned: number }>();
  };
  const alertsOf = async (session: TestSession, caseId: string, query = '') => {
    const res = await api(session, 'GET', `/api/pledge-alerts?caseId=${caseId}&pageSize=200${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: Alert[]; total: number }>().items;
  };
  /** The enterprise corrects its own asset record (PUT keeps every other fact as it is). */
  const correctAsset = async (c: RegisteredCase, facts: Record<string, unknown>) => {
    const detail = (await api(c.enterprise, 'GET', `/api/ip-assets/${c.assetId}`)).json<AssetDetail>();
    const keep = [
      'number',
      'title',
      'filingDate',
      'grantDate',
      'annualFeePaidThrough',
      'ipcClasses',
      'niceClasses',
    ];
    const body: Record<string, unknown> = { kind: detail.kind };
    for (const key of keep) if (detail[key] !== undefined) body[key] = detail[key];
    const res = await api(c.enterprise, 'PUT', `/api/ip-assets/${c.assetId}`, { ...body, ...facts });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<AssetDetail>();
  };

  beforeAll(async () => {
    t = await createTestApp();
    const factory = await prepareRegisteredCases(t);
    feeCase = await factory.registeredCase();
    expiryCase = await factory.registeredCase();
    admin = await t.loginAs('admin');
    otherBank = await t.loginAs('bank02.clerk');
    bureau = await t.loginAs('bureau.city');
  }, 300_000);
  afterAll(async () => t.close());

  it('an annual fee coming due raises exactly one alert to the pledgee across two scans (and the daily job)', async () => {
    // Paid through 2026-04-30: the fee date 2026-05-01 is 60 days away, inside the 90-day reminder window.
    await correctAsset(feeCase, { annualFeePaidThrough: '2026-04-30' });
    await scan();
    await scan();
    const daily = await api(admin, 'POST', '/api/servicing/daily-runs', { businessDate: '2026-03-02' });
    expect(daily.statusCode, daily.body).toBe(200);
    const alerts = await alertsOf(feeCase.clerk, feeCase.caseId, '&kind=annual_fee_due');
    expect(alerts.map((a) => [a.kind, a.severity, a.dueDate, a.state])).toEqual([
      ['annual_fee_due', 'low', '2026-05-01', 'open'],
    ]);
  });

  it('court preservation raises a high-severity alert due five days after the order', async () => {
    const detail = (
      await api(feeCase.enterprise, 'GET', `/api/ip-assets/${feeCase.assetId}`)
    ).json<AssetDetail>();
    const changed = await api(feeCase.enterprise, 'POST', `/api/ip-assets/${feeCase.assetId}/status`, {
      legalStatus: detail.legalStatus,
      flags: [...detail.flags, 'court_preserved'],
      occurredOn: '2026-03-02',
      reason: 'court_order',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    await scan(feeCase.caseId);
    const [alert] = await alertsOf(feeCase.clerk, feeCase.caseId, '&kind=court_preserved');
    expect(alert).toMatchObject({ severity: 'high', dueDate: '2026-03-07', state: 'open' });
  });

  it('a right expiring before the maturity is flagged on the registered case before any disbursement', async () => {
    // The enterprise corrects its record to the right application (filed 2007-01-10): the patent now ends
    // 2027-01-09, before the debt's 2027-03-02, which registration would have refused (ground 6).
    const body = '200710012345';
    const corrected = await correctAsset(expiryCase, {
      number: `${body}.${calculatePatentCheckDigit(body)!}`,
      filingDate: '2007-01-10',
    });
    expect(corrected['expiryDate']).toBe('2027-01-09');
    await scan(expiryCase.caseId);
    const alerts = await alertsOf(expiryCase.clerk, expiryCase.caseId, '&kind=expiry_before_maturity');
    expect(alerts.map((a) => [a.severity, a.dueDate])).toEqual([['critical', '2027-01-09']]);
  });

  it('another bank sees none of these alerts; the city bureau reads them but may not handle them', async () => {
    for (const c of [feeCase, expiryCase]) {
      expect(await alertsOf(otherBank, c.caseId)).toEqual([]);
      expect((await api(otherBank, 'GET', `/api/cases/${c.caseId}/pledge-monitoring`)).statusCode).toBe(404);
    }
    const seen = await alertsOf(bureau, feeCase.caseId);
    expect(seen.length).toBeGreaterThanOrEqual(2);
    const refused = await api(bureau, 'POST', `/api/pledge-alerts/${seen[0]!.id}/acknowledgement`, {});
    expect(refused.statusCode).toBe(403);
    const foreign = await api(otherBank, 'POST', `/api/pledge-alerts/${seen[0]!.id}/acknowledgement`, {});
    expect(foreign.statusCode).toBe(404);
  });

  it('the pledgee acknowledges and then resolves an alert; a resolved alert is not raised again', async () => {
    const [alert] = await alertsOf(feeCase.clerk, feeCase.caseId, '&kind=court_preserved');
    const acknowledged = await api(feeCase.clerk, 'POST', `/api/pledge-alerts/${alert!.id}/acknowledgement`, {
      version: alert!.version,
    });
    expect(acknowledged.json<Alert>().state).toBe('acknowledged');
    const again = await api(feeCase.clerk, 'POST', `/api/pledge-alerts/${alert!.id}/acknowledgement`, {});
    expect(again.statusCode).toBe(409);
    const resolved = await api(feeCase.approver, 'POST', `/api/pledge-alerts/${alert!.id}/resolution`, {
      note: '已向法院提出执行异议',
    });
    expect(resolved.json<Alert>()).toMatchObject({ state: 'resolved', resolvedBySystem: false });
    expect((await scan(feeCase.caseId)).raised).toBe(0);
    expect(
      (await alertsOf(feeCase.clerk, feeCase.caseId, '&kind=court_preserved')).map((a) => a.state),
    ).toEqual(['resolved']);
  });

  it('a fee paid on the owner’s behalf is recorded, added to the secured amount when the contract secures it, and clears the fee alert', async () => {
    const paid = await api(feeCase.clerk, 'POST', `/api/cases/${feeCase.caseId}/fees-paid-on-behalf`, {
      assetId: feeCase.assetId,
      amountYuan: '1200.00',
      paidOn: '2026-03-02',
      feeYear: 20,
      paidThroughDate: '2027-04-30',
      reference: 'CNIPA-2026-0001',
    });
    expect(paid.statusCode, paid.body).toBe(200);
    expect(paid.json<Monitoring>()).toMatchObject({
      registeredSecuredAmountYuan: '1000000.00',
      feesAddedToSecuredAmountYuan: '1200.00',
      securedAmountYuan: '1001200.00',
    });
    const notSecured = await api(feeCase.clerk, 'POST', `/api/cases/${feeCase.caseId}/fees-paid-on-behalf`, {
      assetId: feeCase.assetId,
      amountYuan: '300.00',
      paidOn: '2026-03-02',
      feeYear: 19,
      paidThroughDate: '2026-04-30',
      addToSecuredAmount: false,
    });
    expect(notSecured.json<Monitoring>().securedAmountYuan).toBe('1001200.00');
    const twice = await api(feeCase.clerk, 'POST', `/api/cases/${feeCase.caseId}/fees-paid-on-behalf`, {
      assetId: feeCase.assetId,
      amountYuan: '1200.00',
      paidOn: '2026-03-02',
      feeYear: 20,
      paidThroughDate: '2027-04-30',
    });
    expect(twice.statusCode).toBe(409);
    const other = await api(feeCase.clerk, 'POST', `/api/cases/${feeCase.caseId}/fees-paid-on-behalf`, {
      assetId: expiryCase.assetId,
      amountYuan: '100.00',
      paidOn: '2026-03-02',
      feeYear: 20,
      paidThroughDate: '2027-04-30',
    });
    expect(other.json<{ code: string }>().code).toBe('ASSET_NOT_PLEDGED_BY_CASE');
    expect(
      (await api(bureau, 'POST', `/api/cases/${feeCase.caseId}/fees-paid-on-behalf`, {})).statusCode,
    ).toBe(403);

    await scan(feeCase.caseId);
    const fee = await alertsOf(feeCase.clerk, feeCase.caseId, '&kind=annual_fee_due');
    expect(fee.map((a) => [a.dueDate, a.state])).toEqual([['2026-05-01', 'resolved']]);
    const shown = (
      await api(bureau, 'GET', `/api/cases/${feeCase.caseId}/pledge-monitoring`)
    ).json<Monitoring>();
    expect(shown.securedAmountYuan).toBe('1001200.00');
    expect(shown.feePayments.map((p) => [p.amountYuan, p.addedToSecuredAmount])).toEqual([
      ['300.00', false],
      ['1200.00', true],
    ]);
  });
  it('a revaluation reminder comes 30 days before the valuation runs out and is resolved by a new valuation', async () => {
    // A year on: the clock moves to 2027-01-25 (Asia/Shanghai), 25 days before the report's validity ends.
    t.clock.advance(Date.parse('2027-01-25T02:00:00Z') - t.clock.now().getTime());
    admin = await t.loginAs('admin');
    const clerk = await t.loginAs('bank01.clerk');
    const res = await api(admin, 'POST', '/api/pledge-monitoring/scans', { businessDate: '2027-01-25' });
    expect(res.statusCode, res.body).toBe(200);
    const [reminder] = await alertsOf(clerk, expiryCase.caseId, '&kind=revaluation_due');
    expect(reminder).toMatchObject({ severity: 'medium', dueDate: '2027-02-19', state: 'open' });
    const revalued = await api(clerk, 'POST', `/api/cases/${expiryCase.caseId}/revaluations`, {
      basis: 'formal_report',
      evaluatorName: '中衡资产评估有限公司（演示）',
      valuationDate: '2027-01-20',
      validUntil: '2028-01-19',
      assetValues: [{ assetId: expiryCase.assetId, valueYuan: '4800000.00' }],
    });
    expect(revalued.statusCode, revalued.body).toBe(200);
    expect(
      revalued
        .json<Monitoring>()
        .alerts.filter((a) => a.kind === 'revaluation_due')
        .map((a) => a.state),
    ).toEqual(['resolved']);
    const again = await api(admin, 'POST', '/api/pledge-monitoring/scans', { businessDate: '2027-01-25' });
    expect(again.statusCode, again.body).toBe(200);
    expect((await alertsOf(clerk, expiryCase.caseId, '&kind=revaluation_due')).map((a) => a.state)).toEqual([
      'resolved',
    ]);
  });
});
