import { randomUUID } from 'node:crypto';
import { and, eq, max } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { parseYuan } from '@ipf/domain/money';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { schemeFromWire, toWire } from './subsidy-wire.ts';
import { toSchemeViews, type SubsidySchemeView } from './subsidy-views.ts';

export interface PublishSubsidySchemeInput {
  /** The scheme as `SubsidyScheme` of `@ipf/domain/subsidy` in wire form (`…Yuan` strings for money). */
  readonly scheme: unknown;
  readonly applicationFrom?: string;
  readonly applicationTo?: string;
  readonly requiresCityReview?: boolean;
  /** Shares of the budget per district (each its own first-come-first-served budget). */
  readonly districtBudgets?: readonly { readonly district: string; readonly totalYuan: string }[];
  /** `draft` keeps it unpublished (for review and simulation); default `published`. */
  readonly state?: 'draft' | 'published';
}

const { subsidySchemes, subsidyBudgets } = tables;

/**
 * 发布补贴政策 (publish a version of a subsidy or reward scheme): the city bureau records the scheme as data — every
 * clause with its source document and article — with a version above every earlier one of the same scheme
 * (SUBSIDY_SCHEME_VERSION_EXISTS); publishing closes the earlier published versions (applications already made
 * keep their version). The budget (scheme-wide, and per district when given) is set, never below what has been
 * granted. Audited. Source: issue 9 item 1 "policies as data … versioned … source document and article".
 */
export async function publishSubsidyScheme(
  input: PublishSubsidySchemeInput,
  actor: Actor,
  deps: AppDeps,
): Promise<SubsidySchemeView> {
  authorize(actor, 'subsidy_scheme.publish');
  const scheme = schemeFromWire(input.scheme);
  const districtBudgets = (input.districtBudgets ?? []).map((b) => ({
    district: b.district,
    totalFen: parseYuan(b.totalYuan),
  }));
  if (districtBudgets.some((b) => b.totalFen < 0n))
    throw new DomainError('SUBSIDY_SCHEME_INVALID', { detail: 'districtBudgets' });
  const state = input.state ?? 'published';
  const now = deps.clock.now();
  return runInTransaction(deps, async (tx) => {
    const [latest] = await tx
      .select({ version: max(subsidySchemes.version) })
      .from(subsidySchemes)
      .where(eq(subsidySchemes.schemeId, scheme.schemeId));
    if (latest?.version !== null && latest?.version !== undefined && scheme.version <= latest.version)
      throw new DomainError('SUBSIDY_SCHEME_VERSION_EXISTS', {
        schemeId: scheme.schemeId,
        version: scheme.version,
      });

    if (state === 'published')
      await tx
        .update(subsidySchemes)
        .set({ state: 'closed', updatedAt: now })
        .where(and(eq(subsidySchemes.schemeId, scheme.schemeId), eq(subsidySchemes.state, 'published')));
    const id = randomUUID();
    await tx.insert(subsidySchemes).values({
      id,
      schemeId: scheme.schemeId,
      version: scheme.version,
      nameZh: scheme.nameZh,
      nameEn: scheme.nameEn,
      issuingBody: scheme.issuingBody,
      beneficiary: scheme.beneficiary,
      effectiveFrom: scheme.effectiveFrom,
      effectiveTo: scheme.effectiveTo,
      applicationFrom: input.applicationFrom ?? null,
      applicationTo: input.applicationTo ?? null,
      sourceDocument: scheme.source.document,
      sourceArticle: scheme.source.article,
      requiresCityReview: input.requiresCityReview ?? false,
      scheme: toWire(scheme) as Record<string, unknown>,
      state,
      createdByUserId: actor.userId,
      publishedByUserId: state === 'published' ? actor.userId : null,
      publishedAt: state === 'published' ? now : null,
      createdAt: now,
      updatedAt: now,
    });

    const budgets = [
      ...(scheme.budget.totalFen === null ? [] : [{ district: 'all', totalFen: scheme.budget.totalFen }]),
      ...districtBudgets,
    ];
    if (state === 'published')
      for (const budget of budgets) {
        const ofBudget = and(
          eq(subsidyBudgets.schemeId, scheme.schemeId),
          eq(subsidyBudgets.district, budget.district),
        );
        const [before] = await tx.select().from(subsidyBudgets).where(ofBudget).for('update');
        if (before === undefined)
          await tx.insert(subsidyBudgets).values({
            id: randomUUID(),
            schemeId: scheme.schemeId,
            district: budget.district,
            totalFen: budget.totalFen,
            updatedAt: now,
          });
        else if (budget.totalFen < before.usedFen)
          throw new DomainError('SUBSIDY_SCHEME_INVALID', { detail: `budget ${budget.district} below used` });
        else
          await tx.update(subsidyBudgets).set({ totalFen: budget.totalFen, updatedAt: now }).where(ofBudget);
      }

    await deps.audit.append(
      tx,
      actor,
      {
        action: state === 'published' ? 'subsidy_scheme.published' : 'subsidy_scheme.drafted',
        entityType: 'subsidy_scheme',
        entityId: id,
        before: null,
        after: {
          schemeId: scheme.schemeId,
          version: scheme.version,
          state,
          budgets: budgets.map((b) => ({ district: b.district, totalFen: b.totalFen.toString() })),
        },
      },
      now,
    );
    const [row] = await tx.select().from(subsidySchemes).where(eq(subsidySchemes.id, id));
    return (await toSchemeViews(tx, [row!]))[0]!;
  });
}
