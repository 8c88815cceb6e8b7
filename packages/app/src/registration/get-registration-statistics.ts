import { eq, inArray } from 'drizzle-orm';
import { CN_HOLIDAY_CALENDAR } from '@ipf/domain/calendar';
import { calculateRegistrationStatistics, type RegistrationFigures } from '@ipf/domain/registration';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { registrationCaseVisibility } from './registration-case-visibility.ts';

/** 登记统计 on the wire: per institution (the lending bank) with its name, and pilot vs non-pilot. */
export interface RegistrationStatisticsView {
  readonly byInstitution: (RegistrationFigures & {
    readonly institutionId: string;
    readonly institutionName: string;
    readonly pilot: boolean;
  })[];
  readonly pilot: RegistrationFigures;
  readonly nonPilot: RegistrationFigures;
}

/**
 * 登记统计 (registration statistics per institution): share of registrations done online and working days from
 * filing to registration (`calculateRegistrationStatistics` on the holiday calendar), per lending bank. A bank
 * sees its own (its unit and the units below), bureaus and regulators every bank. No institution is marked as a
 * pilot yet (the pilot list is not on file), so every bank counts as non-pilot. Source: issue 5 item 6.
 */
export async function getRegistrationStatistics(
  actor: Actor,
  deps: AppDeps,
): Promise<RegistrationStatisticsView> {
  const scope = authorize(actor, 'registration.statistics');
  const { pledgeRegistrations, financingCases, organisations } = tables;
  const rows = await deps.db
    .select({
      institutionId: financingCases.bankId,
      channel: pledgeRegistrations.channel,
      filingDate: pledgeRegistrations.filingDate,
      decisionDate: pledgeRegistrations.decisionDate,
      registrationNumber: pledgeRegistrations.registrationNumber,
    })
    .from(pledgeRegistrations)
    .innerJoin(financingCases, eq(financingCases.id, pledgeRegistrations.caseId))
    .where(registrationCaseVisibility(actor, scope));
  const statistics = calculateRegistrationStatistics(
    rows.map((r) => ({
      institutionId: r.institutionId,
      channel: r.channel === 'offline' ? 'offline' : 'online',
      filingDate: r.filingDate,
      registeredDate: r.registrationNumber === null ? null : r.decisionDate,
    })),
    { pilotInstitutionIds: [], calendar: CN_HOLIDAY_CALENDAR },
  );
  const ids = statistics.byInstitution.map((i) => i.institutionId);
  const names =
    ids.length === 0
      ? []
      : await deps.db
          .select({ id: organisations.id, nameZh: organisations.nameZh })
          .from(organisations)
          .where(inArray(organisations.id, ids));
  return {
    ...statistics,
    byInstitution: statistics.byInstitution.map((i) => ({
      ...i,
      institutionName: names.find((n) => n.id === i.institutionId)?.nameZh ?? i.institutionId,
    })),
  };
}
