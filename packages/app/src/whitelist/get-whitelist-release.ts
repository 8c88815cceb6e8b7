import { and, eq } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import type { AnonymisedReleaseRow } from '@ipf/domain/whitelist';
import { tables, type Executor } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AccessScope } from '../access/permission-matrix.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { pageOffset, type PageInput } from '../support/page.ts';
import { getVisibleParticipation } from './get-visible-participation.ts';
import type { WhitelistReleaseFacts } from './whitelist-round-views.ts';

/** 匿名化数据集 as a bank reads it: the facts and a page of rows (pseudonym, generalised values, features). */
export interface WhitelistReleaseView {
  readonly roundId: string;
  readonly roundNumber: string;
  readonly bankOrganisationId: string;
  readonly bankNameZh: string;
  readonly bankNameEn: string;
  readonly facts: WhitelistReleaseFacts;
  /** Released features besides the quasi-identifiers, in column order. */
  readonly features: string[];
  readonly rows: AnonymisedReleaseRow[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

/** The stored release of one participation (never its members: those stay inside the platform). */
export async function loadWhitelistRelease(
  executor: Executor,
  actor: Actor,
  scope: Exclude<AccessScope, 'none'>,
  input: { readonly roundId: string; readonly bankOrganisationId: string },
) {
  const visible = await getVisibleParticipation(executor, actor, scope, input);
  const [release] = await executor
    .select()
    .from(tables.whitelistReleases)
    .where(
      and(
        eq(tables.whitelistReleases.roundId, input.roundId),
        eq(tables.whitelistReleases.bankOrganisationId, input.bankOrganisationId),
      ),
    );
  if (release === undefined) throw new DomainError('WHITELIST_RELEASE_NOT_FOUND');
  const rows = release.rows as unknown as AnonymisedReleaseRow[];
  const features = [...new Set(rows.flatMap((r) => Object.keys(r.features)))];
  const ordered = visible.round.featureSet.filter((f) => features.includes(f));
  return { ...visible, release, rows, features: ordered };
}

/**
 * 查看数据集 (read the bank's anonymised release, issue 10 item 3b): its k-anonymity facts and a page of rows,
 * optionally one pseudonym. Only the bank taking part (its units and head office) and the bureau.
 */
export async function getWhitelistRelease(
  input: PageInput & {
    readonly roundId: string;
    readonly bankOrganisationId: string;
    readonly pseudonym?: string;
  },
  actor: Actor,
  deps: AppDeps,
): Promise<WhitelistReleaseView> {
  const scope = authorize(actor, 'whitelist_release.read');
  const { round, bank, release, rows, features } = await loadWhitelistRelease(deps.db, actor, scope, input);
  const needle = input.pseudonym?.trim().toUpperCase() ?? '';
  const matching = needle === '' ? rows : rows.filter((r) => r.pseudonym.includes(needle));
  return {
    roundId: round.id,
    roundNumber: round.roundNumber,
    bankOrganisationId: bank.id,
    bankNameZh: bank.nameZh,
    bankNameEn: bank.nameEn,
    facts: {
      releasedAt: release.releasedAt.toISOString(),
      k: release.k,
      levels: release.levels,
      suppressedCount: release.suppressedCount,
      smallestClass: release.smallestClass,
      rowCount: release.rowCount,
      epsilonSpent: release.epsilonSpent,
    },
    features,
    rows: matching.slice(pageOffset(input), pageOffset(input) + input.pageSize),
    total: matching.length,
    page: input.page,
    pageSize: input.pageSize,
  };
}
