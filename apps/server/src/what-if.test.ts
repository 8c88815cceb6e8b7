import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseYuan } from '@ipf/domain/money';
import { createTestApp, type TestApp, type TestSession } from './testing/create-test-app.ts';
import { prepareDefaultedCases } from './testing/defaulted-cases.ts';

type Projection = {
  loanCount: number;
  defaultedLossYuan: string;
  recoveryYuan: string;
  poolShortfallYuan: string;
  parties: { role: string; grossBorneYuan: string; recoveredYuan: string; netLossYuan: string }[];
  poolBudgets: { remainingBeforeYuan: string; remainingAfterYuan: string }[];
  loans: { caseId: string }[];
};

describe('what-if: losses by party and the pools’ budgets left under a default scenario (issue 8 item 7)', () => {
  let t: TestApp;
  let clerk: TestSession;
  let otherBank: TestSession;
  let caseIds: string[];
  const run = (session: TestSession, query: string) =>
    t.app.inject({ method: 'GET', url: `/api/what-if?${query}`, headers: session.headers });

  beforeAll(async () => {
    t = await createTestApp();
    const defaulted = await prepareDefaultedCases(t, 2);
    caseIds = defaulted.caseIds;
    clerk = await defaulted.login('bank01.clerk');
    otherBank = await defaulted.login('bank02.clerk');
  }, 300_000);
  afterAll(async () => t.close());

  it('the parties’ net losses add up to the defaulted loss less the recovery, to the fen', async () => {
    const res = await run(clerk, 'defaultRatePct=37.5&recoveryRatePct=20&lagMonths=6');
    expect(res.statusCode, res.body).toBe(200);
    const projection = res.json<Projection>();
    expect(projection.loanCount).toBeGreaterThanOrEqual(2);
    expect(projection.loans.map((l) => l.caseId)).toEqual(expect.arrayContaining(caseIds));
    const sum = (pick: (p: Projection['parties'][number]) => string) =>
      projection.parties.reduce((total, p) => total + parseYuan(pick(p)), 0n);
    expect(sum((p) => p.grossBorneYuan)).toBe(parseYuan(projection.defaultedLossYuan));
    expect(sum((p) => p.recoveredYuan)).toBe(parseYuan(projection.recoveryYuan));
    expect(sum((p) => p.netLossYuan)).toBe(
      parseYuan(projection.defaultedLossYuan) - parseYuan(projection.recoveryYuan),
    );
    expect(projection.parties.map((p) => p.role)).toEqual(expect.arrayContaining(['bank', 'pool']));
    // A pool pays at most what is left of its budget; what it cannot pay stays with the bank.
    for (const budget of projection.poolBudgets)
      expect(parseYuan(budget.remainingAfterYuan)).toBeLessThanOrEqual(parseYuan(budget.remainingBeforeYuan));
  });

  it('a nil default rate projects no loss; another bank’s loans are not in its set', async () => {
    const none = (await run(clerk, 'defaultRatePct=0&recoveryRatePct=50&lagMonths=0')).json<Projection>();
    expect(none.defaultedLossYuan).toBe('0.00');
    expect(none.parties.every((p) => p.netLossYuan === '0.00')).toBe(true);
    const other = (
      await run(otherBank, 'defaultRatePct=10&recoveryRatePct=0&lagMonths=0')
    ).json<Projection>();
    expect(other.loans.map((l) => l.caseId)).not.toEqual(expect.arrayContaining([caseIds[0]]));
  });

  it('refuses a rate above 100% (WHAT_IF_SCENARIO_INVALID)', async () => {
    const res = await run(clerk, 'defaultRatePct=150&recoveryRatePct=0&lagMonths=0');
    expect(res.statusCode).toBe(400);
    expect(res.json<{ code: string }>().code).toBe('WHAT_IF_SCENARIO_INVALID');
  });
});
