import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMonthlyWhitelistPush, systemActor } from '@ipf/app';
import { decryptField } from '../../../packages/app/src/crypto/field-encryption.ts';
import type { WhitelistConversion } from '@ipf/contracts';
import { tables } from '@ipf/db';
import { WHITELIST_PROGRAMME_SCOPE } from '@ipf/domain/whitelist-round';
import { createTestApp, type TestApp } from './testing/create-test-app.ts';
import { datedSessions } from './testing/dated-sessions.ts';
import { demoOrganisationOf } from './testing/demo-organisation-of.ts';
import {
  GRADE_B_WHITELIST_RULES,
  releasedWhitelistRound,
  type ReleasedWhitelistRound,
} from './testing/released-whitelist-round.ts';

type Lead = {
  id: string;
  bankId: string;
  enterpriseId: string;
  enterpriseName: string;
  uscc: string;
  contactName: string | null;
  contactPhone: string | null;
  caseId: string;
  status: string;
  followUpOverdue: boolean;
  bankNameZh: string;
};

/**
 * The round goes through its own use cases over HTTP: ent001 joins the programme, the bureau creates a round of
 * March 2026 for the first two banks' head offices, opens and releases it (every enterprise in the programme, each
 * bank under its own pseudonyms, k = 5), and each bank uploads grades by pseudonym for eight of the released
 * enterprises (ent001 and seven of 南山); the whitelist, push, tracking and statistics run on that.
 */
describe('whitelist rules, push, lead tracking and reverse evaluation (issue 10 items 4–6)', () => {
  let t: TestApp;
  const sessions = datedSessions(() => t);
  const { api, setDate } = sessions;
  let round: ReleasedWhitelistRound;
  let roundId: string;
  let bank1: string;
  let bank2: string;
  let enterpriseIds: string[];
  let entOwn: string; // the enterprise of login ent001
  /** Every enterprise of the round's release to bank 1 (released or suppressed): the whitelist covers them all. */
  let memberCount: number;
  const grades1 = new Map<string, string>();
  const grades2 = new Map<string, string>();

  beforeAll(async () => {
    t = await createTestApp();
    round = await releasedWhitelistRound(t, sessions, {
      title: '测试轮次',
      bankLogins: ['bank01.hq', 'bank02.hq'],
      joiningLogins: ['ent001'],
    });
    roundId = round.roundId;
    [bank1, bank2] = round.bankIds as [string, string];
    entOwn = demoOrganisationOf('ent001');
    memberCount = round.membersOf.get(bank1)!.length;
    expect(round.isReleasedToAll(entOwn)).toBe(true);
    const { enterprises } = tables;
    const nanshan = await t.deps.db
      .select({ id: enterprises.organisationId })
      .from(enterprises)
      .where(and(eq(enterprises.district, 'nanshan'), sql`${enterprises.organisationId} <> ${entOwn}`))
      .orderBy(enterprises.organisationId);
    enterpriseIds = [
      entOwn,
      ...nanshan
        .map((n) => n.id)
        .filter(round.isReleasedToAll)
        .slice(0, 7),
    ];
    expect(enterpriseIds).toHaveLength(8);

    // Bank 1 grades: A, B, C, D, A, B, none, A; bank 2: B for the first four only (uploaded by pseudonym).
    const g1 = ['A', 'B', 'C', 'D', 'A', 'B', null, 'A'];
    const g2 = ['B', 'B', 'B', 'B', null, null, null, null];
    for (const [bankId, grades, gradeMap] of [
      [bank1, g1, grades1],
      [bank2, g2, grades2],
    ] as const) {
      for (const [i, enterpriseId] of enterpriseIds.entries()) {
        const grade = grades[i];
        if (grade !== null && grade !== undefined) gradeMap.set(enterpriseId, grade);
      }
      await round.uploadGrades(bankId, gradeMap);
    }
  }, 900_000);

  afterAll(async () => {
    await t?.close();
  });

  const rulesBody = GRADE_B_WHITELIST_RULES;

  it('the bureau publishes versioned rules; a bank reads them but may not publish', async () => {
    const refused = await api('bank01.clerk', 'POST', '/api/whitelist-rules', rulesBody);
    expect(refused.statusCode).toBe(403);
    const published = await api('bureau.city', 'POST', '/api/whitelist-rules', {
      ...rulesBody,
      note: '测试规则',
    });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json<{ version: number }>().version).toBe(1);
    const list = await api('bank01.clerk', 'GET', '/api/whitelist-rules');
    expect(list.json<{ version: number; inEffect: boolean }[]>()).toEqual([
      expect.objectContaining({ version: 1, inEffect: true }),
    ]);
  });

  it('builds each bank whitelist from its grades under the rules: grade B or better in, the rest out with reasons', async () => {
    for (const [bankId, grades] of [
      [bank1, grades1],
      [bank2, grades2],
    ] as const) {
      const built = await api('bureau.city', 'POST', '/api/whitelist-builds', { roundId, bankId });
      expect(built.statusCode, built.body).toBe(200);
      const expected = [...grades.values()].filter((g) => g === 'A' || g === 'B').length;
      expect(built.json()).toMatchObject({
        included: expected,
        excluded: memberCount - expected,
        ruleSetVersion: 1,
      });
    }
    const all = await round.entriesOf(bank1);
    expect(all).toHaveLength(memberCount);
    // The members the bank did not grade stay out for that reason alone.
    const others = all.filter((e) => !enterpriseIds.includes(e.enterpriseId));
    expect(others.every((e) => !e.included && e.reasons.includes('NO_GRADE'))).toBe(true);
    const items = all.filter((e) => enterpriseIds.includes(e.enterpriseId));
    expect(items).toHaveLength(8);
    for (const item of items) {
      const grade = grades1.get(item.enterpriseId);
      expect(item.included).toBe(grade === 'A' || grade === 'B');
      if (grade === undefined) expect(item.reasons).toEqual(['NO_GRADE']);
      if (grade === 'C' || grade === 'D') expect(item.reasons).toEqual(['GRADE_BELOW_MINIMUM']);
      if (grade === 'A') expect(item.creditBandLowYuan).toBe('3000000.00');
    }
  });

  it('before the push a bank sees nothing: no entries, no leads', async () => {
    const entries = await api(
      'bank01.hq',
      'GET',
      `/api/whitelist-entries?roundId=${roundId}&bankId=${bank1}`,
    );
    expect(entries.statusCode).toBe(403);
    const leads = await api('bank01.hq', 'GET', '/api/whitelist-leads');
    expect(leads.json<{ total: number }>().total).toBe(0);
  });

  it('a push reveals names, USCC and contacts to that bank only, as leads on its ledger; the enterprise sees the bank', async () => {
    const pushed = await api('bureau.city', 'POST', '/api/whitelist-pushes', { roundId, bankId: bank1 });
    expect(pushed.statusCode, pushed.body).toBe(200);
    const included = [...grades1.entries()].filter(([, g]) => g === 'A' || g === 'B').map(([id]) => id);
    expect(pushed.json()).toMatchObject({ trigger: 'on_demand', entryCount: included.length });

    const leads = (await api('bank01.hq', 'GET', '/api/whitelist-leads?pageSize=50')).json<{
      items: Lead[];
    }>().items;
    expect(leads.map((l) => l.enterpriseId).sort()).toEqual([...included].sort());
    const records = await t.deps.db
      .select()
      .from(tables.enterprises)
      .where(inArray(tables.enterprises.organisationId, included));
    for (const lead of leads) {
      const record = records.find((r) => r.organisationId === lead.enterpriseId)!;
      expect(lead).toMatchObject({
        enterpriseName: record.name,
        uscc: record.uscc,
        contactName: decryptField(record.contactNameEnc, t.deps.dataKey),
        contactPhone: decryptField(record.contactPhoneEnc, t.deps.dataKey),
        status: 'pushed',
      });
    }
    // The other bank sees none of them: no lead, no case, no enterprise record.
    const other = await api('bank02.hq', 'GET', '/api/whitelist-leads');
    expect(other.json<{ total: number }>().total).toBe(0);
    const otherCase = await api('bank02.hq', 'GET', `/api/cases/${leads[0]!.caseId}`);
    expect(otherCase.statusCode).toBe(404);

    // Leads on the bank's ledger with source whitelist_push, and the customer relationship.
    const cases = await t.deps.db
      .select()
      .from(tables.financingCases)
      .where(
        inArray(
          tables.financingCases.id,
          leads.map((l) => l.caseId),
        ),
      );
    expect(
      cases.every((c) => c.state === 'lead' && c.leadSource === 'whitelist_push' && c.bankId === bank1),
    ).toBe(true);
    const own = await api('bank01.hq', 'GET', `/api/cases/${leads[0]!.caseId}`);
    expect(own.statusCode).toBe(200);
    const links = await t.deps.db
      .select()
      .from(tables.customerLinks)
      .where(
        and(
          inArray(tables.customerLinks.enterpriseId, included),
          eq(tables.customerLinks.source, 'whitelist_push'),
        ),
      );
    expect(new Set(links.map((l) => l.enterpriseId))).toEqual(new Set(included));

    // ent001 was graded A by bank 1 and B by bank 2: before bank 2's push it sees bank 1 only, without contacts.
    const mine = (await api('ent001', 'GET', '/api/whitelist-leads')).json<{ items: Lead[] }>().items;
    expect(mine.map((l) => l.bankId)).toEqual([bank1]);
    expect(mine[0]!.contactName).toBeNull();
  });

  it('the monthly push runs from the configured day, once per round × bank × month', async () => {
    const notYet = await runMonthlyWhitelistPush({ dayOfMonth: 5 }, systemActor('test'), t.deps);
    expect(notYet).toMatchObject({ date: '2026-03-02', due: false, pushes: [] });
    const first = await runMonthlyWhitelistPush({ dayOfMonth: 1 }, systemActor('test'), t.deps);
    const byBank = new Map(first.pushes.map((p) => [p.bankId, p.entryCount]));
    expect(byBank.get(bank2)).toBe(4); // bank 2's four B grades, never pushed before
    expect(byBank.get(bank1)).toBe(0); // bank 1's whitelist went out on demand already
    const again = await runMonthlyWhitelistPush({ dayOfMonth: 1 }, systemActor('test'), t.deps);
    expect(again.pushes).toEqual([]);
    const [count] = await t.deps.db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(tables.whitelistPushes)
      .where(
        and(eq(tables.whitelistPushes.roundId, roundId), eq(tables.whitelistPushes.trigger, 'schedule')),
      );
    expect(count!.n).toBe(2);
    const mine = (await api('ent001', 'GET', '/api/whitelist-leads')).json<{ items: Lead[] }>().items;
    expect(new Set(mine.map((l) => l.bankId))).toEqual(new Set([bank1, bank2]));
  });

  it('tracks pushed → contacted → applied → approved/declined → disbursed with follow-up flags; statistics equal an independent count', async () => {
    const leads = (await api('bureau.city', 'GET', '/api/whitelist-leads?pageSize=50')).json<{
      items: Lead[];
    }>().items;
    expect(leads).toHaveLength(9);
    const bank1Leads = leads.filter((l) => l.bankId === bank1);
    const contact = await api('bank01.hq', 'POST', `/api/whitelist-leads/${bank1Leads[0]!.id}/contact`, {
      note: '电话联系，企业有意向',
    });
    expect(contact.statusCode, contact.body).toBe(200);
    expect(contact.json<Lead>().status).toBe('contacted');
    const twice = await api('bank01.hq', 'POST', `/api/whitelist-leads/${bank1Leads[0]!.id}/contact`, {});
    expect(twice.json<{ code: string }>().code).toBe('WHITELIST_LEAD_ALREADY_CONTACTED');
    const foreign = await api(
      'bank01.hq',
      'POST',
      `/api/whitelist-leads/${leads.find((l) => l.bankId === bank2)!.id}/contact`,
      {},
    );
    expect(foreign.statusCode).toBe(404);

    // The ledger moves on (its own use cases are tested elsewhere): set the cases' states as they would reach.
    const setState = (caseId: string, state: string) =>
      t.deps.db.update(tables.financingCases).set({ state }).where(eq(tables.financingCases.id, caseId));
    await setState(bank1Leads[1]!.caseId, 'credit_rated');
    await setState(bank1Leads[2]!.caseId, 'declined');
    await setState(bank1Leads[3]!.caseId, 'repaying');
    const bank2Leads = leads.filter((l) => l.bankId === bank2);
    await setState(bank2Leads[0]!.caseId, 'contracted');

    setDate('2026-03-22'); // 20 days on, past 10 working days (the sessions log in again)
    const tracked = (await api('bureau.city', 'GET', '/api/whitelist-leads?pageSize=50')).json<{
      items: Lead[];
    }>().items;
    const statusOf = new Map(tracked.map((l) => [l.id, l]));
    expect(statusOf.get(bank1Leads[0]!.id)).toMatchObject({ status: 'contacted', followUpOverdue: false });
    expect(statusOf.get(bank1Leads[1]!.id)).toMatchObject({ status: 'applied', followUpOverdue: false });
    expect(statusOf.get(bank1Leads[2]!.id)!.status).toBe('declined');
    expect(statusOf.get(bank1Leads[3]!.id)!.status).toBe('disbursed');
    expect(statusOf.get(bank2Leads[0]!.id)!.status).toBe('approved');
    expect(statusOf.get(bank2Leads[1]!.id)).toMatchObject({ status: 'pushed', followUpOverdue: true });
    const overdueOnly = await api(
      'bureau.city',
      'GET',
      '/api/whitelist-leads?followUpOverdue=true&pageSize=50',
    );
    expect(overdueOnly.json<{ total: number }>().total).toBe(
      tracked.filter((l) => l.status === 'pushed').length,
    );

    const stats = (
      await api('bureau.city', 'GET', `/api/whitelist-conversion?roundId=${roundId}`)
    ).json<WhitelistConversion>();
    // Independently, in SQL over the push entries and the cases' states.
    const independent = await t.deps.db.execute(sql`
      select p.bank_id::text as bank, e.district,
        count(*)::int as pushed,
        count(*) filter (where p.contacted_at is not null or c.state <> 'lead')::int as contacted,
        count(*) filter (where c.state <> 'lead')::int as applied,
        count(*) filter (where c.state in ('approved','contracted','registration_pending','registered','registration_refused','disbursed','repaying','closed'))::int as approved,
        count(*) filter (where c.state in ('declined','withdrawn'))::int as declined,
        count(*) filter (where c.state in ('disbursed','repaying','closed'))::int as disbursed,
        count(*) filter (where c.state = 'lead' and p.contacted_at is null)::int as overdue
      from whitelist_push_entries p
      join financing_cases c on c.id = p.case_id
      join enterprises e on e.organisation_id = p.enterprise_id
      where p.round_id = ${roundId}
      group by p.bank_id, e.district`);
    const rows = (independent as { rows: Record<string, string | number>[] }).rows;
    const sum = (filter: (r: Record<string, string | number>) => boolean, key: string) =>
      rows.filter(filter).reduce((s, r) => s + Number(r[key]), 0);
    const keys = ['pushed', 'contacted', 'applied', 'approved', 'declined', 'disbursed'] as const;
    for (const bankRow of stats.byBank)
      for (const key of keys)
        expect(bankRow[key], `${bankRow.key} ${key}`).toBe(sum((r) => r.bank === bankRow.key, key));
    for (const districtRow of stats.byDistrict)
      for (const key of keys) expect(districtRow[key]).toBe(sum((r) => r.district === districtRow.key, key));
    expect(stats.total.pushed).toBe(9);
    expect(stats.total.followUpOverdue).toBe(sum(() => true, 'overdue'));
    const bankStats = await api('bank01.hq', 'GET', '/api/whitelist-conversion');
    expect(bankStats.statusCode).toBe(403);
  });

  it('reverse evaluation: refused, naming the enterprise, without a valid consent; with one, a citable report only that bank reads', async () => {
    const { consents, organisations, enterprises } = tables;
    const [clerkUnit] = await t.deps.db
      .select({ path: organisations.path })
      .from(organisations)
      .innerJoin(tables.memberships, eq(tables.memberships.organisationId, organisations.id))
      .innerJoin(tables.users, eq(tables.users.id, tables.memberships.userId))
      .where(eq(tables.users.login, 'bank01.clerk'));
    const [clerkUnitId] = await t.deps.db
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.path, clerkUnit!.path));
    // ent002 authorises the clerk's sub-branch (我的授权) for the evaluation.
    const granted = await api('ent002', 'POST', '/api/consents', {
      recipientId: clerkUnitId!.id,
      scope: 'ip_assets',
      purpose: '反向评估',
      expiresOn: '2027-12-31',
    });
    expect(granted.statusCode, granted.body).toBe(201);
    const today = new Date(t.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const consented = await t.deps.db
      .selectDistinct({ id: enterprises.organisationId, uscc: enterprises.uscc, name: enterprises.name })
      .from(consents)
      .innerJoin(organisations, eq(organisations.id, consents.recipientId))
      .innerJoin(enterprises, eq(enterprises.organisationId, consents.enterpriseId))
      .where(
        and(
          sql`${organisations.path} like ${`${clerkUnit!.path}%`}`,
          sql`${consents.revokedAt} is null`,
          sql`${consents.expiresOn} >= ${today}`,
          sql`${consents.scope} <> ${WHITELIST_PROGRAMME_SCOPE}`,
        ),
      )
      .limit(1);
    expect(consented).toHaveLength(1);
    const [withoutConsent] = await t.deps.db
      .select({ uscc: enterprises.uscc, name: enterprises.name })
      .from(enterprises)
      .where(
        sql`not exists (select 1 from consents c join organisations o on o.id = c.recipient_id
              where c.enterprise_id = ${enterprises.organisationId} and o.path like ${`${clerkUnit!.path}%`})`,
      )
      .limit(1);

    const refused = await api('bank01.clerk', 'POST', '/api/reverse-evaluations', {
      usccs: [consented[0]!.uscc, withoutConsent!.uscc],
    });
    expect(refused.statusCode).toBe(422);
    const problem = refused.json<{
      code: string;
      detail: string;
      problems: { field: string; code: string }[];
    }>();
    expect(problem.code).toBe('REVERSE_EVALUATION_CONSENT_MISSING');
    expect(problem.detail).toContain(withoutConsent!.name);
    expect(problem.problems).toEqual([
      expect.objectContaining({ field: 'usccs[1]', code: 'REVERSE_EVALUATION_CONSENT_MISSING' }),
    ]);
    const [none] = await t.deps.db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(tables.reverseEvaluationRequests);
    expect(none!.n).toBe(0);

    const created = await api('bank01.clerk', 'POST', '/api/reverse-evaluations', {
      usccs: [consented[0]!.uscc],
      note: '授信审批前评估',
    });
    expect(created.statusCode, created.body).toBe(200);
    const request = created.json<{
      reports: {
        id: string;
        reportNumber: string;
        content: { enterprise: { uscc: string }; riskFlags: string[]; ipRecord: { assetCount: number } };
      }[];
    }>();
    expect(request.reports).toHaveLength(1);
    const report = request.reports[0]!;
    expect(report.content.enterprise.uscc).toBe(consented[0]!.uscc);
    expect(report.reportNumber).toMatch(/^FXPG-\d{8}-[0-9A-F]{6}-001$/);

    const read = await api('bank01.hq', 'GET', `/api/reverse-evaluation-reports/${report.id}`);
    expect(read.statusCode).toBe(200);
    const otherBank = await api('bank02.hq', 'GET', `/api/reverse-evaluation-reports/${report.id}`);
    expect(otherBank.statusCode).toBe(404);
    const bureau = await api('bureau.city', 'GET', '/api/reverse-evaluations');
    expect(bureau.json<unknown[]>()).toHaveLength(1);
  });
});
