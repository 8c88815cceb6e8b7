import { and, asc, eq, inArray } from 'drizzle-orm';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { getVisibleCase } from '../ledger/transition-case.ts';

/** An institution a fee of the case may have been paid to. */
export interface FeePayeeView {
  readonly organisationId: string;
  readonly nameZh: string;
  readonly nameEn: string;
  /** `bank` | `guarantor` | `insurer` | `evaluation_firm`. */
  readonly kind: string;
}

/**
 * 收款机构候选 (who a fee of the case may have been paid to), for the enterprise recording a fee with its invoice:
 * the case's bank unit, its guarantor, insurer and evaluator, and every active evaluation firm (the firm that
 * valued the pledge need not be a case participant). Evaluation firms first, then by name.
 */
export async function findFeePayees(caseId: string, actor: Actor, deps: AppDeps): Promise<FeePayeeView[]> {
  const scope = authorize(actor, 'fee_payment.record');
  const kase = await getVisibleCase(deps.db, caseId, actor, scope);
  const participants = await deps.db
    .select({ organisationId: tables.caseParticipants.organisationId })
    .from(tables.caseParticipants)
    .where(eq(tables.caseParticipants.caseId, kase.id));
  const { organisations } = tables;
  const select = {
    organisationId: organisations.id,
    nameZh: organisations.nameZh,
    nameEn: organisations.nameEn,
    kind: organisations.kind,
  };
  const named = await deps.db
    .select(select)
    .from(organisations)
    .where(inArray(organisations.id, [kase.bankUnitId, ...participants.map((p) => p.organisationId)]));
  const firms = await deps.db
    .select(select)
    .from(organisations)
    .where(and(eq(organisations.kind, 'evaluation_firm'), eq(organisations.active, true)))
    .orderBy(asc(organisations.nameZh));
  const seen = new Set<string>();
  return [...firms, ...named.sort((x, y) => x.nameZh.localeCompare(y.nameZh))].filter((o) => {
    if (seen.has(o.organisationId)) return false;
    seen.add(o.organisationId);
    return true;
  });
}
