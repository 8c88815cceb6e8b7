import { and, eq, like } from 'drizzle-orm';
import { assertNoProblems, DomainError } from '@ipf/domain/errors';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { enterpriseVisibility } from '../access/enterprise-visibility.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { loadCaseDetail, type CaseDetail } from './case-view.ts';
import { insertCaseLead, type LeadSource } from './insert-case-lead.ts';

export type { LeadSource } from './insert-case-lead.ts';

export interface CreateCaseLeadInput {
  readonly enterpriseId: string;
  /** A bank user's own unit (or one below it) by default; a bureau names the bank unit it pushes to. */
  readonly bankUnitId?: string;
  readonly source: LeadSource;
  readonly note?: string;
}

/**
 * 线索: a bureau pushes an enterprise to a bank unit (白名单推送, creating the customer relationship) or a bank
 * opens a lead for one of its customers (outreach, event). A bank user who opens a lead is on the maker side of
 * the case: it may not approve it later (审贷分离).
 */
export async function createCaseLead(
  input: CreateCaseLeadInput,
  actor: Actor,
  deps: AppDeps,
): Promise<CaseDetail> {
  const scope = authorize(actor, 'case.create_lead');
  const now = deps.clock.now();
  const today = toShanghaiDate(now);
  const isBank = actor.organisationKind === 'bank';
  const bankUnitId = input.bankUnitId ?? (isBank ? actor.organisationId : undefined);
  if (bankUnitId === undefined)
    assertNoProblems([{ code: 'CASE_BANK_UNIT_INVALID', field: 'bankUnitId', params: { bankUnitId: '-' } }]);

  const { organisations, enterprises } = tables;
  const unitConditions = [eq(organisations.id, bankUnitId!), eq(organisations.kind, 'bank')];
  if (isBank) unitConditions.push(like(organisations.path, `${actor.organisationPath}%`));
  const [unit] = await deps.db
    .select()
    .from(organisations)
    .where(and(...unitConditions));
  if (unit === undefined)
    assertNoProblems([
      { code: 'CASE_BANK_UNIT_INVALID', field: 'bankUnitId', params: { bankUnitId: bankUnitId! } },
    ]);
  const [enterprise] = await deps.db
    .select({ id: enterprises.organisationId })
    .from(enterprises)
    .where(
      and(eq(enterprises.organisationId, input.enterpriseId), enterpriseVisibility(actor, scope, today)),
    );
  if (enterprise === undefined) throw new DomainError('NOT_FOUND');

  return runInTransaction(deps, async (tx) => {
    const row = await insertCaseLead(
      tx,
      deps,
      actor,
      {
        enterpriseId: enterprise.id,
        bankUnit: unit!,
        source: input.source,
        ...(input.note === undefined ? {} : { note: input.note }),
      },
      now,
      today,
    );
    return loadCaseDetail(tx, row, today);
  });
}
