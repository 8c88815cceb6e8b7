import { and, count, desc, eq, exists, gte, lt, sql, type SQL } from 'drizzle-orm';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { pageOffset, type Page, type PageInput } from '../support/page.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import type { ValuationKind, ValuationSummaryView } from './valuation-input.ts';
import { toValuationSummaries } from './valuation-view.ts';
import { valuationVisibility } from './valuation-visibility.ts';

export interface FindValuationsInput extends PageInput {
  readonly assetId?: string;
  readonly enterpriseId?: string;
  readonly kind?: ValuationKind;
  /** `valid`: valid until today or later; `expired`: before today. */
  readonly validity?: 'valid' | 'expired';
}

const { valuations, valuationAssets } = tables;

/** 估值列表, newest valuation date first, within the actor's scope, by asset, enterprise, kind and validity. */
export async function findValuations(
  input: FindValuationsInput,
  actor: Actor,
  deps: AppDeps,
): Promise<Page<ValuationSummaryView>> {
  const scope = authorize(actor, 'valuation.list');
  const today = toShanghaiDate(deps.clock.now());
  const conditions: SQL[] = [valuationVisibility(actor, scope, today)];
  if (input.assetId !== undefined)
    conditions.push(
      exists(
        sql`(select 1 from ${valuationAssets} where ${and(eq(valuationAssets.valuationId, valuations.id), eq(valuationAssets.assetId, input.assetId))})`,
      ),
    );
  if (input.enterpriseId !== undefined) conditions.push(eq(valuations.enterpriseId, input.enterpriseId));
  if (input.kind !== undefined) conditions.push(eq(valuations.kind, input.kind));
  if (input.validity === 'valid') conditions.push(gte(valuations.validUntil, today));
  if (input.validity === 'expired') conditions.push(lt(valuations.validUntil, today));
  const where = and(...conditions);
  const rows = await deps.db
    .select()
    .from(valuations)
    .where(where)
    .orderBy(desc(valuations.valuationDate), desc(valuations.createdAt), desc(valuations.id))
    .limit(input.pageSize)
    .offset(pageOffset(input));
  const [total] = await deps.db.select({ n: count() }).from(valuations).where(where);
  return {
    items: await toValuationSummaries(deps.db, rows, today),
    total: Number(total?.n ?? 0),
    page: input.page,
    pageSize: input.pageSize,
  };
}
