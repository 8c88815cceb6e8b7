import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables } from '@ipf/db';
import { parseYuan } from '@ipf/domain/money';
import { createTestApp, type TestApp, type TestSession } from './testing/create-test-app.ts';
import { amendAgreement, prepareDefaultedCases } from './testing/defaulted-cases.ts';
import { demoOrganisationOf } from './testing/demo-organisation-of.ts';

type Projection = {
  loanCount: number;
  defaultedLossYuan: string;
  recoveryYuan: string;
  poolShortfallYuan: string;
  parties: {
    role: string;
    partyId: string;
    grossBorneYuan: string;
    recoveredYuan: string;
    netLossYuan: string;
    feeIncomeYuan: string;
    netResultYuan: string;
  }[];
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

  it('shows the guarantee fee and the premium each guarantor and insurer earns beside its losses, and the net result, to the fen', async () => {
    const guarantorOrg = demoOrganisationOf('guarantor1.user');
    const insurerOrg = demoOrganisationOf('insurer1.user');
    const userOf = async (login: string) =>
      (
        await t.deps.db
          .select({ id: tables.users.id })
          .from(tables.users)
          .where(eq(tables.users.login, login))
      )[0]!.id;
    const [first, second] = caseIds as [string, string];
    const [caseRow] = await t.deps.db
      .select()
      .from(tables.financingCases)
      .where(eq(tables.financingCases.id, second));
    const now = t.clock.now();
    // The guarantor bears 80% of the first loan's loss and earned 12,345.67 on it; a cancelled guarantee earns nothing.
    await amendAgreement(t, first, {
      lossBase: 'principal',
      guarantor: { party: guarantorOrg, shareBps: 8000n },
    });
    const guarantee = {
      guarantorId: guarantorOrg,
      guaranteedPrincipalFen: 100_000_000n,
      coveredShareBps: 8000,
      feeRateBps: 150,
      acceptedByUserId: await userOf('guarantor1.user'),
      createdAt: now,
      updatedAt: now,
    };
    await t.deps.db.insert(tables.guarantees).values([
      {
        ...guarantee,
        id: randomUUID(),
        caseId: first,
        contractNumber: 'WI-G-1',
        feeFen: 1_234_567n,
        state: 'active',
      },
    ]);
    // The insurer bears no layer of these losses but earned a premium of 8,000.01 on the second loan.
    await t.deps.db.insert(tables.insurancePolicies).values({
      id: randomUUID(),
      policyNumber: 'WI-P-1',
      kind: 'pledge_financing_guarantee',
      insurerId: insurerOrg,
      insuredId: caseRow!.bankId,
      policyholderId: caseRow!.enterpriseId,
      caseId: second,
      premiumFen: 800_001n,
      startDate: '2026-03-02',
      endDate: '2027-03-01',
      state: 'active',
      createdByUserId: await userOf('insurer1.user'),
      createdAt: now,
      updatedAt: now,
    });

    const projection = (
      await run(clerk, 'defaultRatePct=50&recoveryRatePct=10&lagMonths=0')
    ).json<Projection>();
    const guarantor = projection.parties.find((p) => p.partyId === guarantorOrg)!;
    expect(guarantor.role).toBe('guarantor');
    expect(guarantor.feeIncomeYuan).toBe('12345.67');
    expect(parseYuan(guarantor.netLossYuan)).toBeGreaterThan(0n);
    expect(parseYuan(guarantor.netResultYuan)).toBe(parseYuan('12345.67') - parseYuan(guarantor.netLossYuan));
    const insurer = projection.parties.find((p) => p.partyId === insurerOrg)!;
    expect(insurer).toMatchObject({
      role: 'insurer',
      grossBorneYuan: '0.00',
      netLossYuan: '0.00',
      feeIncomeYuan: '8000.01',
      netResultYuan: '8000.01',
    });
    // Banks and pools earn no fee here: their result is the loss itself, negated.
    for (const p of projection.parties.filter((p) => p.role === 'bank' || p.role === 'pool')) {
      expect(p.feeIncomeYuan).toBe('0.00');
      expect(parseYuan(p.netResultYuan)).toBe(-parseYuan(p.netLossYuan));
    }
    // Losses still add up without the income rows.
    const sum = projection.parties.reduce((total, p) => total + parseYuan(p.netLossYuan), 0n);
    expect(sum).toBe(parseYuan(projection.defaultedLossYuan) - parseYuan(projection.recoveryYuan));

    await t.deps.db
      .update(tables.guarantees)
      .set({ state: 'cancelled' })
      .where(eq(tables.guarantees.contractNumber, 'WI-G-1'));
    const afterCancel = (
      await run(clerk, 'defaultRatePct=50&recoveryRatePct=10&lagMonths=0')
    ).json<Projection>();
    expect(afterCancel.parties.find((p) => p.partyId === guarantorOrg)!.feeIncomeYuan).toBe('0.00');
  });

  it('refuses a rate above 100% (WHAT_IF_SCENARIO_INVALID)', async () => {
    const res = await run(clerk, 'defaultRatePct=150&recoveryRatePct=0&lagMonths=0');
    expect(res.statusCode).toBe(400);
    expect(res.json<{ code: string }>().code).toBe('WHAT_IF_SCENARIO_INVALID');
  });
});
