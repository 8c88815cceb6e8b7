import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables } from '@ipf/db';
import { createTestApp, type TestApp, type TestSession } from './testing/create-test-app.ts';

// The test clock stands at 2026-03-02 (Asia/Shanghai): "within 24 months" ends on 2028-03-02.
interface Finding {
  code: string;
  params: Record<string, string | number>;
  message: string;
}
interface HealthCheck {
  enterprise: { id: string; name: string };
  assetCount: number;
  inForceCount: number;
  strengths: Finding[];
  risks: Finding[];
  recommendations: Finding[];
}

interface Fixture {
  number: string;
  kind?: string;
  expiryDate?: string;
  annualFeePaidThrough?: string | null;
  flags?: string[];
  coOwner?: string;
  legalStatus?: string;
}

describe('enterprise IP health check 体检', () => {
  let t: TestApp;
  let bureau: TestSession;
  let ent1: TestSession;
  let ent2: TestSession;
  let ent1Id: string;
  let ent2Id: string;

  const orgOf = async (login: string) => {
    const [row] = await t.handle.db
      .select({ id: tables.memberships.organisationId })
      .from(tables.memberships)
      .innerJoin(tables.users, eq(tables.users.id, tables.memberships.userId))
      .where(eq(tables.users.login, login));
    return row!.id;
  };

  /** Gives the enterprise exactly these assets: its demo assets pass to an off-platform owner of record. */
  const insertAssets = async (enterpriseId: string, fixtures: readonly Fixture[]) => {
    const now = t.clock.now();
    for (const f of fixtures) {
      const id = randomUUID();
      const kind = f.kind ?? 'invention_patent';
      await t.handle.db.insert(tables.ipAssets).values({
        id,
        kind,
        number: f.number,
        title: `体检测试资产 ${f.number}`,
        filingDate: '2020-01-01',
        grantDate: '2021-01-01',
        termFacts: { kind, filingDate: '2020-01-01' },
        expiryDate: f.expiryDate ?? '2040-01-01',
        baseExpiryDate: f.expiryDate ?? '2040-01-01',
        termBasis: 'test',
        legalStatus: f.legalStatus ?? (kind === 'trademark' ? 'registered' : 'granted'),
        flags: f.flags ?? [],
        annualFeePaidThrough: f.annualFeePaidThrough === undefined ? '2027-12-31' : f.annualFeePaidThrough,
        ipcClasses: kind === 'trademark' ? [] : ['G06F 16/00'],
        niceClasses: kind === 'trademark' ? [9] : [],
        similarMarkAssetIds: [],
        source: 'test',
        createdAt: now,
        updatedAt: now,
      });
      const [enterprise] = await t.handle.db
        .select({ name: tables.enterprises.name })
        .from(tables.enterprises)
        .where(eq(tables.enterprises.organisationId, enterpriseId));
      const owners = [{ enterpriseId, name: enterprise!.name }];
      if (f.coOwner !== undefined) owners.push({ enterpriseId: null as unknown as string, name: f.coOwner });
      for (const [position, owner] of owners.entries())
        await t.handle.db.insert(tables.ipAssetOwners).values({
          assetId: id,
          position,
          enterpriseId: owner.enterpriseId,
          name: owner.name,
          shareBps: owners.length === 1 ? 10000 : 5000,
        });
    }
  };

  const check = async (enterpriseId: string, session = bureau, language = 'zh-CN') => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/enterprises/${enterpriseId}/ip-health`,
      headers: { ...session.headers, 'accept-language': language },
    });
    expect(response.statusCode).toBe(200);
    return response.json<HealthCheck>();
  };
  const riskCodes = (health: HealthCheck) => [...new Set(health.risks.map((r) => r.code))].sort();

  beforeAll(async () => {
    t = await createTestApp();
    [bureau, ent1, ent2] = [
      await t.loginAs('bureau.city'),
      await t.loginAs('ent001'),
      await t.loginAs('ent002'),
    ];
    [ent1Id, ent2Id] = [await orgOf('ent001'), await orgOf('ent002')];
    await t.handle.db
      .update(tables.ipAssetOwners)
      .set({ enterpriseId: null })
      .where(inArray(tables.ipAssetOwners.enterpriseId, [ent1Id, ent2Id]));
    await insertAssets(ent1Id, [
      { number: 'HC-EXPIRING', expiryDate: '2027-06-01' },
      { number: 'HC-FEES', annualFeePaidThrough: '2026-01-01' },
      { number: 'HC-DISPUTE', kind: 'utility_model_patent', flags: ['invalidation_requested'] },
      { number: 'HC-COOWNED', kind: 'trademark', annualFeePaidThrough: null, coOwner: '深圳大学' },
      { number: 'HC-LAPSED', legalStatus: 'lapsed', expiryDate: '2026-06-01' },
    ]);
    await insertAssets(ent2Id, [{ number: 'HC-CLEAN-1' }, { number: 'HC-CLEAN-2' }]);
  });
  afterAll(async () => t.close());

  it('reports each risk for the asset that has it: expiry within 24 months, unpaid fee, invalidation, co-ownership', async () => {
    const health = await check(ent1Id, ent1);
    expect(health).toMatchObject({ assetCount: 5, inForceCount: 4 });
    expect(riskCodes(health)).toEqual([
      'RISK_CO_OWNED',
      'RISK_EXPIRING',
      'RISK_FEE_UNPAID',
      'RISK_INVALIDATION_OR_DISPUTE',
    ]);
    const numberOf = (code: string) =>
      health.risks.filter((r) => r.code === code).map((r) => r.params['number']);
    expect(numberOf('RISK_EXPIRING')).toEqual(['HC-EXPIRING']);
    expect(numberOf('RISK_FEE_UNPAID')).toEqual(['HC-FEES']);
    expect(numberOf('RISK_INVALIDATION_OR_DISPUTE')).toEqual(['HC-DISPUTE']);
    expect(numberOf('RISK_CO_OWNED')).toEqual(['HC-COOWNED']);
    expect(health.recommendations.map((r) => r.code)).toEqual([
      'REC_PAY_FEES',
      'REC_PLAN_RENEWAL_OR_REPLACEMENT',
      'REC_RESOLVE_DISPUTES',
      'REC_COLLECT_CONSENTS',
    ]);
    expect(health.risks.find((r) => r.code === 'RISK_FEE_UNPAID')!.message).toContain(
      '年费仅缴至 2026-01-01',
    );
  });

  it('reports concentration for fewer than three rights in force and none of the other risks without their cause', async () => {
    const health = await check(ent2Id);
    expect(riskCodes(health)).toEqual(['RISK_CONCENTRATION']);
    expect(health.recommendations.map((r) => r.code)).toEqual(['REC_BUILD_PORTFOLIO']);
    expect(health.strengths.map((s) => s.code)).toEqual(['STRENGTH_INVENTION_PATENTS', 'STRENGTH_LONG_TERM']);

    await insertAssets(ent2Id, [{ number: 'HC-CLEAN-3' }]);
    const diversified = await check(ent2Id, bureau, 'en');
    expect(diversified.risks).toEqual([]);
    expect(diversified.strengths[0]!.message).toBe(
      '3 invention patents in force: core collateral for IP pledge financing.',
    );
  });

  it('hides another enterprise’s health check (404), like one that does not exist', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/enterprises/${ent1Id}/ip-health`,
      headers: ent2.headers,
    });
    expect(response.statusCode).toBe(404);
  });

  // Needs Debian's poppler-utils (`pdftotext`), which .ci/run installs.
  it('renders the report as a Chinese PDF with the findings in its text', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/enterprises/${ent1Id}/ip-health/pdf`,
      headers: ent1.headers,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const pdf = response.rawPayload;
    expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8');
    const health = await check(ent1Id, ent1);
    expect(text).toContain('知识产权体检报告');
    expect(text).toContain(health.enterprise.name);
    expect(text).toContain('风险提示');
    expect(text).toContain('HC-EXPIRING');
    expect(text).toContain('年费仅缴至 2026-01-01');
    expect(text).toContain('共有权利');
  });
});
