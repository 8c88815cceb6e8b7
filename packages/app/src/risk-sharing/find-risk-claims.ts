import { and, count, desc, eq, exists, sql, type SQL } from 'drizzle-orm';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { likePattern, pageOffset, type Page, type PageInput } from '../support/page.ts';
import { claimVisibility, toRiskClaimViews, type RiskClaimView } from './risk-claim-view.ts';

export interface FindRiskClaimsInput extends PageInput {
  readonly state?: string;
  readonly payerRole?: string;
  readonly caseId?: string;
  /** Part of the case number or claim number. */
  readonly q?: string;
}

const { riskClaims, financingCases } = tables;

/** The filter of the claims list (also the export's). */
export function riskClaimsWhere(input: Omit<FindRiskClaimsInput, 'page' | 'pageSize'>, visibility: SQL): SQL {
  const conditions: SQL[] = [visibility];
  if (input.state !== undefined) conditions.push(eq(riskClaims.state, input.state));
  if (input.payerRole !== undefined) conditions.push(eq(riskClaims.payerRole, input.payerRole));
  if (input.caseId !== undefined) conditions.push(eq(riskClaims.caseId, input.caseId));
  const q = input.q?.trim() ?? '';
  if (q !== '') {
    const pattern = likePattern(q);
    conditions.push(
      sql`(${riskClaims.claimNumber} ilike ${pattern} or ${exists(
        sql`(select 1 from ${financingCases} where ${financingCases.id} = ${riskClaims.caseId} and ${financingCases.caseNumber} ilike ${pattern})`,
      )})`,
    );
  }
  return and(...conditions)!;
}

/**
 * 理赔工作台 (claims work queue): the claims the actor sees — a payer (guarantor, insurer, pool) the claims on it,
 * a bank those of its cases, bureaus and regulators by mandate — filtered by state, payer role, case or number,
 * newest first, paged. Source: issue 8 items 6, 8.
 */
export async function findRiskClaims(
  input: FindRiskClaimsInput,
  actor: Actor,
  deps: AppDeps,
): Promise<Page<RiskClaimView>> {
  const scope = authorize(actor, 'risk_claim.list');
  const where = riskClaimsWhere(input, claimVisibility(actor, scope));
  const rows = await deps.db
    .select()
    .from(riskClaims)
    .where(where)
    .orderBy(desc(riskClaims.createdAt), desc(riskClaims.id))
    .limit(input.pageSize)
    .offset(pageOffset(input));
  const [total] = await deps.db.select({ n: count() }).from(riskClaims).where(where);
  return {
    items: await toRiskClaimViews(deps.db, rows),
    total: Number(total?.n ?? 0),
    page: input.page,
    pageSize: input.pageSize,
  };
}
