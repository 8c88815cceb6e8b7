import { randomUUID } from 'node:crypto';
import { and, eq, like } from 'drizzle-orm';
import { assertNoProblems, DomainError } from '@ipf/domain/errors';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { enterpriseVisibility } from '../access/enterprise-visibility.ts';
import { recordCustomerLink } from '../parties/record-customer-link.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { headOfficeIdOf } from './bank-product-view.ts';
import { loadCaseDetail, type CaseDetail } from './case-view.ts';
import { newCaseNumber } from './new-case-number.ts';

export type LeadSource = 'whitelist_push' | 'event' | 'outreach';

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
    const id = randomUUID();
    const caseNumber = newCaseNumber(today);
    const [row] = await tx
      .insert(tables.financingCases)
      .values({
        id,
        caseNumber,
        enterpriseId: enterprise.id,
        bankUnitId: unit!.id,
        bankId: headOfficeIdOf(unit!.path),
        state: 'lead',
        origin: 'lead',
        leadSource: input.source,
        pledgeeKind: 'bank',
        preparedByUserIds: isBank ? [actor.userId] : [],
        note: input.note ?? null,
        stateEnteredAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await tx.insert(tables.caseEvents).values({
      id: randomUUID(),
      caseId: id,
      action: 'create_lead',
      fromState: null,
      toState: 'lead',
      actorUserId: actor.userId,
      actorOrganisationId: actor.organisationId,
      actorRole: actor.role,
      reasonCode: input.source,
      note: input.note ?? null,
      occurredAt: now,
    });
    if (input.source === 'whitelist_push')
      await recordCustomerLink(
        tx,
        { enterpriseId: enterprise.id, bankUnitId: unit!.id, source: 'whitelist_push' },
        now,
      );
    await deps.audit.append(
      tx,
      actor,
      {
        action: 'case.create_lead',
        entityType: 'financing_case',
        entityId: id,
        after: { state: 'lead', caseNumber, source: input.source, bankUnitId: unit!.id },
      },
      now,
    );
    return loadCaseDetail(tx, row!, today);
  });
}
