import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { addDays, CN_HOLIDAY_CALENDAR, isWorkingDay } from '@ipf/domain/calendar';
import { toJsonData } from '@ipf/domain/audit';
import { DomainError } from '@ipf/domain/errors';
import { assertCaseAction } from '@ipf/domain/ledger';
import type { Role } from '@ipf/domain/party';
import {
  applyRegistrationEvent,
  registrationAuthorities,
  type RegistrationDecision,
  type RegistrationEvent,
  type RegistrationState,
} from '@ipf/domain/registration';
import { tables, type Executor } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { writeCaseTransition } from '../ledger/transition-case.ts';
import { releaseAssetPledgeLocks } from './take-asset-pledge-locks.ts';
import type { RegistrationRow } from './registration-view.ts';

/** Working days after `from` up to and including `to` on the holiday calendar (0 on the same day). */
export function countWorkingDaysAfter(from: string, to: string): number {
  let days = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1))
    if (isWorkingDay(d, CN_HOLIDAY_CALENDAR)) days += 1;
  return days;
}

/**
 * 登记事件 (write one registration event): the next state from the registration transition table, an
 * optimistic version check (a concurrent change is CONFLICT), the registration timeline and the audit event.
 */
export async function writeRegistrationEvent(
  tx: Executor,
  deps: Pick<AppDeps, 'audit'>,
  actor: Actor,
  write: {
    readonly row: RegistrationRow;
    readonly event: RegistrationEvent;
    readonly patch?: Partial<typeof tables.pledgeRegistrations.$inferInsert>;
    readonly detail?: Record<string, unknown>;
  },
  at: Date,
): Promise<RegistrationRow> {
  const { row, event } = write;
  const authority = registrationAuthorities.find((a) => a.authorityId === row.authorityId);
  if (authority === undefined)
    throw new DomainError('REGISTRATION_AUTHORITY_UNAVAILABLE', { kind: row.authorityId });
  const result = applyRegistrationEvent({ state: row.state as RegistrationState, event, authority });
  if (!result.allowed)
    throw new DomainError(result.problem.code, result.problem.params ?? {}, { problems: [result.problem] });
  const [updated] = await tx
    .update(tables.pledgeRegistrations)
    .set({ ...write.patch, state: result.to, version: row.version + 1, updatedAt: at })
    .where(
      and(eq(tables.pledgeRegistrations.id, row.id), eq(tables.pledgeRegistrations.version, row.version)),
    )
    .returning();
  if (updated === undefined) throw new DomainError('CONFLICT');
  const detail = write.detail === undefined ? null : (toJsonData(write.detail) as Record<string, unknown>);
  await tx.insert(tables.registrationEvents).values({
    id: randomUUID(),
    registrationId: row.id,
    event,
    fromState: row.state,
    toState: result.to,
    actorUserId: actor.userId,
    detail,
    occurredAt: at,
  });
  await deps.audit.append(
    tx,
    actor,
    {
      action: `registration.${event}`,
      entityType: 'pledge_registration',
      entityId: row.id,
      before: { state: row.state, version: row.version },
      after: { state: result.to, version: updated.version, ...(detail ?? {}) },
    },
    at,
  );
  return updated;
}

/**
 * 记录登记机关决定 (write an authority's decision on a submitted registration): registered with its number,
 * notice and period; refused with every ground (and the asset locks released, so the assets may be pledged
 * again); or 补正 with the missing materials. Dates, the time limit kept and the working days to decide are stored
 * for the per-institution statistics.
 */
export async function writeRegistrationDecision(
  tx: Executor,
  deps: Pick<AppDeps, 'audit'>,
  actor: Actor,
  row: RegistrationRow,
  decision: RegistrationDecision,
  at: Date,
): Promise<RegistrationRow> {
  const timing = {
    periodStartDate: decision.periodStartDate,
    dueDate: decision.dueDate,
    decisionDate: decision.decisionDate,
    withinTimeLimit: decision.withinTimeLimit,
    workingDaysToDecision: countWorkingDaysAfter(row.filingDate, decision.decisionDate),
  };
  switch (decision.outcome) {
    case 'registered':
      return writeRegistrationEvent(
        tx,
        deps,
        actor,
        {
          row,
          event: 'register',
          patch: {
            ...timing,
            registrationNumber: decision.registrationNumber,
            notice: toJsonData(decision.notice) as Record<string, unknown>,
            periodEndDate: decision.notice.registrationPeriod.endDate,
            refusalGrounds: null,
            missingMaterials: null,
          },
          detail: { registrationNumber: decision.registrationNumber, decisionDate: decision.decisionDate },
        },
        at,
      );
    case 'refused': {
      const updated = await writeRegistrationEvent(
        tx,
        deps,
        actor,
        {
          row,
          event: 'refuse',
          patch: { ...timing, refusalGrounds: toJsonData(decision.grounds) as unknown[] },
          detail: { grounds: decision.grounds.map((g) => g.code) },
        },
        at,
      );
      await releaseAssetPledgeLocks(tx, [row.id], at);
      return updated;
    }
    case 'correction_requested':
      return writeRegistrationEvent(
        tx,
        deps,
        actor,
        {
          row,
          event: 'request_correction',
          patch: {
            periodStartDate: decision.periodStartDate,
            dueDate: decision.dueDate,
            correctionRequestedDate: decision.decisionDate,
            missingMaterials: toJsonData(decision.missing) as unknown[],
          },
          detail: { missing: decision.missing.map((m) => m.params?.['material'] ?? m.code) },
        },
        at,
      );
  }
}

/**
 * The authority's side of a case transition: `record_registration` and `record_registration_refusal` are role
 * `system` in the case table (an adapter reports them); the timeline and the audit keep the user whose request
 * relayed the answer.
 */
function asAuthority(actor: Actor): Actor {
  return { ...actor, role: 'system' as Role };
}

/**
 * 案件登记结果 (move the case after registration decisions): from `registration_pending` to
 * `registration_refused` when a filing was refused, or to `registered` when every live registration of the case
 * (not refused, not cancelled) is on the register; otherwise it stays pending (补正, or an authority still
 * examining).
 */
export async function settleCaseRegistration(
  tx: Executor,
  deps: Pick<AppDeps, 'audit'>,
  actor: Actor,
  caseId: string,
  refused: boolean,
  at: Date,
): Promise<void> {
  const [row] = await tx.select().from(tables.financingCases).where(eq(tables.financingCases.id, caseId));
  if (row === undefined || row.state !== 'registration_pending') return;
  const registrations = await tx
    .select({ state: tables.pledgeRegistrations.state })
    .from(tables.pledgeRegistrations)
    .where(eq(tables.pledgeRegistrations.caseId, caseId));
  const live = registrations.filter((r) => r.state !== 'refused' && r.state !== 'cancelled');
  const action = refused
    ? 'record_registration_refusal'
    : live.length > 0 && live.every((r) => r.state === 'registered')
      ? 'record_registration'
      : null;
  if (action === null) return;
  const authority = asAuthority(actor);
  const to = assertCaseAction({
    state: row.state,
    action,
    actorRole: 'system',
    actorUserId: actor.userId,
  });
  await writeCaseTransition(tx, deps, authority, { row, action, to }, at);
}
