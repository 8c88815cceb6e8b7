import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, tables, type DatabaseHandle } from '@ipf/db';
import { systemActor } from '../actor.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { chainedAuditWriter } from './audit-writer.ts';
import { verifyAuditChain } from './verify-audit-chain.ts';

describe('audit hash chain (SM3 over canonical JSON)', () => {
  let handle: DatabaseHandle;
  const actor = systemActor('test-request');
  const append = (n: number) =>
    runInTransaction(handle, (tx) =>
      chainedAuditWriter.append(
        tx,
        actor,
        {
          action: 'test.changed',
          entityType: 'test',
          entityId: `e${n}`,
          before: { n },
          after: { n: n + 1, amountFen: 10n ** 18n },
        },
        new Date(Date.UTC(2026, 0, 1, 0, 0, n)),
      ),
    );

  beforeAll(async () => {
    handle = await createTestDatabase();
    for (let n = 1; n <= 5; n += 1) await append(n);
  });
  afterAll(async () => handle.close());

  it('verifies an untouched chain and reports its length', async () => {
    await expect(verifyAuditChain(handle.db)).resolves.toMatchObject({ ok: true, events: 5 });
  });

  it('names the first broken link when a stored row is edited, and the chain heals when it is put back', async () => {
    const [original] = await handle.db
      .execute(sql`select after from audit_events where seq = 3`)
      .then((r) => (r as { rows: { after: unknown }[] }).rows);
    await handle.db.execute(sql`update audit_events set after = '{"n": 999}'::jsonb where seq = 3`);
    await expect(verifyAuditChain(handle.db)).resolves.toMatchObject({
      ok: false,
      brokenAtSeq: '3',
      reason: 'hash_mismatch',
    });
    await handle.db.execute(
      sql`update audit_events set after = ${JSON.stringify(original!.after)}::jsonb where seq = 3`,
    );
    await expect(verifyAuditChain(handle.db)).resolves.toMatchObject({ ok: true });
  });

  it("detects an edited row whose hash was recomputed, at the next row's link", async () => {
    await handle.db.execute(sql`update audit_events set hash = repeat('a', 64) where seq = 2`);
    await expect(verifyAuditChain(handle.db)).resolves.toMatchObject({
      ok: false,
      brokenAtSeq: '2',
      reason: 'hash_mismatch',
    });
    await handle.db.execute(sql`update audit_events set prev_hash = repeat('a', 64) where seq = 3`);
    const verdict = await verifyAuditChain(handle.db);
    expect(verdict).toMatchObject({ ok: false, brokenAtSeq: '2' });
  });
});

describe('audit chain under concurrent writers', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(async () => handle.close());

  it('never forks: 40 parallel transactions append 120 events into one unbroken sequence', async () => {
    const writer = async (w: number) => {
      for (let i = 0; i < 3; i += 1) {
        await runInTransaction(handle, async (tx) => {
          await tx
            .insert(tables.typeProbes)
            .values({ id: w * 10 + i, amountFen: BigInt(w), rateNumeric: '0' });
          await chainedAuditWriter.append(
            tx,
            systemActor(`w${w}`),
            { action: 'test.parallel', entityType: 'probe', entityId: `${w}-${i}`, after: { w, i } },
            new Date(),
          );
        });
      }
    };
    await Promise.all(Array.from({ length: 40 }, (_, w) => writer(w)));
    await expect(verifyAuditChain(handle.db)).resolves.toMatchObject({ ok: true, events: 120 });
    const rows = await handle.db.select({ prevHash: tables.auditEvents.prevHash }).from(tables.auditEvents);
    expect(new Set(rows.map((r) => r.prevHash)).size).toBe(120);
  });
});
