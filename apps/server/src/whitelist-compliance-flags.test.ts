import { randomUUID } from 'node:crypto';
import { and, eq, notInArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables } from '@ipf/db';
import { createTestApp, type TestApp } from './testing/create-test-app.ts';
import { datedSessions } from './testing/dated-sessions.ts';
import { demoOrganisationOf } from './testing/demo-organisation-of.ts';
import { releasedWhitelistRound, type ReleasedWhitelistRound } from './testing/released-whitelist-round.ts';

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

/**
 * Issue 10 item 4, compliance flags: the city bureau records and clears them (coded refusals, audited), the
 * enterprise sees its own and a bank none; a whitelist built today leaves out an enterprise with a flag holding
 * today (recorded, or a default on the platform's ledger) with reason COMPLIANCE_FLAG, keeps one whose flag was
 * cleared or lies in another date window, and a bank never learns a flag's kind, before or after the push.
 * The round goes through its use cases (testing/released-whitelist-round.ts), released to one bank, which grades
 * six of the enterprises A (ent001 and five of its district); the rest of the release stays out ungraded.
 */
describe('compliance flags and the whitelist (issue 10 item 4)', () => {
  let t: TestApp;
  const sessions = datedSessions(() => t);
  let round: ReleasedWhitelistRound;
  let roundId: string;
  let bankId: string;
  /** Every enterprise of the round's release to the bank (released or suppressed): the whitelist covers them all. */
  let memberCount: number;
  let entOwn: string; // ent001: an active flag recorded through the API
  let clearedOne: string; // flag recorded, then cleared
  let futureOne: string; // flag effective only from tomorrow
  let pastOne: string; // flag that held in 2025 only
  let defaulted: string; // a written-off case on the platform's ledger
  let clean: string;
  let entOwnUscc: string;
  let entOwnName: string;
  let entOwnDistrict: string;

  const post = (login: string, url: string, payload: object) => sessions.api(login, 'POST', url, payload);
  const get = (login: string, url: string) => sessions.api(login, 'GET', url);

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.deps.db;
    const { enterprises, users } = tables;
    round = await releasedWhitelistRound(t, sessions, {
      title: '合规标记测试轮次',
      bankLogins: ['bank01.hq'],
      joiningLogins: ['ent001'],
    });
    roundId = round.roundId;
    bankId = round.bankIds[0]!;
    memberCount = round.membersOf.get(bankId)!.length;
    const [bureauUser] = await db.select().from(users).where(eq(users.login, 'bureau.city'));
    const unit = demoOrganisationOf('bank01.clerk');
    entOwn = demoOrganisationOf('ent001');
    expect(round.isReleasedToAll(entOwn)).toBe(true);
    const [own] = await db.select().from(enterprises).where(eq(enterprises.organisationId, entOwn));
    entOwnUscc = own!.uscc;
    entOwnName = own!.name;
    entOwnDistrict = own!.district;
    // Five more enterprises of ent001's district released to the bank, without any demo flag.
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
      .orderBy(enterprises.organisationId);
    [clearedOne, futureOne, pastOne, defaulted, clean] = others
      .map((o) => o.id)
      .filter(round.isReleasedToAll)
      .slice(0, 5) as [string, string, string, string, string];
    const ids = [entOwn, clearedOne, futureOne, pastOne, defaulted, clean];
    expect(new Set(ids).size).toBe(6);
    // The bank grades all six A (uploaded by pseudonym), so a flag alone keeps one out.
    await round.uploadGrades(bankId, new Map(ids.map((id) => [id, 'A'])));

    const now = t.clock.now();
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
    // The six graded enterprises, four in; every other member of the release stays out ungraded (NO_GRADE).
    expect(built.json()).toMatchObject({ graded: 6, included: 4, excluded: memberCount - 4 });
    const entries = await round.entriesOf(bankId);
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
