import { and, eq } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import type { ValuationView } from './valuation-input.ts';
import { toValuationDetail } from './valuation-view.ts';
import { valuationVisibility } from './valuation-visibility.ts';

/** 估值详情. A valuation outside the actor's scope is NOT_FOUND, like one that does not exist. */
export async function getValuation(id: string, actor: Actor, deps: AppDeps): Promise<ValuationView> {
  const scope = authorize(actor, 'valuation.read');
  const today = toShanghaiDate(deps.clock.now());
  const [row] = await deps.db
    .select()
    .from(tables.valuations)
    .where(and(eq(tables.valuations.id, id), valuationVisibility(actor, scope, today)));
  if (row === undefined) throw new DomainError('NOT_FOUND');
  return toValuationDetail(deps.db, row, today);
}
