import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseActionCodes, caseStateCodes, caseTransitions } from '@ipf/domain/ledger';
import { createTestDatabase, tables, type DatabaseHandle } from '@ipf/db';
import { chainedAuditWriter } from '../audit/audit-writer.ts';
import type { AppDeps } from '../deps.ts';
import { seedDemoData } from './seed-demo-data.ts';
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
        const note = !actionCodes.has(e.action) && e.fromState === e.toState;
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

  it('does nothing on a second run', async () => {
    const again = await seedDemoLedger(deps, 40);
    expect(again.seeded).toBe(false);
  });
});
