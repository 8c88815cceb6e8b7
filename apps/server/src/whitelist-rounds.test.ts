import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addWhitelistRoundBank,
  createWhitelistRound,
  generateDemoParties,
  joinWhitelistProgramme,
  openWhitelistRound,
  releaseWhitelistRound,
  type Actor,
  type AppDeps,
} from '@ipf/app';
import type { DomainError } from '@ipf/domain/errors';
import { tables } from '@ipf/db';
import { createTestApp, TEST_DEMO_SEED, type TestApp, type TestSession } from './testing/create-test-app.ts';

type Round = {
  id: string;
  roundNumber: string;
  state: string;
  k: number;
  banks: {
    bankOrganisationId: string;
    release: { k: number; suppressedCount: number; smallestClass: number; rowCount: number } | null;
    scorecardsUsed: number;
  }[];
};
type ReleaseRow = {
  pseudonym: string;
  district: string;
  cluster: string;
  sizeClass: string;
  foundedYear: string;
  employees: string;
  features: Record<string, unknown>;
};
type Release = { rows: ReleaseRow[]; total: number; facts: { k: number; rowCount: number } };
type Problem = { code: string; field: string; message: string };

describe('whitelist rounds: consent, anonymised releases per bank, compute-to-data scorecards, grade upload', () => {
  let t: TestApp;
  let bureau: TestSession;
  let bankA: TestSession; // bank01 clerk: a sub-branch of the participating head office
  let bankB: TestSession; // bank02 head office approver
  let otherBank: TestSession; // bank03: not in the round
  let ent: TestSession;
  let roundId: string;
  const parties = generateDemoParties(TEST_DEMO_SEED);
  const headOffices = parties.organisations.filter((o) => o.kind === 'bank' && o.bankLevel === 'head_office');
  const bankAId = headOffices[0]!.id;
  const bankBId = headOffices[1]!.id;
  let enterprise1: string; // ent001: leaves before the release
  let enterprise2: string; // ent002: its consent expires before the release
  let enterprise3: string; // ent003: opted in on the release date

  const post = (s: TestSession, url: string, payload?: object) =>
    t.app.inject({ method: 'POST', url, headers: s.headers, ...(payload === undefined ? {} : { payload }) });
  const get = (s: TestSession, url: string) => t.app.inject({ method: 'GET', url, headers: s.headers });
  const releaseUrl = (bankId: string) => `/api/whitelist-rounds/${roundId}/banks/${bankId}`;
  async function allRows(s: TestSession, bankId: string): Promise<ReleaseRow[]> {
    const rows: ReleaseRow[] = [];
    for (let page = 1; ; page += 1) {
      const res = await get(s, `${releaseUrl(bankId)}/release?page=${page}&pageSize=200`);
      expect(res.statusCode).toBe(200);
      const body = res.json<Release>();
      rows.push(...body.rows);
      if (rows.length >= body.total) return rows;
    }
  }
  const members = (bankId: string) =>
    t.handle.db
      .select()
      .from(tables.whitelistReleaseMembers)
      .where(
        and(
          eq(tables.whitelistReleaseMembers.roundId, roundId),
          eq(tables.whitelistReleaseMembers.bankOrganisationId, bankId),
        ),
      );

  /** A demo login as the actor a session would resolve (for the use cases called directly). */
  async function demoActor(login: string): Promise<Actor> {
    const [row] = await t.handle.db
      .select({ user: tables.users, membership: tables.memberships, org: tables.organisations })
      .from(tables.users)
      .innerJoin(tables.memberships, eq(tables.memberships.userId, tables.users.id))
      .innerJoin(tables.organisations, eq(tables.organisations.id, tables.memberships.organisationId))
      .where(eq(tables.users.login, login));
    return {
      userId: row!.user.id,
      organisationId: row!.org.id,
      organisationKind: row!.org.kind as Actor['organisationKind'],
      organisationPath: row!.org.path,
      district: row!.org.district,
      role: row!.membership.role as Actor['role'],
      requestId: 'test',
      scopes: null,
    };
  }

  beforeAll(async () => {
    t = await createTestApp();
    [bureau, bankA, bankB, otherBank, ent] = [
      await t.loginAs('bureau.city'),
      await t.loginAs('bank01.clerk'),
      await t.loginAs('bank02.hq'),
      await t.loginAs('bank03.clerk'),
      await t.loginAs('ent001'),
    ];
    enterprise1 = (await demoActor('ent001')).organisationId;
    enterprise2 = (await demoActor('ent002')).organisationId;
    enterprise3 = (await demoActor('ent003')).organisationId;
  }, 600_000);
  afterAll(async () => t?.close());

  it('lets an enterprise join the programme with scope, purpose and expiry, see it, and leave it', async () => {
    const before = await get(ent, '/api/whitelist-programme');
    expect(before.statusCode).toBe(200);
    expect(before.json()).toMatchObject({ joined: false, scope: 'whitelist_programme', current: null });

    const joined = await post(ent, '/api/whitelist-programme/join', { expiresOn: '2027-03-01' });
    expect(joined.statusCode).toBe(200);
    expect(joined.json()).toMatchObject({
      joined: true,
      current: { scope: 'whitelist_programme', expiresOn: '2027-03-01', state: 'active' },
    });
    expect(joined.json<{ purpose: string }>().purpose).toContain('白名单');
    const again = await post(ent, '/api/whitelist-programme/join', { expiresOn: '2027-03-01' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'WHITELIST_PROGRAMME_ALREADY_JOINED' });
    const tooLong = await post(ent, '/api/whitelist-programme/join', { expiresOn: '2099-01-01' });
    expect(tooLong.statusCode).toBe(400);

    // The consent shows in 我的授权 like every other.
    const consents = await get(ent, '/api/consents');
    expect(consents.json<{ scope: string; state: string }[]>()).toEqual(
      expect.arrayContaining([expect.objectContaining({ scope: 'whitelist_programme', state: 'active' })]),
    );

    const left = await post(ent, '/api/whitelist-programme/leave');
    expect(left.statusCode).toBe(200);
    expect(left.json()).toMatchObject({ joined: false, current: null, history: [{ state: 'revoked' }] });
    expect((await post(ent, '/api/whitelist-programme/leave')).statusCode).toBe(409);
  });

  it('keeps round management to the city bureau: a bank or enterprise is refused (403)', async () => {
    const body = { title: '2026年第二期白名单', periodFrom: '2026-03-01', periodTo: '2026-12-31' };
    expect((await post(bankA, '/api/whitelist-rounds', body)).statusCode).toBe(403);
    expect((await post(ent, '/api/whitelist-rounds', body)).statusCode).toBe(403);
    expect((await get(ent, '/api/whitelist-rounds')).statusCode).toBe(403);

    const created = await post(bureau, '/api/whitelist-rounds', body);
    expect(created.statusCode).toBe(201);
    const round = created.json<Round>();
    roundId = round.id;
    expect(round).toMatchObject({ state: 'draft', k: 5, banks: [] });
    expect(round.roundNumber).toMatch(/^WLR-2026-03(-\d+)?$/);

    const noBanks = await post(bureau, `/api/whitelist-rounds/${roundId}/open`);
    expect(noBanks.json()).toMatchObject({ code: 'WHITELIST_ROUND_NO_BANKS' });
    const notABank = await post(bureau, `/api/whitelist-rounds/${roundId}/banks`, {
      bankOrganisationId: enterprise3,
    });
    expect(notABank.statusCode).toBe(400);
    for (const bankOrganisationId of [bankAId, bankBId])
      expect(
        (await post(bureau, `/api/whitelist-rounds/${roundId}/banks`, { bankOrganisationId })).statusCode,
      ).toBe(200);
    const twice = await post(bureau, `/api/whitelist-rounds/${roundId}/banks`, {
      bankOrganisationId: bankAId,
    });
    expect(twice.json()).toMatchObject({ code: 'WHITELIST_ROUND_BANK_ALREADY_ADDED' });
    const early = await post(bureau, `/api/whitelist-rounds/${roundId}/release`);
    expect(early.json()).toMatchObject({ code: 'WHITELIST_ROUND_STATE_INVALID' });
    expect((await post(bureau, `/api/whitelist-rounds/${roundId}/open`)).json()).toMatchObject({
      state: 'open',
    });
  });

  it('refuses a release that cannot reach k and writes nothing; a fault after every bank was written rolls all back', async () => {
    const bureauActor = await demoActor('bureau.city');
    // A failing audit append comes after both banks' releases were inserted: the whole release must roll back.
    const failing: AppDeps = {
      ...t.deps,
      audit: {
        append: () => Promise.reject(new Error('audit store unavailable')),
      },
    };
    await expect(releaseWhitelistRound({ id: roundId }, bureauActor, failing)).rejects.toThrow(
      'audit store unavailable',
    );
    expect(await members(bankAId)).toEqual([]);
    const releases = await t.handle.db
      .select()
      .from(tables.whitelistReleases)
      .where(eq(tables.whitelistReleases.roundId, roundId));
    expect(releases).toEqual([]);
    expect((await get(bureau, `/api/whitelist-rounds/${roundId}`)).json()).toMatchObject({ state: 'open' });

    // k above the number of opted-in enterprises: refused (for the first bank already), nothing written.
    const optedIn = await t.handle.db
      .select()
      .from(tables.consents)
      .where(eq(tables.consents.scope, 'whitelist_programme'));
    const huge = await createWhitelistRound(
      { title: 'k 超过人数', periodFrom: '2026-03-01', periodTo: '2026-12-31', k: optedIn.length + 1 },
      bureauActor,
      t.deps,
    );
    await addWhitelistRoundBank({ roundId: huge.id, bankOrganisationId: bankAId }, bureauActor, t.deps);
    await addWhitelistRoundBank({ roundId: huge.id, bankOrganisationId: bankBId }, bureauActor, t.deps);
    await openWhitelistRound({ id: huge.id }, bureauActor, t.deps);
    const refused = await post(bureau, `/api/whitelist-rounds/${huge.id}/release`);
    expect(refused.statusCode).toBe(422);
    expect(refused.json<Problem>()).toMatchObject({ code: 'WHITELIST_RELEASE_REFUSED' });
    expect(refused.json<{ detail: string }>().detail).toContain(`k=${optedIn.length + 1}`);
    const after = await get(bureau, `/api/whitelist-rounds/${huge.id}`);
    expect(after.json()).toMatchObject({ state: 'open', banks: [{ release: null }, { release: null }] });
  });

  it('releases to two banks only the enterprises opted in on the release date (left or expired ones are out)', async () => {
    // ent001 left in the first test. ent002 leaves if the demo opted it in, then joins until tomorrow.
    const ent2 = await demoActor('ent002');
    await t.handle.db
      .update(tables.consents)
      .set({ revokedAt: t.clock.now() })
      .where(
        and(eq(tables.consents.enterpriseId, enterprise2), eq(tables.consents.scope, 'whitelist_programme')),
      );
    await joinWhitelistProgramme({ expiresOn: '2026-03-03' }, ent2, t.deps);
    const ent3 = await demoActor('ent003');
    try {
      await joinWhitelistProgramme({ expiresOn: '2027-03-01' }, ent3, t.deps);
    } catch (error) {
      expect((error as DomainError).code).toBe('WHITELIST_PROGRAMME_ALREADY_JOINED');
    }
    // ent004's only programme consent went to a bank, not to the bureau that runs the programme: it is out.
    const enterprise4 = (await demoActor('ent004')).organisationId;
    await t.handle.db
      .update(tables.consents)
      .set({ revokedAt: t.clock.now() })
      .where(
        and(eq(tables.consents.enterpriseId, enterprise4), eq(tables.consents.scope, 'whitelist_programme')),
      );
    await t.handle.db.insert(tables.consents).values({
      id: randomUUID(),
      enterpriseId: enterprise4,
      recipientId: bankAId,
      scope: 'whitelist_programme',
      purpose: '白名单计划',
      grantedAt: t.clock.now(),
      expiresOn: '2027-03-01',
      revokedAt: null,
    });
    t.clock.advance(2 * 86_400_000); // 2026-03-04: ent002's consent has expired
    // Sessions last an hour: log in again on the new day.
    [bureau, bankA, bankB, otherBank, ent] = [
      await t.loginAs('bureau.city'),
      await t.loginAs('bank01.clerk'),
      await t.loginAs('bank02.hq'),
      await t.loginAs('bank03.clerk'),
      await t.loginAs('ent001'),
    ];

    const released = await post(bureau, `/api/whitelist-rounds/${roundId}/release`);
    expect(released.statusCode).toBe(200);
    const round = released.json<Round>();
    expect(round.state).toBe('released');
    expect(round.banks).toHaveLength(2);
    for (const bank of round.banks) {
      expect(bank.release!.k).toBe(5);
      expect(bank.release!.smallestClass).toBeGreaterThanOrEqual(5);
      expect(bank.release!.rowCount).toBeGreaterThan(100);
    }

    const a = await members(bankAId);
    const b = await members(bankBId);
    const inA = new Set(a.map((m) => m.enterpriseId));
    expect(inA.has(enterprise1)).toBe(false);
    expect(inA.has(enterprise2)).toBe(false);
    expect(inA.has(enterprise3)).toBe(true);
    expect(inA.has(enterprise4)).toBe(false);
    expect(new Set(b.map((m) => m.enterpriseId))).toEqual(inA);

    // The same enterprise has unrelated pseudonyms at the two banks; no pseudonym is shared at all.
    const pA = a.find((m) => m.enterpriseId === enterprise3)!.pseudonym;
    const pB = b.find((m) => m.enterpriseId === enterprise3)!.pseudonym;
    expect(pA).not.toBe(pB);
    const setB = new Set(b.map((m) => m.pseudonym));
    expect(a.filter((m) => setB.has(m.pseudonym))).toEqual([]);
  });

  it('holds k in every released file: each combination of generalised quasi-identifiers has at least 5 rows', async () => {
    for (const [session, bankId] of [
      [bankA, bankAId],
      [bankB, bankBId],
    ] as const) {
      const rows = await allRows(session, bankId);
      const classes = new Map<string, number>();
      for (const r of rows) {
        const key = [r.district, r.cluster, r.sizeClass, r.foundedYear, r.employees].join('|');
        classes.set(key, (classes.get(key) ?? 0) + 1);
      }
      expect(Math.min(...classes.values())).toBeGreaterThanOrEqual(5);
      const released = (await members(bankId)).filter((m) => m.released).map((m) => m.pseudonym);
      expect(rows.map((r) => r.pseudonym).sort()).toEqual(released.sort());
    }
  });

  it('puts no name, credit code, founding date or enterprise id in the JSON, CSV or xlsx a bank downloads', async () => {
    const enterprises = await t.handle.db.select().from(tables.enterprises);
    const json = JSON.stringify(await allRows(bankA, bankAId));
    const csvRes = await get(bankA, `${releaseUrl(bankAId)}/release/export?format=csv`);
    expect(csvRes.statusCode).toBe(200);
    expect(csvRes.headers['content-type']).toContain('text/csv');
    const csv = csvRes.body;
    expect(csv.split('\r\n')[0]).toContain('假名');
    const xlsxRes = await get(bankA, `${releaseUrl(bankAId)}/release/export?format=xlsx`);
    expect(xlsxRes.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsxRes.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => void cells.push(cell.text))));
    const xlsx = cells.join('\n');
    expect(csv.split('\r\n').length - 2).toBe((await members(bankAId)).filter((m) => m.released).length);
    for (const text of [json, csv, xlsx]) {
      for (const e of enterprises) {
        expect(text).not.toContain(e.name);
        expect(text).not.toContain(e.uscc);
        expect(text).not.toContain(e.foundedOn);
        expect(text).not.toContain(e.organisationId);
      }
    }
  });

  it('shows a round only to its banks: another bank gets 404, the participating bank’s units see only their own', async () => {
    expect((await get(otherBank, `/api/whitelist-rounds/${roundId}`)).statusCode).toBe(404);
    expect((await get(otherBank, `${releaseUrl(bankAId)}/release`)).statusCode).toBe(404);
    expect((await get(otherBank, `${releaseUrl(bankAId)}/release/export?format=csv`)).statusCode).toBe(404);
    expect((await get(otherBank, `${releaseUrl(bankAId)}/grades`)).statusCode).toBe(404);
    const list = await get(otherBank, '/api/whitelist-rounds');
    expect(list.json<{ items: Round[] }>().items.map((r) => r.id)).not.toContain(roundId);

    const seen = await get(bankA, `/api/whitelist-rounds/${roundId}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json<Round>().banks.map((b) => b.bankOrganisationId)).toEqual([bankAId]);
    expect((await get(bankA, `${releaseUrl(bankBId)}/release`)).statusCode).toBe(404);

    const bureauList = await get(bureau, '/api/whitelist-rounds?pageSize=50');
    expect(bureauList.json<{ items: Round[] }>().items.map((r) => r.id)).toContain(roundId);
    expect((await get(ent, `/api/whitelist-rounds/${roundId}`)).statusCode).toBe(403);
  });

  it('runs an accepted scorecard inside the platform and gives the bank pseudonym → grade only', async () => {
    const scorecard = {
      name: '高新优先',
      features: [
        {
          feature: 'highTech',
          bins: [
            { equals: true, points: 10 },
            { equals: false, points: 0 },
          ],
        },
      ],
      grades: [
        { grade: 'A', minPoints: 10 },
        { grade: 'B', minPoints: 0 },
      ],
      cutoffPoints: 0,
    };
    const res = await post(bankA, `${releaseUrl(bankAId)}/scorecards`, scorecard);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ state: 'accepted', problems: [] });

    const grades = await get(bankA, `${releaseUrl(bankAId)}/grades?pageSize=200&source=scorecard`);
    expect(grades.statusCode).toBe(200);
    const page = grades.json<{ items: Record<string, unknown>[]; total: number }>();
    const released = (await members(bankAId)).filter((m) => m.released);
    expect(page.total).toBe(released.length);
    const pseudonyms = new Set(released.map((m) => m.pseudonym));
    for (const g of page.items) {
      expect(Object.keys(g).sort()).toEqual(
        ['grade', 'pseudonym', 'recordedAt', 'scorecardId', 'scorecardName', 'source'].sort(),
      );
      expect(pseudonyms.has(g.pseudonym as string)).toBe(true);
      expect(['A', 'B']).toContain(g.grade);
    }
    // Grades agree with the full-fidelity flag the bank never saw exactly.
    const highTechOf = new Map(
      released.map((m) => [m.pseudonym, (m.features as { highTech: boolean }).highTech]),
    );
    for (const g of page.items) expect(g.grade).toBe(highTechOf.get(g.pseudonym as string) ? 'A' : 'B');
    // The other bank has no grades from it.
    const other = await get(bankB, `${releaseUrl(bankBId)}/grades`);
    expect(other.json<{ total: number }>().total).toBe(0);
  });

  it('refuses a scorecard with a bin below k, records it with its problem, and counts it toward the quota', async () => {
    const released = (await members(bankAId)).filter((m) => m.released);
    const capitals = released
      .map((m) => (m.features as { registeredCapitalWan: number }).registeredCapitalWan)
      .sort((x, y) => y - x);
    // A bin holding exactly the three largest registered capitals (ties pushed aside by the choice of the bound).
    let top = 3;
    while (capitals[top - 1] === capitals[top]) top += 1;
    const bound = capitals[top - 1]!;
    const narrow = {
      name: '注册资本窄分箱',
      features: [
        {
          feature: 'registeredCapitalWan',
          bins: [
            { max: bound, points: 0 },
            { min: bound, points: 10 },
          ],
        },
      ],
      grades: [
        { grade: 'A', minPoints: 10 },
        { grade: 'B', minPoints: 0 },
      ],
      cutoffPoints: 0,
    };
    const res = await post(bankA, `${releaseUrl(bankAId)}/scorecards`, narrow);
    expect(res.statusCode).toBe(201);
    const body = res.json<{ state: string; problems: Problem[]; gradedCount: number }>();
    expect(body.state).toBe('refused');
    expect(body.gradedCount).toBe(0);
    const tooSmall = body.problems.find((p) => p.code === 'WHITELIST_SCORECARD_BIN_TOO_SMALL')!;
    // The refusal names the feature as the bank reads it, the bin and k, never how many enterprises the bin holds.
    expect(tooSmall.message).toContain('注册资本（万元）');
    expect(tooSmall.message).not.toContain('registeredCapitalWan');
    expect(tooSmall.message).toContain('少于 5 家');

    // Quota 3: one accepted, this refused one, one more refused — then no further submission is taken.
    expect(
      (await post(bankA, `${releaseUrl(bankAId)}/scorecards`, { ...narrow, name: '再试' })).json(),
    ).toMatchObject({
      state: 'refused',
    });
    const over = await post(bankA, `${releaseUrl(bankAId)}/scorecards`, { ...narrow, name: '超额' });
    expect(over.statusCode).toBe(409);
    expect(over.json()).toMatchObject({ code: 'WHITELIST_SCORECARD_QUOTA_EXCEEDED' });
    const list = await get(bankA, `${releaseUrl(bankAId)}/scorecards`);
    expect(
      list
        .json<{ state: string }[]>()
        .map((s) => s.state)
        .sort(),
    ).toEqual(['accepted', 'refused', 'refused']);
    const round = await get(bureau, `/api/whitelist-rounds/${roundId}`);
    expect(round.json<Round>().banks.find((b) => b.bankOrganisationId === bankAId)!.scorecardsUsed).toBe(3);
  });

  it('refuses an upload naming an unknown pseudonym, listing it and importing nothing; a valid one imports', async () => {
    const released = (await members(bankBId)).filter((m) => m.released).map((m) => m.pseudonym);
    const foreign = (await members(bankAId))[0]!.pseudonym; // bank A's pseudonym means nothing at bank B
    const csv = `pseudonym,grade\r\n${released[0]},A\r\n${foreign},B\r\nWL-NOTAPSEUDONYM00000,C\r\n`;
    const refused = await post(bankB, `${releaseUrl(bankBId)}/grades`, { csv });
    expect(refused.statusCode).toBe(422);
    const problem = refused.json<Problem & { problems: Problem[]; detail: string }>();
    expect(problem.code).toBe('WHITELIST_GRADE_PSEUDONYM_UNKNOWN');
    expect(problem.problems.map((p) => p.message).join('\n')).toContain(foreign);
    expect(problem.detail).toContain('WL-NOTAPSEUDONYM00000');
    expect((await get(bankB, `${releaseUrl(bankBId)}/grades`)).json()).toMatchObject({ total: 0 });

    const bad = await post(bankB, `${releaseUrl(bankBId)}/grades`, {
      grades: [{ pseudonym: released[0], grade: 'E' }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ problems: Problem[] }>().problems[0]).toMatchObject({
      code: 'WHITELIST_GRADE_VALUE_INVALID',
    });

    const ok = await post(bankB, `${releaseUrl(bankBId)}/grades`, {
      csv: `\uFEFF假名,评级\r\n${released[0]},a\r\n${released[1]},C\r\n`,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ imported: 2 });
    const again = await post(bankB, `${releaseUrl(bankBId)}/grades`, {
      grades: [{ pseudonym: released[0], grade: 'D' }],
    });
    expect(again.json()).toEqual({ imported: 1 });
    const grades = await get(bankB, `${releaseUrl(bankBId)}/grades?source=upload`);
    expect(grades.json<{ items: { pseudonym: string; grade: string }[] }>().items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ pseudonym: released[0], grade: 'D', source: 'upload' }),
        expect.objectContaining({ pseudonym: released[1], grade: 'C', source: 'upload' }),
      ]),
    );
  });

  it('closes the round: no more scorecards or uploads, and every step is on the audit trail', async () => {
    const closed = await post(bureau, `/api/whitelist-rounds/${roundId}/close`);
    expect(closed.json()).toMatchObject({ state: 'closed' });
    const late = await post(bankB, `${releaseUrl(bankBId)}/grades`, {
      grades: [{ pseudonym: 'x', grade: 'A' }],
    });
    expect(late.statusCode).toBe(409);
    const audit = await t.handle.db.select({ action: tables.auditEvents.action }).from(tables.auditEvents);
    const actions = new Set(audit.map((a) => a.action));
    for (const action of [
      'whitelist_programme.joined',
      'whitelist_programme.left',
      'whitelist_round.created',
      'whitelist_round.bank_added',
      'whitelist_round.opened',
      'whitelist_round.released',
      'whitelist_release.downloaded',
      'whitelist_scorecard.accepted',
      'whitelist_scorecard.refused',
      'whitelist_grades.uploaded',
      'whitelist_round.closed',
    ])
      expect(actions).toContain(action);
  });
});
