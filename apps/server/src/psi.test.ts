import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, gte, isNull, sql } from 'drizzle-orm';
import {
  createPsiKey,
  encodePsiPoint,
  generateDemoParties,
  hashPsiItems,
  maskPsiPoints,
  psiLimits,
  runPsiClient,
  type PsiTransport,
} from '@ipf/app';
import { tables } from '@ipf/db';
import { createTestApp, TEST_DEMO_SEED, type TestApp } from './testing/create-test-app.ts';

type Headers = Record<string, string>;
interface Opened {
  sessionId: string;
  serverSetSize: number;
  maskedServerSet: string[];
}

/**
 * Issue 10 item 7: a bank learns which of its customers are in the programme's opted-in set or on its own
 * whitelist by ECDH-PSI, and nothing else — both set sizes disclosed, the server's answer free of plain items,
 * fresh keys per session, another bank's whitelist never in a set, limits and expiry refused with codes.
 */
describe('private matching (ECDH-PSI) for banks', () => {
  let t: TestApp;
  const parties = generateDemoParties(TEST_DEMO_SEED);
  const org = (nameZh: string) => parties.organisations.find((o) => o.nameZh === nameZh)!;
  const bureau = parties.organisations.find((o) => o.kind === 'ip_bureau')!;
  const bank01 = org('银湾银行');
  const bank02 = org('鹏城银行');
  type Enterprise = (typeof parties.enterprises)[number];
  // Enterprises the demo seed did not put in the programme, so that this file decides who is in it.
  let enterprises: Enterprise[] = [];
  let optedIn: Enterprise[] = [];
  let revoked: Enterprise;
  let expired: Enterprise;
  let otherRecipient: Enterprise;
  let whitelist01: Enterprise[] = [];
  let whitelist02: Enterprise[] = [];
  const bank01Token: Headers = {};
  const bank01LgToken: Headers = {};
  const bank02Token: Headers = {};

  const post = (headers: Headers, url: string, payload: object) =>
    t.app.inject({ method: 'POST', url, headers, payload });
  const transport =
    (headers: Headers): PsiTransport =>
    async (path, body) => {
      const response = await post(headers, path, body as object);
      if (response.statusCode !== 200) throw new Error(`${response.statusCode} ${response.body}`);
      return response.json();
    };
  async function createToken(login: string): Promise<Headers> {
    const session = await t.loginAs(login);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/api-tokens',
      headers: session.headers,
      payload: { name: '客户名单隐私匹配', scopes: ['psi.match'] },
    });
    expect(created.statusCode, created.body).toBe(201);
    return { authorization: `Bearer ${created.json<{ token: string }>().token}` };
  }
  /** The opted-in set by an independent query: valid programme consents to the bureau on the test clock's day. */
  async function optedInUsccs(): Promise<Set<string>> {
    const { consents, enterprises: e } = tables;
    const rows = await t.deps.db
      .select({ uscc: e.uscc })
      .from(consents)
      .innerJoin(e, eq(e.organisationId, consents.enterpriseId))
      .where(
        and(
          eq(consents.scope, 'whitelist_programme'),
          eq(consents.recipientId, bureau.id),
          isNull(consents.revokedAt),
          gte(consents.expiresOn, '2026-03-02'),
        ),
      );
    return new Set(rows.map((r) => r.uscc));
  }

  beforeAll(async () => {
    t = await createTestApp();
    const seeded = await t.deps.db
      .select({ id: tables.consents.enterpriseId })
      .from(tables.consents)
      .where(eq(tables.consents.scope, 'whitelist_programme'));
    const inProgramme = new Set(seeded.map((r) => r.id));
    enterprises = parties.enterprises.filter((e) => !inProgramme.has(e.organisationId)).slice(0, 60);
    optedIn = enterprises.slice(0, 20);
    revoked = enterprises[20]!;
    expired = enterprises[21]!;
    otherRecipient = enterprises[22]!;
    whitelist01 = enterprises.slice(30, 40);
    whitelist02 = enterprises.slice(40, 50);
    const now = t.clock.now();
    const consent = (
      enterpriseId: string,
      expiresOn: string,
      revokedAt: Date | null,
      recipientId: string = bureau.id,
    ) => ({
      id: randomUUID(),
      enterpriseId,
      recipientId,
      scope: 'whitelist_programme',
      purpose: '白名单计划',
      grantedAt: now,
      expiresOn,
      revokedAt,
    });
    await t.deps.db.insert(tables.consents).values([
      ...optedIn.map((e) => consent(e.organisationId, '2027-03-01', null)),
      consent(revoked.organisationId, '2027-03-01', now),
      consent(expired.organisationId, '2026-03-01', null),
      // A programme-scoped consent granted to a bank, not to the bureau that runs the programme.
      consent(otherRecipient.organisationId, '2027-03-01', null, bank01.id),
    ]);
    const [publisher] = await t.deps.db.select({ id: tables.users.id }).from(tables.users).limit(1);
    const ruleSetId = randomUUID();
    await t.deps.db.insert(tables.whitelistRuleSets).values({
      id: ruleSetId,
      version: 9_001,
      effectiveFrom: '2026-01-01',
      rules: {},
      publishedByUserId: publisher!.id,
      publishedAt: now,
    });
    const entry = (bankId: string, enterpriseId: string, included: boolean) => ({
      id: randomUUID(),
      roundId: randomUUID(),
      bankId,
      enterpriseId,
      grade: 'A',
      included,
      reasons: [],
      ruleSetId,
      facts: {},
      builtAt: now,
    });
    await t.deps.db
      .insert(tables.whitelistEntries)
      .values([
        ...whitelist01.map((e) => entry(bank01.id, e.organisationId, true)),
        entry(bank01.id, enterprises[55]!.organisationId, false),
        ...whitelist02.map((e) => entry(bank02.id, e.organisationId, true)),
      ]);
    Object.assign(bank01Token, await createToken('bank01.clerk'));
    Object.assign(bank01LgToken, await createToken('bank01.lg.clerk'));
    Object.assign(bank02Token, await createToken('bank02.clerk'));
  }, 600_000);
  afterAll(async () => t.close());

  it('a bank learns exactly which of its customers opted in to the programme, and the size of the set', async () => {
    const expected = await optedInUsccs();
    const customers = [
      ...optedIn.slice(0, 8).map((e) => e.uscc),
      ` ${optedIn[8]!.uscc.toLowerCase()} `,
      revoked.uscc,
      expired.uscc,
      ...enterprises.slice(22, 30).map((e) => e.uscc),
      '91440300000000000X',
    ];
    const result = await runPsiClient({
      setKind: 'opted_in',
      items: customers,
      transport: transport(bank01Token),
    });
    expect(result.serverSetSize).toBe(expected.size);
    expect(result.clientSetSize).toBe(customers.length);
    expect(result.intersection).toEqual(optedIn.slice(0, 9).map((e) => e.uscc));
    for (const out of [revoked, expired, otherRecipient]) expect(result.intersection).not.toContain(out.uscc);
    expect(result.intersection).toEqual(
      customers.map((c) => c.trim().toUpperCase()).filter((uscc) => expected.has(uscc)),
    );

    const [session] = await t.deps.db
      .select()
      .from(tables.psiSessions)
      .where(eq(tables.psiSessions.id, result.sessionId));
    expect(session).toMatchObject({
      serverSetSize: expected.size,
      clientSetSize: customers.length,
      keyEnc: null,
    });
    const audit = await t.deps.db
      .select()
      .from(tables.auditEvents)
      .where(eq(tables.auditEvents.entityId, result.sessionId));
    expect(audit.map((a) => a.action).sort()).toEqual(['psi_session.answered', 'psi_session.opened']);
    expect(JSON.stringify(audit, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v))).not.toContain(
      optedIn[0]!.uscc,
    );
  });

  it("matches against the bank's own whitelist only: another bank's whitelisted enterprises never match", async () => {
    const whitelisted = async (bankId: string) => {
      const rows = await t.deps.db
        .select({ uscc: tables.enterprises.uscc })
        .from(tables.whitelistEntries)
        .innerJoin(
          tables.enterprises,
          eq(tables.enterprises.organisationId, tables.whitelistEntries.enterpriseId),
        )
        .where(and(eq(tables.whitelistEntries.bankId, bankId), eq(tables.whitelistEntries.included, true)));
      return new Set(rows.map((r) => r.uscc));
    };
    const customers = [...whitelist01, ...whitelist02, enterprises[55]!].map((e) => e.uscc);
    const mine = await runPsiClient({
      setKind: 'my_whitelist',
      items: customers,
      transport: transport(bank01Token),
    });
    const on01 = await whitelisted(bank01.id);
    expect(mine.serverSetSize).toBe(on01.size);
    expect(mine.intersection).toEqual(whitelist01.map((e) => e.uscc));
    expect(mine.intersection).toEqual(customers.filter((c) => on01.has(c)));
    const theirs = await runPsiClient({
      setKind: 'my_whitelist',
      items: customers,
      transport: transport(bank02Token),
    });
    expect(theirs.serverSetSize).toBe((await whitelisted(bank02.id)).size);
    expect(theirs.intersection).toEqual(whitelist02.map((e) => e.uscc));
  });

  it('the server sends no plain item, and fresh values in every session (sessions cannot be linked)', async () => {
    const opened: Opened[] = [];
    for (let i = 0; i < 4; i++) {
      const response = await post(bank01Token, '/api/psi/sessions', { setKind: 'opted_in' });
      expect(response.statusCode, response.body).toBe(200);
      for (const e of optedIn) expect(response.body).not.toContain(e.uscc);
      opened.push(response.json<Opened>());
    }
    const [first, second] = opened;
    expect(first!.maskedServerSet).toHaveLength(first!.serverSetSize);
    const overlap = first!.maskedServerSet.filter((p) => second!.maskedServerSet.includes(p));
    expect(overlap).toEqual([]);

    // The same bank point answered in two sessions comes back as two unrelated values.
    const point = opened[0]!.maskedServerSet[0]!;
    const answers = [];
    for (const session of opened.slice(0, 2)) {
      const answer = await post(bank01Token, `/api/psi/sessions/${session.sessionId}/answers`, {
        maskedItems: [point],
      });
      expect(answer.statusCode, answer.body).toBe(200);
      answers.push(answer.json<{ doublyMaskedItems: string[] }>().doublyMaskedItems[0]);
    }
    expect(answers[0]).not.toBe(answers[1]);
  });

  it('puts one item at a different place in different sessions (the set is shuffled)', async () => {
    const target = optedIn[3]!.uscc;
    const positions = new Set<number>();
    for (let i = 0; i < 6; i++) {
      const bankKey = createPsiKey();
      const opened = (await post(bank01Token, '/api/psi/sessions', { setKind: 'opted_in' })).json<Opened>();
      const [maskedTarget] = maskPsiPoints(bankKey, hashPsiItems([target])).map(encodePsiPoint);
      const answer = await post(bank01Token, `/api/psi/sessions/${opened.sessionId}/answers`, {
        maskedItems: [maskedTarget],
      });
      const [doubly] = answer.json<{ doublyMaskedItems: string[] }>().doublyMaskedItems;
      const serverPoints = opened.maskedServerSet.map((p) => Buffer.from(p, 'base64url'));
      const position = maskPsiPoints(bankKey, serverPoints).map(encodePsiPoint).indexOf(doubly!);
      expect(position).toBeGreaterThanOrEqual(0);
      positions.add(position);
    }
    expect(positions.size).toBeGreaterThan(1);
  });

  it('answers once, only to the unit that opened the session, and only before it expires', async () => {
    const open = async () =>
      (await post(bank01Token, '/api/psi/sessions', { setKind: 'opted_in' })).json<Opened>();
    const session = await open();
    const body = { maskedItems: session.maskedServerSet.slice(0, 2) };
    const url = `/api/psi/sessions/${session.sessionId}/answers`;

    const otherUnit = await post(bank01LgToken, url, body);
    expect(otherUnit.statusCode).toBe(404);
    expect((await post(bank01Token, url, body)).statusCode).toBe(200);
    const twice = await post(bank01Token, url, body);
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ code: 'PSI_SESSION_ALREADY_ANSWERED' });

    const late = await open();
    t.clock.advance((psiLimits.sessionTtlMinutes + 1) * 60_000);
    const expiredAnswer = await post(
      { ...bank01Token, 'accept-language': 'en' },
      `/api/psi/sessions/${late.sessionId}/answers`,
      body,
    );
    expect(expiredAnswer.statusCode).toBe(410);
    expect(expiredAnswer.json()).toMatchObject({ code: 'PSI_SESSION_EXPIRED' });
    expect(expiredAnswer.json<{ title: string }>().title).toContain('expired');
  });

  it('refuses a set over the limit, a malformed point and a point of small order with codes', async () => {
    const session = (await post(bank01Token, '/api/psi/sessions', { setKind: 'opted_in' })).json<Opened>();
    const url = `/api/psi/sessions/${session.sessionId}/answers`;
    const tooMany = await post(bank01Token, url, {
      maskedItems: new Array<string>(psiLimits.maxClientSetSize + 1).fill(session.maskedServerSet[0]!),
    });
    expect(tooMany.statusCode).toBe(422);
    expect(tooMany.json()).toMatchObject({ code: 'PSI_SET_TOO_LARGE' });
    expect(tooMany.json<{ title: string }>().title).toContain('100000');

    const malformed = await post(bank01Token, url, { maskedItems: ['not-a-point'] });
    expect(malformed.statusCode).toBe(400);
    const smallOrder = await post(bank01Token, url, {
      maskedItems: [session.maskedServerSet[0]!, Buffer.alloc(32).toString('base64url')],
    });
    expect(smallOrder.statusCode).toBe(422);
    expect(smallOrder.json()).toMatchObject({ code: 'PSI_ITEM_INVALID' });
  });

  it('only banks match: an enterprise, a bureau or a token without the scope is refused', async () => {
    for (const login of ['bureau.city', parties.users.find((u) => u.role === 'enterprise_user')!.login]) {
      const session = await t.loginAs(login);
      const refused = await post(session.headers, '/api/psi/sessions', { setKind: 'opted_in' });
      expect(refused.statusCode).toBe(403);
    }
    const clerk = await t.loginAs('bank01.clerk');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/api-tokens',
      headers: clerk.headers,
      payload: { name: '只读', scopes: ['case.read'] },
    });
    const readOnly = { authorization: `Bearer ${created.json<{ token: string }>().token}` };
    const outOfScope = await post(readOnly, '/api/psi/sessions', { setKind: 'opted_in' });
    expect(outOfScope.statusCode).toBe(403);
    expect(outOfScope.json()).toMatchObject({ code: 'API_TOKEN_SCOPE_MISSING' });
  });

  it('the CLI `psi match` runs the reference client over HTTP with a bank API token', async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const file = join(mkdtempSync(join(tmpdir(), 'ipf-psi-')), 'customers.txt');
    const customers = [optedIn[0]!.uscc, optedIn[1]!.uscc, enterprises[25]!.uscc];
    writeFileSync(file, `# 客户名单\n${customers.join('\n')}\n\n`);
    const token = bank01Token.authorization!.replace('Bearer ', '');
    const run = await promisify(execFile)(
      process.execPath,
      [
        ...['--import', 'tsx', 'apps/cli/src/main.ts', 'psi', 'match', '--set', 'opted_in'],
        ...['--file', file, '--url', address, '--token', token, '--json'],
      ],
      { encoding: 'utf8' },
    );
    const result = JSON.parse(run.stdout) as { intersection: string[]; clientSetSize: number };
    expect(result.clientSetSize).toBe(3);
    expect(result.intersection).toEqual([optedIn[0]!.uscc, optedIn[1]!.uscc]);
  }, 120_000);

  it('limits each bank (all its units together) to a number of sessions a day, with a coded refusal', async () => {
    const dayStart = new Date(`${t.clock.now().toISOString().slice(0, 10)}T00:00:00+08:00`);
    const [{ n } = { n: 0 }] = await t.deps.db
      .select({ n: sql<number>`count(*)::int` })
      .from(tables.psiSessions)
      .where(and(eq(tables.psiSessions.bankId, bank02.id), gte(tables.psiSessions.createdAt, dayStart)));
    for (let i = n; i < psiLimits.sessionsPerBankPerDay; i++) {
      const opened = await post(bank02Token, '/api/psi/sessions', { setKind: 'my_whitelist' });
      expect(opened.statusCode, opened.body).toBe(200);
    }
    const refused = await post(bank02Token, '/api/psi/sessions', { setKind: 'opted_in' });
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ code: 'PSI_SESSION_LIMIT_REACHED' });
    expect(refused.json<{ title: string }>().title).toContain(String(psiLimits.sessionsPerBankPerDay));
    expect((await post(bank01Token, '/api/psi/sessions', { setKind: 'opted_in' })).statusCode).toBe(200);
    t.clock.advance(24 * 3_600_000);
    expect((await post(bank02Token, '/api/psi/sessions', { setKind: 'opted_in' })).statusCode).toBe(200);
  });
});
