import { and, asc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseActionCodes, caseStateCodes, caseTransitions } from '@ipf/domain/ledger';
import { calculateClaimEntitlement, type ClaimRole } from '@ipf/domain/risk-sharing';
import { createTestDatabase, tables, type DatabaseHandle } from '@ipf/db';
import { chainedAuditWriter } from '../audit/audit-writer.ts';
import type { AppDeps } from '../deps.ts';
import { seedDemoData } from './seed-demo-data.ts';
import { fromStoredAgreement } from '../risk-sharing/risk-sharing-views.ts';
import { seedDemoLedger, type SeedDemoLedgerResult } from './seed-demo-ledger.ts';

/** Two cases per resting state, driven through the real use cases on dates before 2026-03-02. */
const PER_STATE = 2;

describe('demo ledger: every state of states.md reached by the real use cases', () => {
  let handle: DatabaseHandle;
  let deps: AppDeps;
  let result: Pick<SeedDemoLedgerResult, 'cases' | 'byState'>;

  beforeAll(async () => {
    handle = await createTestDatabase({});
    deps = {
      db: handle.db,
      clock: { now: () => new Date('2026-03-02T02:00:00.000Z') },
      audit: chainedAuditWriter,
      log: { info: () => undefined, warn: () => undefined, error: () => undefined },
      dataKey: Buffer.alloc(32, 7),
      demoSeed: 'demo-ledger-test',
      sessionTtlMinutes: 60,
    };
    await seedDemoData(deps, 1, { cases: PER_STATE * caseStateCodes.length });
    const [seeded] = await deps.db
      .select({ after: tables.auditEvents.after })
      .from(tables.auditEvents)
      .where(eq(tables.auditEvents.action, 'demo.ledger_seeded'));
    result = seeded!.after as SeedDemoLedgerResult;
  }, 600_000);
  afterAll(async () => handle.close());

  it('rests as many cases as planned in every state of states.md', () => {
    expect(result.cases).toBe(PER_STATE * caseStateCodes.length);
    expect(result.byState).toEqual(Object.fromEntries(caseStateCodes.map((s) => [s, PER_STATE])));
  });

  it('has every case timeline follow the transition table, and every state of states.md on some timeline', async () => {
    const events = await deps.db
      .select()
      .from(tables.caseEvents)
      .orderBy(asc(tables.caseEvents.caseId), asc(tables.caseEvents.occurredAt), asc(tables.caseEvents.seq));
    const rows = new Set(caseTransitions.map((t) => `${t.from}:${t.action}:${t.to}`));
    const actionCodes = new Set<string>(caseActionCodes);
    const bad: string[] = [];
    const byCase = new Map<string, typeof events>();
    for (const e of events) byCase.set(e.caseId, [...(byCase.get(e.caseId) ?? []), e]);
    for (const [caseId, list] of byCase) {
      const [first, ...rest] = list;
      // A case starts as a lead or an application (from nothing), then each event continues from the last state.
      if (first!.fromState !== null) bad.push(`${caseId} starts from ${first!.fromState}`);
      let state = first!.toState;
      for (const e of rest) {
        if (e.fromState !== state) bad.push(`${caseId}: ${e.action} from ${e.fromState} after ${state}`);
        // A step of a claim or a disposition is noted on the timeline without being a case action; it keeps the state.
        // So does every claim after the first (`file_claim` moves the case only from non_performing).
        const note = e.fromState === e.toState && (!actionCodes.has(e.action) || e.action === 'file_claim');
        if (!note && !rows.has(`${e.fromState}:${e.action}:${e.toState}`))
          bad.push(`${caseId}: ${e.fromState} -${e.action}-> ${e.toState} is not in the table`);
        state = e.toState;
      }
      const [current] = await deps.db
        .select({ state: tables.financingCases.state })
        .from(tables.financingCases)
        .where(eq(tables.financingCases.id, caseId));
      if (current!.state !== state) bad.push(`${caseId} is ${current!.state}, its timeline ends in ${state}`);
    }
    expect(bad).toEqual([]);
    const reached = new Set(events.map((e) => e.toState));
    expect(caseStateCodes.filter((s) => !reached.has(s))).toEqual([]);
  });

  it('has guaranteed and insured defaulted loans whose every claim was reviewed, approved by a second user of the payer and paid its layer to the fen', async () => {
    const { riskClaims, riskClaimPayments, riskSharingAgreements, memberships, financingCases } = tables;
    const layered = await deps.db
      .select({ id: financingCases.id, model: financingCases.combinedModel })
      .from(financingCases)
      .where(inArray(financingCases.combinedModel, ['plus_guarantee', 'plus_insurance']));
    expect(new Set(layered.map((c) => c.model))).toEqual(new Set(['plus_guarantee', 'plus_insurance']));
    const claims = await deps.db
      .select()
      .from(riskClaims)
      .where(
        inArray(
          riskClaims.caseId,
          layered.map((c) => c.id),
        ),
      );
    const roles = new Set(claims.map((c) => c.payerRole));
    for (const role of ['guarantor', 're_guarantor', 'insurer', 'pool']) expect(roles, role).toContain(role);
    const payments = await deps.db
      .select()
      .from(riskClaimPayments)
      .where(
        inArray(
          riskClaimPayments.claimId,
          claims.map((c) => c.id),
        ),
      );
    const memberOf = new Map(
      (await deps.db.select().from(memberships)).map((m) => [m.userId, m.organisationId]),
    );
    const bad: string[] = [];
    for (const claim of claims) {
      const [stored] = await deps.db
        .select()
        .from(riskSharingAgreements)
        .where(eq(riskSharingAgreements.id, claim.agreementId));
      const entitled = calculateClaimEntitlement(
        fromStoredAgreement(stored!.agreement),
        { principalFen: claim.lossPrincipalFen, interestFen: claim.lossInterestFen },
        claim.payerRole as ClaimRole,
      ).amountFen;
      const paid = payments.filter((p) => p.claimId === claim.id).reduce((sum, p) => sum + p.amountFen, 0n);
      const label = `${claim.claimNumber} ${claim.payerRole}`;
      if (!['paid', 'recovered'].includes(claim.state)) bad.push(`${label} is ${claim.state}`);
      if (claim.claimedFen !== entitled) bad.push(`${label} claimed ${claim.claimedFen}, layer ${entitled}`);
      if (paid !== entitled) bad.push(`${label} paid ${paid}, layer ${entitled}`);
      const reviewer = claim.reviewedByUserId;
      const checker = claim.decidedByUserId;
      if (reviewer === null || checker === null || reviewer === checker)
        bad.push(`${label} not maker-checked`);
      if (memberOf.get(checker ?? '') !== claim.payerOrganisationId)
        bad.push(`${label} approved outside the payer`);
    }
    expect(bad).toEqual([]);
  });

  it('auctions one guaranteed loan: costs first, the net distributed to the fen, the pledge cancelled and the patent passed to the buyer', async () => {
    const { dispositionCases, dispositionDistributions, riskRecoveryShares, pledgeRegistrations } = tables;
    const [auction] = await deps.db
      .select()
      .from(dispositionCases)
      .where(eq(dispositionCases.path, 'auction'));
    expect(auction).toMatchObject({ state: 'closed', registrationCancelled: true });
    const rounds = await deps.db
      .select()
      .from(dispositionDistributions)
      .where(eq(dispositionDistributions.dispositionId, auction!.id));
    expect(rounds).toHaveLength(1);
    const [round] = rounds;
    expect(round!.costsPaidFen + round!.netProceedsFen).toBe(auction!.proceedsFen);
    expect(round!.costsPaidFen).toBe(2_500_000n);
    const shares = await deps.db
      .select()
      .from(riskRecoveryShares)
      .where(eq(riskRecoveryShares.distributionId, round!.id));
    expect(new Set(shares.map((s) => s.role))).toEqual(
      new Set(['bank', 'guarantor', 're_guarantor', 'pool']),
    );
    expect(shares.reduce((sum, s) => sum + s.amountFen, 0n)).toBe(round!.netProceedsFen);
    expect(auction!.distributedFen).toBe(round!.netProceedsFen);
    const registrations = await deps.db
      .select({ state: pledgeRegistrations.state })
      .from(pledgeRegistrations)
      .where(eq(pledgeRegistrations.caseId, auction!.caseId));
    expect(registrations.map((r) => r.state)).toEqual(['cancelled']);
    const [asset] = await deps.db
      .select({ assetId: tables.caseAssets.assetId })
      .from(tables.caseAssets)
      .where(eq(tables.caseAssets.caseId, auction!.caseId));
    const owners = await deps.db
      .select()
      .from(tables.ipAssetOwners)
      .where(eq(tables.ipAssetOwners.assetId, asset!.assetId));
    const [caseRow] = await deps.db
      .select({ enterpriseId: tables.financingCases.enterpriseId, state: tables.financingCases.state })
      .from(tables.financingCases)
      .where(eq(tables.financingCases.id, auction!.caseId));
    expect(caseRow!.state).toBe('written_off');
    expect(owners).toHaveLength(1);
    expect(owners[0]!.enterpriseId).not.toBeNull();
    expect(owners[0]!.enterpriseId).not.toBe(caseRow!.enterpriseId);
    expect(owners[0]!.shareBps).toBe(10_000);
  });

  it('names demo firm evaluator1 on every third formal report, so that it takes part in those cases', async () => {
    const [firm] = await deps.db
      .select({ organisationId: tables.memberships.organisationId, nameZh: tables.organisations.nameZh })
      .from(tables.memberships)
      .innerJoin(tables.users, eq(tables.users.id, tables.memberships.userId))
      .innerJoin(tables.organisations, eq(tables.organisations.id, tables.memberships.organisationId))
      .where(eq(tables.users.login, 'evaluator1'));
    const assigned = await deps.db
      .select({ caseId: tables.caseParticipants.caseId })
      .from(tables.caseParticipants)
      .where(eq(tables.caseParticipants.role, 'evaluator'));
    expect(assigned.length).toBeGreaterThan(0);
    const valueSteps = await deps.db
      .select({ caseId: tables.caseEvaluations.caseId, evaluatorName: tables.caseEvaluations.evaluatorName })
      .from(tables.caseEvaluations)
      .where(
        and(
          eq(tables.caseEvaluations.step, 'value'),
          inArray(
            tables.caseEvaluations.caseId,
            assigned.map((a) => a.caseId),
          ),
        ),
      );
    const participants = await deps.db
      .select()
      .from(tables.caseParticipants)
      .where(eq(tables.caseParticipants.role, 'evaluator'));
    expect(new Set(participants.map((p) => p.organisationId))).toEqual(new Set([firm!.organisationId]));
    // Each such case's value step carries the firm's registered name; the firm is told of each case.
    expect(valueSteps.map((s) => s.caseId).sort()).toEqual(assigned.map((a) => a.caseId).sort());
    expect(new Set(valueSteps.map((s) => s.evaluatorName))).toEqual(new Set([firm!.nameZh]));
    const told = await deps.db
      .select({ link: tables.notifications.link })
      .from(tables.notifications)
      .where(eq(tables.notifications.kind, 'case_evaluator.assigned'));
    expect(told.map((n) => n.link).sort()).toEqual(
      assigned.map((a) => `/fee-payments?caseId=${a.caseId}`).sort(),
    );
  });

  it('does nothing on a second run', async () => {
    const again = await seedDemoLedger(deps, 40);
    expect(again.seeded).toBe(false);
  });
});
