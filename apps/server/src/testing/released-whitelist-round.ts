import { and, eq } from 'drizzle-orm';
import { tables } from '@ipf/db';
import type { TestApp } from './create-test-app.ts';
import type { DatedSessions } from './dated-sessions.ts';
import { demoOrganisationOf } from './demo-organisation-of.ts';

/**
 * Whitelist rules to publish for a round's tests (`POST /api/whitelist-rules`), in effect from the test clock's
 * first day (2026-03-02): grade B or better in, no IP or overdue bar, 300–600 万 for A and 100–200 万 for B.
 */
export const GRADE_B_WHITELIST_RULES = {
  effectiveFrom: '2026-03-02',
  minGrade: 'B',
  minValidInventionPatents: 0,
  minValuationScore: 0,
  excludeOverdue: false,
  creditBands: [
    { grade: 'A', minScore: 0, bandWan: [300, 600] },
    { grade: 'B', minScore: 0, bandWan: [100, 200] },
  ],
} as const;

/** One enterprise of a bank's release: its pseudonym there, and whether k-anonymity let it out. */
export interface WhitelistRoundMember {
  readonly enterpriseId: string;
  readonly pseudonym: string;
  /** False when the release suppressed it (its class smaller than k): the bank cannot grade it. */
  readonly released: boolean;
}

/** One entry of a bank's whitelist as the bureau reads it (`/api/whitelist-entries`). */
export interface WhitelistEntry {
  readonly enterpriseId: string;
  readonly grade: string;
  readonly included: boolean;
  readonly reasons: string[];
  readonly creditBandLowYuan: string | null;
  readonly facts: { readonly complianceFlags?: string[] };
}

/** What the round is made of. */
export interface ReleasedWhitelistRoundInput {
  readonly title: string;
  /** The head-office logins of the banks (`bank01.hq`): each bank is added to the round and uploads its grades. */
  readonly bankLogins: readonly string[];
  /**
   * Enterprise logins to have in the programme: each joins through the API first unless it is in already (the
   * demo has opted many in; applying for a loan may have too).
   */
  readonly joiningLogins?: readonly string[];
}

/** A round of March 2026 released to its banks, as the rounds' use cases leave it. */
export interface ReleasedWhitelistRound {
  readonly roundId: string;
  /** The banks' head-office organisation ids, in the order of `bankLogins`. */
  readonly bankIds: readonly string[];
  /** Every member of each bank's release (released or suppressed), by bank id: the whitelist covers them all. */
  readonly membersOf: ReadonlyMap<string, readonly WhitelistRoundMember[]>;
  /** Whether the enterprise was released (not suppressed) to every bank of the round. */
  readonly isReleasedToAll: (enterpriseId: string) => boolean;
  /**
   * Uploads the bank's grades (enterprise id → grade) as its head office would, a CSV by pseudonym; throws
   * unless every grade was imported.
   */
  readonly uploadGrades: (bankId: string, grades: ReadonlyMap<string, string>) => Promise<void>;
  /** Every entry of the bank's latest whitelist build, all pages, read by the city bureau. */
  readonly entriesOf: (bankId: string) => Promise<WhitelistEntry[]>;
}

/**
 * 白名单轮次 (a released whitelist round) for the whitelist tests, through the rounds' own use cases over HTTP:
 * the joining enterprises join the programme (unless they are in), the city bureau creates a round of March 2026
 * (k = 5), adds the banks' head offices, opens and releases it (every enterprise in the programme, each bank
 * under its own pseudonyms); the banks' grades are uploaded afterwards by pseudonym (`uploadGrades`), once the
 * test has chosen the released enterprises it grades.
 */
export async function releasedWhitelistRound(
  t: TestApp,
  sessions: DatedSessions,
  input: ReleasedWhitelistRoundInput,
): Promise<ReleasedWhitelistRound> {
  const post = async <T>(login: string, url: string, payload?: object): Promise<T> => {
    const res = await sessions.api(login, 'POST', url, payload);
    if (res.statusCode !== 200 && res.statusCode !== 201)
      throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return res.json<T>();
  };

  for (const login of input.joiningLogins ?? []) {
    const programme = await sessions.api(login, 'GET', '/api/whitelist-programme');
    if (!programme.json<{ joined: boolean }>().joined)
      await post(login, '/api/whitelist-programme/join', { expiresOn: '2027-03-01' });
  }
  const { id: roundId } = await post<{ id: string }>('bureau.city', '/api/whitelist-rounds', {
    title: input.title,
    periodFrom: '2026-03-01',
    periodTo: '2026-03-31',
    k: 5,
    scorecardQuota: 3,
  });
  const bankIds = input.bankLogins.map(demoOrganisationOf);
  for (const bankId of bankIds)
    await post('bureau.city', `/api/whitelist-rounds/${roundId}/banks`, { bankOrganisationId: bankId });
  await post('bureau.city', `/api/whitelist-rounds/${roundId}/open`);
  await post('bureau.city', `/api/whitelist-rounds/${roundId}/release`);

  const m = tables.whitelistReleaseMembers;
  const membersOf = new Map<string, WhitelistRoundMember[]>();
  for (const bankId of bankIds)
    membersOf.set(
      bankId,
      await t.deps.db
        .select({ enterpriseId: m.enterpriseId, pseudonym: m.pseudonym, released: m.released })
        .from(m)
        .where(and(eq(m.roundId, roundId), eq(m.bankOrganisationId, bankId))),
    );
  const pseudonymOf = (bankId: string, enterpriseId: string) =>
    membersOf.get(bankId)?.find((member) => member.released && member.enterpriseId === enterpriseId)
      ?.pseudonym;

  return {
    roundId,
    bankIds,
    membersOf,
    isReleasedToAll: (enterpriseId) =>
      bankIds.every((bankId) => pseudonymOf(bankId, enterpriseId) !== undefined),
    uploadGrades: async (bankId, grades) => {
      const lines = ['假名,评级'];
      for (const [enterpriseId, grade] of grades) {
        const pseudonym = pseudonymOf(bankId, enterpriseId);
        if (pseudonym === undefined) throw new Error(`${enterpriseId} was not released to ${bankId}`);
        lines.push(`${pseudonym},${grade}`);
      }
      const login = input.bankLogins[bankIds.indexOf(bankId)];
      if (login === undefined) throw new Error(`${bankId} is not a bank of the round`);
      const { imported } = await post<{ imported: number }>(
        login,
        `/api/whitelist-rounds/${roundId}/banks/${bankId}/grades`,
        { csv: lines.join('\n') },
      );
      if (imported !== grades.size) throw new Error(`imported ${imported} of ${grades.size} grades`);
    },
    entriesOf: async (bankId) => {
      const entries: WhitelistEntry[] = [];
      for (let page = 1; ; page += 1) {
        const url = `/api/whitelist-entries?roundId=${roundId}&bankId=${bankId}&page=${page}&pageSize=200`;
        const res = await sessions.api('bureau.city', 'GET', url);
        if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
        const body = res.json<{ items: WhitelistEntry[]; total: number }>();
        entries.push(...body.items);
        if (body.items.length === 0 || entries.length >= body.total) return entries;
      }
    },
  };
}
