import { randomUUID } from 'node:crypto';
import { and, eq, notInArray } from 'drizzle-orm';
import { assertCaseAction, type CaseState } from '@ipf/domain/ledger';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import { authorize } from '../access/authorize.ts';
import { writeCaseTransition } from '../ledger/transition-case.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { allocateRegistrationSequence } from './allocate-registration-sequence.ts';
import {
  buildRegistrationApplications,
  type RegistrationFilerStatements,
} from './build-registration-applications.ts';
import { loadCaseRegistrations } from './load-case-registrations.ts';
import { getRegistrationAdapter, type RegistrationDeps } from './registration-adapters.ts';
import { getRegistrationCase } from './registration-case-visibility.ts';
import type { RegistrationView } from './registration-view.ts';
import { takeAssetPledgeLocks } from './take-asset-pledge-locks.ts';
import { settleCaseRegistration, writeRegistrationDecision } from './write-registration-decision.ts';

export interface SubmitPledgeRegistrationInput extends RegistrationFilerStatements {
  readonly caseId: string;
  /** The case version the filer read; a newer one is CONFLICT. */
  readonly expectedVersion?: number;
}

/**
 * 提交质押登记 (file the pledge registration of a contracted case, online and paperless): the pledgee's side files
 * (the bank clerk, or the guarantor under 反担保: case rule `pledgee_side`). It builds one application per
 * authority from the case, takes the asset locks first (a live lock of another registration is
 * ASSET_ALREADY_PLEDGED, 409, and nothing is written), files each application with its authority's adapter and
 * moves the case to `registration_pending`; an authority answering at once moves it on to `registered` (notice with
 * registration number) or `registration_refused` (grounds stored, locks released), or leaves it pending with a
 * 补正 notice listing the missing materials. After a refusal it files again the assets no live registration holds.
 * Source: issue 5 item 6; 《专利权质押登记办法》(2021); domain-reference.md "Pledge registration".
 */
export async function submitPledgeRegistration(
  input: SubmitPledgeRegistrationInput,
  actor: Actor,
  deps: RegistrationDeps,
): Promise<RegistrationView[]> {
  const scope = authorize(actor, 'registration.submit');
  const now = deps.clock.now();
  const today = toShanghaiDate(now);
  return runInTransaction(deps, async (tx) => {
    const row = await getRegistrationCase(tx, input.caseId, actor, scope);
    const to = assertCaseAction({
      state: row.state as CaseState,
      action: 'submit_registration',
      actorRole: actor.role,
      actorUserId: actor.userId,
      pledgeeKind: row.pledgeeKind === 'guarantor' ? 'guarantor' : 'bank',
    });

    // After a refusal, only the assets that no live registration of this case holds are filed again.
    const { pledgeRegistrations, assetPledgeLocks, caseAssets } = tables;
    const held = await tx
      .selectDistinct({ assetId: assetPledgeLocks.assetId })
      .from(assetPledgeLocks)
      .innerJoin(pledgeRegistrations, eq(pledgeRegistrations.id, assetPledgeLocks.registrationId))
      .where(
        and(
          eq(pledgeRegistrations.caseId, row.id),
          notInArray(pledgeRegistrations.state, ['refused', 'cancelled']),
        ),
      );
    const heldIds = held.map((h) => h.assetId);
    const assetIds = (
      await tx
        .select({ assetId: caseAssets.assetId })
        .from(caseAssets)
        .where(
          and(
            eq(caseAssets.caseId, row.id),
            ...(heldIds.length === 0 ? [] : [notInArray(caseAssets.assetId, heldIds)]),
          ),
        )
    ).map((a) => a.assetId);

    const registrationIds = new Map<string, string>();
    const applications = await buildRegistrationApplications(tx, {
      row,
      assetIds,
      filingDate: today,
      statements: input,
      applicationIdOf: (authorityId) => {
        const id = randomUUID();
        registrationIds.set(authorityId, id);
        return id;
      },
    });

    // Registration rows, then the locks: the unique index decides a race before anything is filed.
    const filed = [];
    for (const entry of applications) {
      const id = registrationIds.get(entry.authorityId)!;
      const applicationNumber = `DJ${today.replaceAll('-', '')}${id.slice(0, 8).toUpperCase()}`;
      const [registration] = await tx
        .insert(pledgeRegistrations)
        .values({
          id,
          caseId: row.id,
          authorityId: entry.authorityId,
          state: 'submitted',
          applicationNumber,
          pledgorOrganisationId: entry.pledgorOrganisationId,
          pledgeeOrganisationId: entry.pledgeeOrganisationId,
          securedAmountFen: entry.application.contract.securedAmountFen,
          filingDate: today,
          periodStartDate: today,
          dueDate: today,
          materials: [...entry.application.materials],
          channel: 'online',
          submittedByUserId: actor.userId,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      await takeAssetPledgeLocks(
        tx,
        {
          registrationId: id,
          caseId: row.id,
          pledgeeOrganisationId: entry.pledgeeOrganisationId,
          assetIds: entry.assetIds,
        },
        now,
      );
      await tx.insert(tables.registrationEvents).values({
        id: randomUUID(),
        registrationId: id,
        event: 'submit',
        fromState: 'signed',
        toState: 'submitted',
        actorUserId: actor.userId,
        detail: {
          assetIds: [...entry.assetIds],
          materials: [...entry.application.materials],
          debtStartDate: entry.application.contract.debtStartDate,
          debtMaturityDate: entry.application.contract.debtMaturityDate,
          coOwnerConsentPartyIds: [...(input.coOwnerConsentPartyIds ?? [])],
        },
        occurredAt: now,
      });
      await deps.audit.append(
        tx,
        actor,
        {
          action: 'registration.submit',
          entityType: 'pledge_registration',
          entityId: id,
          after: {
            caseId: row.id,
            authorityId: entry.authorityId,
            applicationNumber,
            assetIds: entry.assetIds,
          },
        },
        now,
      );
      filed.push({ registration: registration!, entry });
    }

    await writeCaseTransition(
      tx,
      deps,
      actor,
      { row, action: 'submit_registration', to, expectedVersion: input.expectedVersion },
      now,
    );

    let refused = false;
    for (const { registration, entry } of filed) {
      const answer = await getRegistrationAdapter(deps, entry.authorityId).file(entry.application, {
        allocateSequence: (year) => allocateRegistrationSequence(tx, entry.authorityId, year),
      });
      if (answer.status === 'pending') continue;
      await writeRegistrationDecision(tx, deps, actor, registration, answer.decision, now);
      if (answer.decision.outcome === 'refused') refused = true;
    }
    await settleCaseRegistration(tx, deps, actor, row.id, refused, now);
    return loadCaseRegistrations(tx, row.id);
  });
}
