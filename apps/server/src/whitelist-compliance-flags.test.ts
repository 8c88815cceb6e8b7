import { randomUUID } from 'node:crypto';
import { and, eq, inArray, notInArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables } from '@ipf/db';
import { WHITELIST_PROGRAMME_SCOPE } from '@ipf/domain/whitelist-round';
import { createTestApp, type TestApp, type TestSession } from './testing/create-test-app.ts';

interface Flag {
  id: string;
  enterpriseId: string;
  district: string;
  kind: string;
  active: boolean;
  clearedOn: string | null;
  clearReason: string | null;
  recordedBy: string;
}
interface Entry {
  enterpriseId: string;
  included: boolean;
  reasons: string[];
  facts: { complianceFlags?: string[] };
}

/**
 * Issue 10 item 4, compliance flags: the city bureau records and clears them (coded refusals, audited), the
 * enterprise sees its own and a bank none; a whitelist built today leaves out an enterprise with a flag holding
 * today (recorded, or a default on the platform's ledger) with reason COMPLIANCE_FLAG, keeps one whose flag was
 * cleared or lies in another date window, and a bank never learns a flag's kind, before or after the push.
 * The round is written as data (as in whitelist-push.test.ts): one bank, six opted-in enterprises, all graded A.
 */
describe('compliance flags and the whitelist (issue 10 item 4)', () => {
  let t: TestApp;
  const sessions = new Map<string, TestSession>();
  const as = async (login: string) => {
    let session = sessions.get(login);
    if (session === undefined) {
      session = await t.loginAs(login);
      sessions.set(login, session);
    }
    return session.headers;
  };
  const roundId = randomUUID();
  let bankId: string;
  let entOwn: string; // ent001: an active flag recorded through the API
  let clearedOne: string; // flag recorded, then cleared
  let futureOne: string; // flag effective only from tomorrow
  let pastOne: string; // flag that held in 2025 only
  let defaulted: string; // a written-off case on the platform's ledger
  let clean: string;
  let entOwnUscc: string;
  let entOwnName: string;
  let entOwnDistrict: string;
  const pseudonymOf = new Map<string, string>();

  const post = async (login: string, url: string, payload: object) =>
    t.app.inject({ method: 'POST', url, headers: await as(login), payload });
  const get = async (login: string, url: string) =>
    t.app.inject({ method: 'GET', url, headers: await as(login) });

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.deps.db;
    const { organisations, enterprises, users, memberships } = tables;
    const orgId = async (login: string) => {
      const [row] = await db
        .select({ id: memberships.organisationId })
        .from(users)
        .innerJoin(memberships, eq(memberships.userId, users.id))
        .where(eq(users.login, login));
      return row!.id;
    };
    const [bureauUser] = await db.select().from(users).where(eq(users.login, 'bureau.city'));
    const bureauId = await orgId('bureau.city');
    const unit = await orgId('bank01.clerk');
    const [unitRow] = await db
      .select({ path: organisations.path })
      .from(organisations)
      .where(eq(organisations.id, unit));
    bankId = unitRow!.path.split('/')[1]!;
    entOwn = await orgId('ent001');
    const [own] = await db.select().from(enterprises).where(eq(enterprises.organisationId, entOwn));
    entOwnUscc = own!.uscc;
    entOwnName = own!.name;
    entOwnDistrict = own!.district;
    // Five more enterprises of ent001's district without any demo flag.
    const flagged = db.select({ id: tables.complianceFlags.enterpriseId }).from(tables.complianceFlags);
    const others = await db
      .select({ id: enterprises.organisationId })
      .from(enterprises)
      .where(
        and(
          eq(enterprises.district, own!.district),
          sql`${enterprises.organisationId} <> ${entOwn}`,
          notInArray(enterprises.organisationId, flagged),
        ),
      )
      .orderBy(enterprises.organisationId)
      .limit(5);
    [clearedOne, futureOne, pastOne, defaulted, clean] = others.map((o) => o.id) as [
      string,
      string,
      string,
      string,
      string,
    ];
    const ids = [entOwn, clearedOne, futureOne, pastOne, defaulted, clean];

    const now = t.clock.now();
    await db
      .update(tables.consents)
      .set({ revokedAt: now })
      .where(
        and(inArray(tables.consents.enterpriseId, ids), eq(tables.consents.scope, WHITELIST_PROGRAMME_SCOPE)),
      );
    await db.insert(tables.consents).values(
      ids.map((enterpriseId) => ({
        id: randomUUID(),
        enterpriseId,
        recipientId: bureauId,
        scope: WHITELIST_PROGRAMME_SCOPE,
        purpose: 'whitelist_programme',
        grantedAt: new Date(now.getTime() - 86_400_000),
        expiresOn: '2028-12-31',
      })),
    );
    await db.insert(tables.whitelistRounds).values({
      id: roundId,
      roundNumber: 'WL-2026-C01',
      title: '合规标记测试轮次',
      periodFrom: '2026-03-01',
      periodTo: '2026-03-31',
      k: 5,
      featureSet: ['district', 'validInventionPatents'],
      state: 'released',
      bureauOrganisationId: bureauId,
      createdByUserId: bureauUser!.id,
      createdAt: now,
      updatedAt: now,
    });
    await db.insert(tables.whitelistRoundBanks).values({
      id: randomUUID(),
      roundId,
      bankOrganisationId: bankId,
      pseudonymSecretEnc: 'test',
      addedByUserId: bureauUser!.id,
      addedAt: now,
    });
    const releaseId = randomUUID();
    await db.insert(tables.whitelistReleases).values({
      id: releaseId,
      roundId,
      bankOrganisationId: bankId,
      releasedAt: now,
      releasedByUserId: bureauUser!.id,
      k: 5,
      levels: {},
      suppressedCount: 0,
      smallestClass: 6,
      rowCount: 6,
      rows: [],
    });
    for (const [i, enterpriseId] of ids.entries()) {
      const pseudonym = `WL-C-${i}`;
      pseudonymOf.set(enterpriseId, pseudonym);
      await db.insert(tables.whitelistReleaseMembers).values({
        id: randomUUID(),
        releaseId,
        roundId,
        bankOrganisationId: bankId,
        pseudonym,
        enterpriseId,
        features: {},
        released: true,
      });
      await db.insert(tables.whitelistGrades).values({
        id: randomUUID(),
        roundId,
        bankOrganisationId: bankId,
        pseudonym,
        enterpriseId,
        grade: 'A',
        source: 'upload',
        sourceKey: 'upload',
        recordedByUserId: bureauUser!.id,
        recordedAt: now,
      });
    }
    // Flags outside today's window, as an import from the authorities' lists would write them.
    const flagRow = (enterpriseId: string, effectiveOn: string, clearedOn: string | null) => ({
      id: randomUUID(),
      enterpriseId,
      kind: 'ip_infringement',
      sourceAuthority: '深圳市中级人民法院',
      sourceReference: `（2025）粤03民初${effectiveOn}号`,
      effectiveOn,
      recordedByUserId: bureauUser!.id,
      recordedAt: now,
      clearedOn,
    });
    await db
      .insert(tables.complianceFlags)
      .values([flagRow(futureOne, '2026-03-03', null), flagRow(pastOne, '2025-01-01', '2025-06-01')]);
    // A case of the platform's ledger written off: a default, whatever the bureau recorded.
    await db.insert(tables.financingCases).values({
      id: randomUUID(),
      caseNumber: `C-TEST-${randomUUID().slice(0, 8)}`,
      enterpriseId: defaulted,
      bankUnitId: unit,
      bankId,
      state: 'written_off',
      origin: 'application',
      preparedByUserIds: [],
      stateEnteredAt: now,
      createdAt: now,
      updatedAt: now,
    });
    const [publisher] = await db.select({ id: users.id }).from(users).limit(1);
    await db.insert(tables.whitelistRuleSets).values({
      id: randomUUID(),
      version: 1,
      effectiveFrom: '2026-01-01',
      rules: {
        version: 'v1',
        effectiveFrom: '2026-01-01',
        minGrade: 'D',
        minValidInventionPatents: 0,
        minValuationScore: 0,
        excludeOverdue: false,
        creditBands: [{ grade: 'A', minScore: 0, bandWan: [100, 200] }],
      },
      publishedByUserId: publisher!.id,
      publishedAt: now,
    });
  }, 900_000);

  afterAll(async () => {
    await t?.close();
  });

  it('lets only the city bureau record a flag, with coded refusals for a derived kind, a future date or an unknown enterprise', async () => {
    const body = {
      enterpriseId: entOwn,
      kind: 'abnormal_operation',
      sourceAuthority: '深圳市市场监督管理局',
      sourceReference: '深市监经异〔2026〕12号',
      effectiveOn: '2026-02-20',
    };
    for (const login of ['bank01.clerk', 'ent001', 'bureau.nanshan'])
      expect((await post(login, '/api/compliance-flags', body)).statusCode).toBe(403);
    const derived = await post('bureau.city', '/api/compliance-flags', { ...body, kind: 'platform_default' });
    expect(derived.statusCode).toBe(422);
    expect(derived.json()).toMatchObject({ code: 'COMPLIANCE_FLAG_KIND_UNKNOWN' });
    const future = await post('bureau.city', '/api/compliance-flags', { ...body, effectiveOn: '2026-03-03' });
    expect(future.statusCode).toBe(422);
    expect(future.json()).toMatchObject({ code: 'COMPLIANCE_FLAG_DATE_IN_FUTURE' });
    const unknown = await post('bureau.city', '/api/compliance-flags', {
      ...body,
      enterpriseId: randomUUID(),
    });
    expect(unknown.json()).toMatchObject({ code: 'COMPLIANCE_FLAG_ENTERPRISE_UNKNOWN' });

    const recorded = await post('bureau.city', '/api/compliance-flags', body);
    expect(recorded.statusCode, recorded.body).toBe(201);
    expect(recorded.json<Flag>()).toMatchObject({
      enterpriseId: entOwn,
      kind: 'abnormal_operation',
      active: true,
      clearedOn: null,
      recordedBy: '市局知识产权金融处',
    });
    const audit = await t.deps.db
      .select({ action: tables.auditEvents.action })
      .from(tables.auditEvents)
      .where(eq(tables.auditEvents.entityId, recorded.json<Flag>().id));
    expect(audit.map((a) => a.action)).toEqual(['compliance_flag.recorded']);
  });

  it('clears a flag once, from a day after it took effect and not after today, with the reason on record', async () => {
    const recorded = await post('bureau.city', '/api/compliance-flags', {
      enterpriseId: clearedOne,
      kind: 'dishonest_debtor',
      sourceAuthority: '深圳市中级人民法院',
      sourceReference: '（2025）粤03执12号',
      effectiveOn: '2025-11-20',
    });
    const id = recorded.json<Flag>().id;
    const url = `/api/compliance-flags/${id}/clear`;
    expect((await post('bank01.clerk', url, { clearedOn: '2026-02-01', reason: '已履行' })).statusCode).toBe(
      403,
    );
    const early = await post('bureau.city', url, { clearedOn: '2025-11-20', reason: '已履行' });
    expect(early.json()).toMatchObject({ code: 'COMPLIANCE_FLAG_CLEARED_NOT_AFTER_EFFECTIVE' });
    const future = await post('bureau.city', url, { clearedOn: '2026-03-05', reason: '已履行' });
    expect(future.json()).toMatchObject({ code: 'COMPLIANCE_FLAG_DATE_IN_FUTURE' });
    const cleared = await post('bureau.city', url, {
      clearedOn: '2026-02-01',
      reason: '已全部履行，法院决定删除失信信息',
    });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json<Flag>()).toMatchObject({
      active: false,
      clearedOn: '2026-02-01',
      clearReason: '已全部履行，法院决定删除失信信息',
    });
    const again = await post('bureau.city', url, { clearedOn: '2026-02-02', reason: '重复' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'COMPLIANCE_FLAG_ALREADY_CLEARED' });
    expect(
      (
        await post('bureau.city', `/api/compliance-flags/${randomUUID()}/clear`, {
          clearedOn: '2026-02-01',
          reason: '查无此标记',
        })
      ).statusCode,
    ).toBe(404);
  });

  it('lists flags by name or USCC, kind and whether they hold today; the enterprise sees its own, a bank none', async () => {
    const page = async (login: string, query: string) => {
      const res = await get(login, `/api/compliance-flags?pageSize=200&${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ items: Flag[]; total: number }>();
    };
    const byUscc = await page('bureau.city', `search=${entOwnUscc.toLowerCase()}`);
    expect(byUscc.items.map((f) => f.enterpriseId)).toEqual([entOwn]);
    const byName = await page('bureau.city', `search=${encodeURIComponent(entOwnName)}`);
    expect(byName.items.map((f) => f.kind)).toEqual(['abnormal_operation']);
    const debtors = await page('bureau.city', 'kind=dishonest_debtor');
    expect(debtors.items.every((f) => f.kind === 'dishonest_debtor')).toBe(true);
    expect(debtors.items.map((f) => f.enterpriseId)).toContain(clearedOne);

    const all = await page('bureau.city', '');
    const active = await page('bureau.city', 'active=true');
    const inactive = await page('bureau.city', 'active=false');
    expect(active.total + inactive.total).toBe(all.total);
    expect(active.items.every((f) => f.active)).toBe(true);
    expect(inactive.items.some((f) => f.active)).toBe(false);
    const inactiveIds = inactive.items.map((f) => f.enterpriseId);
    for (const id of [clearedOne, futureOne, pastOne]) expect(inactiveIds).toContain(id);
    expect(active.items.map((f) => f.enterpriseId)).toContain(entOwn);

    const mine = await page('ent001', '');
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((f) => f.enterpriseId === entOwn)).toBe(true);
    // A district bureau reads its district's flags only.
    const district = await page(`bureau.${entOwnDistrict}`, '');
    expect(district.items.map((f) => f.enterpriseId)).toContain(entOwn);
    expect(district.items.every((f) => f.district === entOwnDistrict)).toBe(true);
    const elsewhere = await page(`bureau.${entOwnDistrict === 'futian' ? 'luohu' : 'futian'}`, '');
    expect(elsewhere.items.map((f) => f.enterpriseId)).not.toContain(entOwn);
    expect((await get('bank01.clerk', '/api/compliance-flags')).statusCode).toBe(403);
    expect((await get('bank01.hq', '/api/compliance-flags')).statusCode).toBe(403);
  });

  it('builds the whitelist without the flagged enterprises (COMPLIANCE_FLAG), keeping cleared and other-window flags', async () => {
    const built = await post('bureau.city', '/api/whitelist-builds', { roundId, bankId });
    expect(built.statusCode, built.body).toBe(200);
    expect(built.json()).toMatchObject({ graded: 6, included: 4, excluded: 2 });
    const entries = (
      await get('bureau.city', `/api/whitelist-entries?roundId=${roundId}&bankId=${bankId}&pageSize=50`)
    ).json<{ items: Entry[] }>().items;
    const of = (id: string) => entries.find((e) => e.enterpriseId === id)!;
    expect(of(entOwn)).toMatchObject({ included: false, reasons: ['COMPLIANCE_FLAG'] });
    expect(of(entOwn).facts.complianceFlags).toEqual(['abnormal_operation']);
    expect(of(defaulted)).toMatchObject({ included: false, reasons: ['COMPLIANCE_FLAG'] });
    expect(of(defaulted).facts.complianceFlags).toEqual(['platform_default']);
    for (const id of [clearedOne, futureOne, pastOne, clean]) {
      expect(of(id)).toMatchObject({ included: true, reasons: [] });
      expect(of(id).facts.complianceFlags).toEqual([]);
    }
  });

  it('never shows a bank the flag kind: not in its release, grades or entries before the push, nor in its leads after', async () => {
    const kinds = ['abnormal_operation', 'platform_default', 'COMPLIANCE_FLAG', 'complianceFlags'];
    const bankViews = [
      await get('bank01.hq', `/api/whitelist-rounds/${roundId}/banks/${bankId}/release?pageSize=200`),
      await get('bank01.hq', `/api/whitelist-rounds/${roundId}/banks/${bankId}/grades?pageSize=200`),
      await get('bank01.hq', `/api/whitelist-rounds/${roundId}`),
      await get('bank01.hq', `/api/whitelist-entries?roundId=${roundId}&bankId=${bankId}`),
      await get('bank01.hq', '/api/whitelist-leads?pageSize=50'),
    ];
    expect(bankViews[3]!.statusCode).toBe(403);
    for (const view of bankViews) for (const kind of kinds) expect(view.body).not.toContain(kind);

    const pushed = await post('bureau.city', '/api/whitelist-pushes', { roundId, bankId });
    expect(pushed.statusCode, pushed.body).toBe(200);
    const leads = await get('bank01.hq', '/api/whitelist-leads?pageSize=50');
    const leadIds = leads.json<{ items: { enterpriseId: string }[] }>().items.map((l) => l.enterpriseId);
    expect(leadIds.sort()).toEqual([clearedOne, futureOne, pastOne, clean].sort());
    for (const kind of kinds) expect(leads.body).not.toContain(kind);
  });
});
