import { and, eq, gte, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths } from '@ipf/domain/calendar';
import { createTestDatabase, tables, type DatabaseHandle } from '@ipf/db';
import { chainedAuditWriter } from '../audit/audit-writer.ts';
import type { AppDeps } from '../deps.ts';
import { runRegistryAvmBatch } from '../valuation/run-avm-batch.ts';
import type { ValuationAssetInput } from '../valuation/valuation-input.ts';
import { seedDemoData } from './seed-demo-data.ts';
import { seedDemoValuations } from './seed-demo-valuations.ts';

const TODAY = '2026-03-02';

describe('demo valuations: about 300 valuations on record by the demo users, within what each may value', () => {
  let handle: DatabaseHandle;
  let deps: AppDeps;

  beforeAll(async () => {
    handle = await createTestDatabase({});
    deps = {
      db: handle.db,
      clock: { now: () => new Date(`${TODAY}T02:00:00.000Z`) },
      audit: chainedAuditWriter,
      log: { info: () => undefined, warn: () => undefined, error: () => undefined },
      dataKey: Buffer.alloc(32, 7),
      demoSeed: 'demo-valuations-test',
      sessionTtlMinutes: 60,
    };
    await seedDemoData(deps);
  }, 600_000);
  afterAll(async () => handle.close());

  it('records every kind, each by the organisation allowed to make it', async () => {
    const rows = await deps.db
      .select({ valuation: tables.valuations, organisationKind: tables.organisations.kind })
      .from(tables.valuations)
      .innerJoin(tables.organisations, eq(tables.organisations.id, tables.valuations.organisationId));
    expect(rows.length).toBeGreaterThanOrEqual(250);
    expect(rows.length).toBeLessThanOrEqual(320);
    const byKind = new Map<string, number>();
    for (const { valuation, organisationKind } of rows) {
      byKind.set(valuation.kind, (byKind.get(valuation.kind) ?? 0) + 1);
      if (valuation.kind === 'pre_assessment') {
        expect(organisationKind).toBe('enterprise');
        expect(valuation.organisationId).toBe(valuation.enterpriseId);
      }
      if (valuation.kind === 'internal_evaluation') expect(organisationKind).toBe('bank');
      if (valuation.kind === 'formal_report') expect(organisationKind).toBe('evaluation_firm');
      expect(valuation.valueFen).toBeGreaterThan(0n);
    }
    expect(byKind.get('pre_assessment')).toBeGreaterThan(50);
    expect(byKind.get('internal_evaluation')).toBeGreaterThan(50);
    expect(byKind.get('formal_report')).toBeGreaterThanOrEqual(10);
  });

  it('has each formal report signed by two certified valuers of the admitted firm, for a consenting enterprise', async () => {
    const reports = await deps.db
      .select()
      .from(tables.valuations)
      .where(eq(tables.valuations.kind, 'formal_report'));
    for (const report of reports) {
      const [admission] = await deps.db
        .select()
        .from(tables.evaluatorAdmissions)
        .where(
          and(
            eq(tables.evaluatorAdmissions.organisationId, report.organisationId),
            eq(tables.evaluatorAdmissions.state, 'admitted'),
          ),
        );
      expect(report.valuers).toHaveLength(2);
      const certified = new Set(admission!.certifiedValuers.map((v) => v.certificateNumber));
      for (const v of report.valuers) expect(certified.has(v.certificateNumber)).toBe(true);
      expect(report.reportNumber).toMatch(/^深评报字/);
      expect(report.signedOn! >= report.valuationDate).toBe(true);
      const consents = await deps.db
        .select()
        .from(tables.consents)
        .where(
          and(
            eq(tables.consents.enterpriseId, report.enterpriseId),
            eq(tables.consents.recipientId, report.organisationId),
            isNull(tables.consents.revokedAt),
            gte(tables.consents.expiresOn, TODAY),
          ),
        );
      expect(consents.length).toBeGreaterThan(0);
    }
  });

  it('dates every valuation within the last 12 months, valid for 12 months, with plausible income inputs', async () => {
    const rows = await deps.db.select().from(tables.valuations);
    const yearAgo = addMonths(TODAY, -12);
    let patentsWithFacts = 0;
    for (const v of rows) {
      expect(v.valuationDate >= yearAgo && v.valuationDate <= TODAY).toBe(true);
      expect(v.validUntil).toBe(addDays(addMonths(v.valuationDate, 12), -1));
      const assets = (v.inputs as { assets: ValuationAssetInput[] }).assets;
      for (const a of assets) {
        const income = a.income!;
        expect(income.revenueForecastYuan.length).toBeGreaterThanOrEqual(3);
        expect(income.revenueForecastYuan.length).toBeLessThanOrEqual(5);
        const first = Number(income.revenueForecastYuan[0]);
        expect(first).toBeGreaterThanOrEqual(500_000);
        expect(first).toBeLessThanOrEqual(20_000_000);
        expect(Number(income.royaltyRatePct)).toBeGreaterThanOrEqual(2);
        expect(Number(income.royaltyRatePct)).toBeLessThan(8);
        if (a.facts !== undefined) {
          patentsWithFacts += 1;
          expect(a.facts.annualRevenueYuan).toBe(income.revenueForecastYuan[0]);
        }
      }
    }
    expect(patentsWithFacts).toBeGreaterThan(100);
  });

  it('gives the batch AVM revenue to value patents with, and seeds nothing a second time', async () => {
    const batch = await runRegistryAvmBatch({}, deps);
    expect(batch.revenueKnownCount).toBeGreaterThan(100);
    expect(Number(batch.totalValueYuan)).toBeGreaterThan(0);
    expect(await seedDemoValuations(deps)).toEqual({ seeded: false, valuations: 0, consents: 0 });
  });
});
