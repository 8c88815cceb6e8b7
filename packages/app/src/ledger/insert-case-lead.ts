import { randomUUID } from 'node:crypto';
import { tables, type Executor } from '@ipf/db';
import { systemActor, type Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { recordCustomerLink } from '../parties/record-customer-link.ts';
import { headOfficeIdOf } from './bank-product-view.ts';
import type { CaseRow } from './case-view.ts';
import { newCaseNumber } from './new-case-number.ts';

export type LeadSource = 'whitelist_push' | 'event' | 'outreach';

export interface InsertCaseLeadInput {
  readonly enterpriseId: string;
  readonly bankUnit: { readonly id: string; readonly path: string };
  readonly source: LeadSource;
  readonly note?: string;
}

/**
 * Writes a lead (线索) inside the caller's transaction: the case row in state `lead`, its first timeline event,
 * the customer relationship when the lead comes from a whitelist push, and the audit event. The caller has
 * authorised the actor and checked the enterprise and bank unit (`createCaseLead`, the whitelist push).
 */
export async function insertCaseLead(
  tx: Executor,
  deps: Pick<AppDeps, 'audit'>,
  actor: Actor,
  input: InsertCaseLeadInput,
  now: Date,
  today: string,
): Promise<CaseRow> {
  const isBank = actor.organisationKind === 'bank';
  const id = randomUUID();
  const caseNumber = newCaseNumber(today);
  const [row] = await tx
    .insert(tables.financingCases)
    .values({
      id,
      caseNumber,
      enterpriseId: input.enterpriseId,
      bankUnitId: input.bankUnit.id,
      bankId: headOfficeIdOf(input.bankUnit.path),
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
    // The monthly push runs as the system actor, which is no user row.
    actorUserId: actor.userId === systemActor('').userId ? null : actor.userId,
    actorOrganisationId: actor.organisationId,
    actorRole: actor.role,
    reasonCode: input.source,
    note: input.note ?? null,
    occurredAt: now,
  });
  if (input.source === 'whitelist_push')
    await recordCustomerLink(
      tx,
      { enterpriseId: input.enterpriseId, bankUnitId: input.bankUnit.id, source: 'whitelist_push' },
      now,
    );
  await deps.audit.append(
    tx,
    actor,
    {
      action: 'case.create_lead',
      entityType: 'financing_case',
      entityId: id,
      after: { state: 'lead', caseNumber, source: input.source, bankUnitId: input.bankUnit.id },
    },
    now,
  );
  return row!;
}
