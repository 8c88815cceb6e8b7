import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseYuan } from '@ipf/domain/money';
import { createTestApp, type TestApp, type TestSession } from './testing/create-test-app.ts';
import { prepareDefaultedCases } from './testing/defaulted-cases.ts';

type Problem = { code: string };
type Disposition = {
  id: string;
  status: string;
  path: string | null;
  controlledAccount: string | null;
  distribution: { role: string; weightBps: number }[];
  distributedYuan: string;
  distributions: {
    sequence: number;
    netProceedsYuan: string;
    shares: { role: string; amountYuan: string }[];
  }[];
};

describe('disposition by reverse licence: royalties into the bank-controlled account, distributed round by round', () => {
  let t: TestApp;
  let caseId: string;
  let clerk: TestSession;
  let approver: TestSession;
  let guarantor: TestSession;
  let id: string;
  const api = (session: TestSession, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: session.headers, ...(payload === undefined ? {} : { payload }) });

  beforeAll(async () => {
    t = await createTestApp();
    const defaulted = await prepareDefaultedCases(t, 1);
    caseId = defaulted.caseIds[0]!;
    clerk = await defaulted.login('bank01.clerk');
    approver = await defaulted.login('bank01.approver');
    guarantor = await defaulted.login('guarantor1.user');
  }, 300_000);
  afterAll(async () => t.close());

  it('only the bank clerk opens it; without a paid claim the ratios follow the agreement’s layers', async () => {
    expect((await api(guarantor, 'POST', `/api/cases/${caseId}/disposition`, {})).statusCode).toBe(403);
    expect((await api(approver, 'POST', `/api/cases/${caseId}/disposition`, {})).statusCode).toBe(403);
    const bad = await api(clerk, 'POST', `/api/cases/${caseId}/disposition`, {
      distribution: [{ partyId: caseId, weightBps: 10000 }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<Problem>().code).toBe('DISPOSITION_DISTRIBUTION_INVALID');
    const res = await api(clerk, 'POST', `/api/cases/${caseId}/disposition`, {
      appraisedValueYuan: '2000000.00',
    });
    expect(res.statusCode, res.body).toBe(201);
    const opened = res.json<Disposition>();
    id = opened.id;
    // Pool : bank = 1 : 1 of the bank's loss (the pool layer fixed at disbursement).
    expect(Object.fromEntries(opened.distribution.map((d) => [d.role, d.weightBps]))).toEqual({
      pool: 5000,
      bank: 5000,
    });
  });

  it('notes the ratios on the case timeline by the parties’ names, at opening and when changed before disposal', async () => {
    const notes = async (reasonCode: string) =>
      (await api(clerk, 'GET', `/api/cases/${caseId}`))
        .json<{ events: { reasonCode: string | null; note: string | null }[] }>()
        .events.filter((e) => e.reasonCode === reasonCode)
        .map((e) => e.note);
    expect(await notes('disposition_opened')).toContain(
      '启动处置，分配比例固定：风险补偿资金池 50.00%，银行 50.00%；评估价值 2000000.00 元',
    );

    const { distribution } = (await api(clerk, 'GET', `/api/dispositions/${id}`)).json<{
      distribution: { role: string; partyId: string; weightBps: number }[];
    }>();
    const put = (weights: Record<string, number>) =>
      api(clerk, 'PUT', `/api/dispositions/${id}/distribution`, {
        distribution: distribution.map((d) => ({ partyId: d.partyId, weightBps: weights[d.role] })),
      });
    expect((await put({ pool: 4050, bank: 5950 })).statusCode).toBe(200);
    expect((await put({ pool: 5000, bank: 5000 })).statusCode).toBe(200);
    expect((await notes('distribution_changed')).sort()).toEqual([
      '处置开始前调整分配比例：风险补偿资金池 40.50%，银行 59.50%',
      '处置开始前调整分配比例：风险补偿资金池 50.00%，银行 50.00%',
    ]);
  });

  it('refuses proceeds before the disposal has started (DISPOSITION_TRANSITION_NOT_ALLOWED)', async () => {
    const early = await api(clerk, 'POST', `/api/dispositions/${id}/proceeds`, {
      kind: 'royalty',
      amountYuan: '1000.00',
      reference: 'R-0',
    });
    expect(early.statusCode).toBe(409);
    expect(early.json<Problem>().code).toBe('DISPOSITION_TRANSITION_NOT_ALLOWED');
  });

  it('records royalty instalments and distributes each round; a reference counts once', async () => {
    const chosen = await api(clerk, 'POST', `/api/dispositions/${id}/path`, {
      path: 'reverse_licence',
      counterpartyName: '出质企业（被许可方）',
      controlledAccount: '4000 0231 0900 1234 567',
      start: true,
    });
    expect(chosen.json<Disposition>()).toMatchObject({
      status: 'in_progress',
      path: 'reverse_licence',
      controlledAccount: '4000 0231 0900 1234 567',
    });
    const royalty = (reference: string, amountYuan: string) =>
      api(clerk, 'POST', `/api/dispositions/${id}/proceeds`, { kind: 'royalty', amountYuan, reference });
    expect((await royalty('R-2026-07', '30000.01')).statusCode).toBe(200);
    const twice = await royalty('R-2026-07', '30000.01');
    expect(twice.json<Problem>().code).toBe('DISPOSITION_PROCEEDS_REFERENCE_DUPLICATE');
    expect((await api(approver, 'POST', `/api/dispositions/${id}/distribution`)).statusCode).toBe(200);
    const nothing = await api(approver, 'POST', `/api/dispositions/${id}/distribution`);
    expect(nothing.statusCode).toBe(409);

    expect((await royalty('R-2026-08', '20000.00')).statusCode).toBe(200);
    const second = await api(approver, 'POST', `/api/dispositions/${id}/distribution`);
    expect(second.statusCode, second.body).toBe(200);
    const done = second.json<Disposition>();
    expect(done.distributions.map((r) => [r.sequence, r.netProceedsYuan])).toEqual([
      [1, '30000.01'],
      [2, '20000.00'],
    ]);
    for (const round of done.distributions) {
      const total = round.shares.reduce((sum, s) => sum + parseYuan(s.amountYuan), 0n);
      expect(total).toBe(parseYuan(round.netProceedsYuan));
    }
    expect(done.distributedYuan).toBe('50000.01');
    expect(done.distributions[0]!.shares.map((s) => [s.role, s.amountYuan])).toEqual([
      ['pool', '15000.01'],
      ['bank', '15000.00'],
    ]);
  });

  it('closes by releasing the pledge: the registration is cancelled (注销) and the patent stays with the pledgor, unflagged', async () => {
    const { assets } = (await api(clerk, 'GET', `/api/cases/${caseId}`)).json<{
      assets: { assetId: string }[];
    }>();
    const assetUrl = `/api/ip-assets/${assets[0]!.assetId}`;
    type Asset = {
      owners: { enterpriseId: string | null; name: string; shareBps: number }[];
      flags: string[];
      statusHistory: { reason: string }[];
    };
    const before = (await api(clerk, 'GET', assetUrl)).json<Asset>();

    const closed = await api(clerk, 'POST', `/api/dispositions/${id}/closing`, {});
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json<{ status: string; registrationCancelled: boolean }>()).toMatchObject({
      status: 'closed',
      registrationCancelled: true,
    });
    const registrations = (await api(clerk, 'GET', `/api/cases/${caseId}/registrations`)).json<
      { state: string }[]
    >();
    expect(registrations.map((r) => r.state)).toEqual(['cancelled']);
    const after = (await api(clerk, 'GET', assetUrl)).json<Asset>();
    expect(after.owners).toEqual(before.owners);
    expect(after.flags).not.toContain('pledged');
    expect(after.statusHistory.map((e) => e.reason)).toContain('pledge_released');
    const detail = (await api(clerk, 'GET', `/api/cases/${caseId}`)).json<{
      events: { action: string; reasonCode: string | null; note: string | null }[];
    }>();
    expect(detail.events.at(-1)).toMatchObject({ action: 'close_disposition', reasonCode: 'released' });
    expect(detail.events.at(-1)!.note).toContain('已解除质押返还出质人');
  });
});
