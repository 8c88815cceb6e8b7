import { and, asc, count, eq, ilike, inArray, or, type SQL } from 'drizzle-orm';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { likePattern, pageOffset, type Page, type PageInput } from '../support/page.ts';
import { headOfficeIdOf } from './bank-product-view.ts';

/** The kinds an enterprise may choose as pledgee (bank, guarantor under 反担保) or as case party (insurer). */
export const pledgeeCandidateKinds = ['bank', 'guarantor', 'insurer'] as const;
export type PledgeeCandidateKind = (typeof pledgeeCandidateKinds)[number];

export interface FindPledgeeCandidatesInput extends PageInput {
  /** Name (Chinese or English) contains. */
  readonly q?: string;
  /** Only these kinds; all three when absent. */
  readonly kinds?: readonly PledgeeCandidateKind[];
}

/** 机构名录 entry: only what choosing needs (name, kind, id), with a bank unit's level and head office. */
export interface PledgeeCandidate {
  readonly id: string;
  readonly kind: PledgeeCandidateKind;
  readonly nameZh: string;
  readonly nameEn: string;
  /** `head_office` | `branch` | `sub_branch` for banks, null otherwise. */
  readonly bankLevel: string | null;
  /** The bank's head office (总行) for a bank unit, null otherwise. */
  readonly headOfficeId: string | null;
}

/**
 * 质权人/参与机构名录 (pledgee and participant directory): the active banks (every unit, so the applicant can pick
 * the unit that handles its case), guarantors and insurers, searchable by name and paged. A minimal directory
 * within the platform: it tells names, kinds and ids only, never an organisation's other data, so an
 * enterprise can name its pledgee, guarantor or insurer (issue 5 items 2 and 5) without the right to list
 * organisations (`organisation.list`).
 */
export async function findPledgeeCandidates(
  input: FindPledgeeCandidatesInput,
  actor: Actor,
  deps: AppDeps,
): Promise<Page<PledgeeCandidate>> {
  authorize(actor, 'organisation.directory');
  const { organisations } = tables;
  const kinds = input.kinds === undefined || input.kinds.length === 0 ? pledgeeCandidateKinds : input.kinds;
  const conditions: SQL[] = [eq(organisations.active, true), inArray(organisations.kind, [...kinds])];
  if (input.q !== undefined && input.q.trim() !== '') {
    const pattern = likePattern(input.q.trim());
    conditions.push(or(ilike(organisations.nameZh, pattern), ilike(organisations.nameEn, pattern))!);
  }
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    deps.db
      .select({
        id: organisations.id,
        kind: organisations.kind,
        nameZh: organisations.nameZh,
        nameEn: organisations.nameEn,
        bankLevel: organisations.bankLevel,
        path: organisations.path,
      })
      .from(organisations)
      .where(where)
      // A bank's units share its name as prefix: ordering by name keeps each bank's units together.
      .orderBy(asc(organisations.kind), asc(organisations.nameZh), asc(organisations.id))
      .limit(input.pageSize)
      .offset(pageOffset(input)),
    deps.db.select({ n: count() }).from(organisations).where(where),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind as PledgeeCandidateKind,
      nameZh: r.nameZh,
      nameEn: r.nameEn,
      bankLevel: r.kind === 'bank' ? r.bankLevel : null,
      headOfficeId: r.kind === 'bank' ? headOfficeIdOf(r.path) : null,
    })),
    total: total?.n ?? 0,
    page: input.page,
    pageSize: input.pageSize,
  };
}
