import { count, inArray } from 'drizzle-orm';
import { tables, type Executor } from '@ipf/db';

export type ExpertRow = typeof tables.experts.$inferSelect;

/** 专家 on the wire. */
export interface ExpertView {
  readonly id: string;
  readonly name: string;
  readonly title: string | null;
  readonly fields: string[];
  readonly ipcExpertise: string[];
  readonly affiliationOrganisationId: string | null;
  readonly affiliationName: string;
  /** The platform login (role `expert`) the expert records opinions with. */
  readonly userId: string | null;
  readonly hasLogin: boolean;
  readonly active: boolean;
  /** Reviews the expert was drawn for. */
  readonly engagementCount: number;
  readonly version: number;
}

/** Adds the engagement counts to expert rows, keeping their order. */
export async function toExpertViews(executor: Executor, rows: readonly ExpertRow[]): Promise<ExpertView[]> {
  if (rows.length === 0) return [];
  const { expertReviewMembers } = tables;
  const counts = await executor
    .select({ expertId: expertReviewMembers.expertId, n: count() })
    .from(expertReviewMembers)
    .where(
      inArray(
        expertReviewMembers.expertId,
        rows.map((r) => r.id),
      ),
    )
    .groupBy(expertReviewMembers.expertId);
  const engaged = new Map(counts.map((c) => [c.expertId, Number(c.n)]));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    title: r.title,
    fields: r.fields,
    ipcExpertise: r.ipcExpertise,
    affiliationOrganisationId: r.affiliationOrganisationId,
    affiliationName: r.affiliationName,
    userId: r.userId,
    hasLogin: r.userId !== null,
    active: r.active,
    engagementCount: engaged.get(r.id) ?? 0,
    version: r.version,
  }));
}
