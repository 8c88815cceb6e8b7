import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideRiskClaim, type Actor } from '@ipf/app';
import { tables } from '@ipf/db';
import { parseYuan } from '@ipf/domain/money';
import { createTestApp, type TestApp, type TestSession } from './testing/create-test-app.ts';
import { createPayerChecker, prepareDefaultedCases } from './testing/defaulted-cases.ts';
import { demoOrganisationOf } from './testing/demo-organisation-of.ts';

type Claim = { id: string; payerOrganisationId: string; claimedYuan: string; state: string };

/**
 * No double payment under concurrency (issue 8 item 6): simultaneous filings, decisions and payments of one claim.
 * On PostgreSQL (DATABASE_URL) the requests run on separate connections and really race; PGlite is a single
 * connection whose transactions queue, so there the same assertions hold with fewer requests.
 */
describe('claims under concurrency: one claim, one decision and one payment of the same loss', () => {
  let t: TestApp;
  let caseId: string;
  let clerk: TestSession;
  let pool: TestSession;
  let checker: Actor;
  let claim: Claim;
  let racers: number;

  const api = (session: TestSession, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: session.headers, ...(payload === undefined ? {} : { payload }) });

  beforeAll(async () => {
    t = await createTestApp();
    racers = t.handle.kind === 'postgres' ? 20 : 5;
    const defaulted = await prepareDefaultedCases(t, 1);
    caseId = defaulted.caseIds[0]!;
    clerk = await t.loginAs('bank01.clerk');
  }, 300_000);
  afterAll(async () => t.close());

  it('lets exactly one of N simultaneous filings on the same case and payer through; the others are RISK_CLAIM_DUPLICATE', async () => {
    const results = await Promise.all(
      Array.from({ length: racers }, () =>
        api(clerk, 'POST', `/api/cases/${caseId}/risk-claims`, { payerRole: 'pool' }),
      ),
    );
    const created = results.filter((r) => r.statusCode === 201);
    expect(created).toHaveLength(1);
    for (const refused of results.filter((r) => r.statusCode !== 201)) {
      expect(refused.statusCode, refused.body).toBe(409);
      expect(refused.json<{ code: string }>().code).toBe('RISK_CLAIM_DUPLICATE');
    }
    const rows = await t.deps.db
      .select()
      .from(tables.riskClaims)
      .where(and(eq(tables.riskClaims.caseId, caseId), eq(tables.riskClaims.payerRole, 'pool')));
    expect(rows).toHaveLength(1);
    claim = created[0]!.json<Claim>();
    // The case moved to compensating exactly once.
    const events = (await api(clerk, 'GET', `/api/cases/${caseId}`)).json<{
      state: string;
      events: { action: string; fromState: string }[];
    }>();
    expect(events.state).toBe('compensating');
    expect(
      events.events.filter((e) => e.action === 'file_claim' && e.fromState === 'non_performing'),
    ).toHaveLength(1);
  });

  it('takes exactly one of N simultaneous approvals of the claim; the others find it decided', async () => {
    pool = await t.loginAs(
      claim.payerOrganisationId === demoOrganisationOf('pool.city') ? 'pool.city' : 'pool.pingshan',
    );
    checker = await createPayerChecker(t, claim.payerOrganisationId, 'pool_admin');
    expect((await api(pool, 'POST', `/api/risk-claims/${claim.id}/review`, {})).statusCode).toBe(200);
    const outcomes = await Promise.allSettled(
      Array.from({ length: racers }, () =>
        decideRiskClaim({ id: claim.id, decision: 'approve' }, checker, t.deps),
      ),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    for (const o of outcomes.filter((x) => x.status === 'rejected'))
      expect(o.reason).toMatchObject({ code: 'CLAIM_TRANSITION_NOT_ALLOWED' });
  });

  it('makes exactly one of N simultaneous payments of the claim and draws on the pool budget once', async () => {
    const [filing] = await t.deps.db
      .select()
      .from(tables.riskPoolFilings)
      .where(eq(tables.riskPoolFilings.caseId, caseId));
    const ofYear = and(
      eq(tables.riskPoolBudgets.poolId, filing!.poolId),
      eq(tables.riskPoolBudgets.year, 2026),
    );
    const [before] = await t.deps.db.select().from(tables.riskPoolBudgets).where(ofYear);

    const results = await Promise.all(
      Array.from({ length: racers }, (_, i) =>
        api(pool, 'POST', `/api/risk-claims/${claim.id}/payment`, { reference: `BC-RACE-${i}` }),
      ),
    );
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(1);
    for (const refused of results.filter((r) => r.statusCode !== 200)) {
      expect(refused.statusCode, refused.body).toBe(409);
      expect(refused.json<{ code: string }>().code).toBe('CLAIM_TRANSITION_NOT_ALLOWED');
    }
    const payments = await t.deps.db
      .select()
      .from(tables.riskClaimPayments)
      .where(eq(tables.riskClaimPayments.claimId, claim.id));
    expect(payments).toHaveLength(1);
    expect(payments[0]!.amountFen).toBe(parseYuan(claim.claimedYuan));
    const [after] = await t.deps.db.select().from(tables.riskPoolBudgets).where(ofYear);
    expect(after!.usedFen - before!.usedFen).toBe(parseYuan(claim.claimedYuan));
  });
});
