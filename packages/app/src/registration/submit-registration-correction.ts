import { eq } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import type { RegistrationMaterial } from '@ipf/domain/registration';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { allocateRegistrationSequence } from './allocate-registration-sequence.ts';
import {
  buildRegistrationApplications,
  type RegistrationFilerStatements,
} from './build-registration-applications.ts';
import { getRegistrationAdapter, type RegistrationDeps } from './registration-adapters.ts';
import { getVisibleRegistration } from './registration-case-visibility.ts';
import { toRegistrationViews, type RegistrationView } from './registration-view.ts';
import {
  settleCaseRegistration,
  writeRegistrationDecision,
  writeRegistrationEvent,
} from './write-registration-decision.ts';

export interface SubmitRegistrationCorrectionInput extends RegistrationFilerStatements {
  readonly registrationId: string;
}

/**
 * 提交补正 (file the correction of a registration the authority asked to correct): the application is built again
 * from the case with the materials supplied now, filed with the 补正 round (notice date, completed today; the
 * service period runs again from today; trademarks refuse a correction after their 30-day window) and decided
 * like a first filing. Source: 《注册商标专用权质押登记程序规定》(2020) 补正; 《专利权质押登记办法》(2021)
 * "from full correction of defects".
 */
export async function submitRegistrationCorrection(
  input: SubmitRegistrationCorrectionInput,
  actor: Actor,
  deps: RegistrationDeps,
): Promise<RegistrationView> {
  const scope = authorize(actor, 'registration.submit');
  const now = deps.clock.now();
  const today = toShanghaiDate(now);
  return runInTransaction(deps, async (tx) => {
    const { registration, caseRow } = await getVisibleRegistration(tx, input.registrationId, actor, scope);
    if (registration.state !== 'correction_requested')
      throw new DomainError('REGISTRATION_EVENT_NOT_ALLOWED_IN_STATE', {
        event: 'submit_correction',
        state: registration.state,
      });
    const assetIds = (
      await tx
        .select({ assetId: tables.assetPledgeLocks.assetId })
        .from(tables.assetPledgeLocks)
        .where(eq(tables.assetPledgeLocks.registrationId, registration.id))
    ).map((l) => l.assetId);
    const [entry] = await buildRegistrationApplications(tx, {
      row: caseRow,
      assetIds,
      filingDate: registration.filingDate,
      statements: {
        ...input,
        materials: [...(registration.materials as RegistrationMaterial[]), ...(input.materials ?? [])],
      },
      applicationIdOf: () => registration.id,
      correction: { requestedDate: registration.correctionRequestedDate ?? today, completedDate: today },
      excludeRegistrationIds: [registration.id],
    });
    const resubmitted = await writeRegistrationEvent(
      tx,
      deps,
      actor,
      {
        row: registration,
        event: 'submit_correction',
        patch: { materials: [...entry!.application.materials], periodStartDate: today },
        detail: { materials: [...entry!.application.materials] },
      },
      now,
    );
    const answer = await getRegistrationAdapter(deps, entry!.authorityId).file(entry!.application, {
      allocateSequence: (year) => allocateRegistrationSequence(tx, entry!.authorityId, year),
    });
    const decided =
      answer.status === 'pending'
        ? resubmitted
        : await writeRegistrationDecision(tx, deps, actor, resubmitted, answer.decision, now);
    await settleCaseRegistration(
      tx,
      deps,
      actor,
      caseRow.id,
      answer.status === 'decided' && answer.decision.outcome === 'refused',
      now,
    );
    const [view] = await toRegistrationViews(tx, [decided]);
    return view!;
  });
}
