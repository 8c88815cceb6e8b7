import { asc, eq } from 'drizzle-orm';
import type { CaseActionInput, CombinedModel } from '@ipf/domain/ledger';
import { tables, type Executor } from '@ipf/db';
import type { CaseRow } from './case-view.ts';

/** 案件参与机构 on the wire: who takes part besides the bank, and whether (when, by whom) it accepted. */
export interface CaseParticipantView {
  readonly organisationId: string;
  readonly organisationNameZh: string;
  readonly organisationNameEn: string;
  /** `guarantor` | `insurer` | `evaluator`. */
  readonly role: string;
  readonly acceptedAt: string | null;
  readonly acceptedByUserId: string | null;
}

/** The case's participants, guarantor first, with their organisations' names. */
export async function findCaseParticipants(
  executor: Executor,
  caseId: string,
): Promise<CaseParticipantView[]> {
  const { caseParticipants, organisations } = tables;
  const rows = await executor
    .select({
      organisationId: caseParticipants.organisationId,
      organisationNameZh: organisations.nameZh,
      organisationNameEn: organisations.nameEn,
      role: caseParticipants.role,
      acceptedAt: caseParticipants.acceptedAt,
      acceptedByUserId: caseParticipants.acceptedByUserId,
    })
    .from(caseParticipants)
    .innerJoin(organisations, eq(organisations.id, caseParticipants.organisationId))
    .where(eq(caseParticipants.caseId, caseId))
    .orderBy(asc(caseParticipants.role));
  return rows.map((r) => ({ ...r, acceptedAt: r.acceptedAt?.toISOString() ?? null }));
}

/**
 * The facts the case state table's participant guards read (`guarantee_accepted`, `insurance_accepted`,
 * `guaranteed_case`, `insured_case`, `counter_guarantee_case`, `pledgee_side`): the case's combined model and
 * pledgee, and whether its guarantor and insurer have accepted (承保).
 */
export async function findCaseParticipantFacts(
  executor: Executor,
  row: CaseRow,
): Promise<
  Required<Pick<CaseActionInput, 'combinedModel' | 'pledgeeKind' | 'guaranteeAccepted' | 'insuranceAccepted'>>
> {
  const participants = await executor
    .select({ role: tables.caseParticipants.role, acceptedAt: tables.caseParticipants.acceptedAt })
    .from(tables.caseParticipants)
    .where(eq(tables.caseParticipants.caseId, row.id));
  const accepted = (role: string) => participants.some((p) => p.role === role && p.acceptedAt !== null);
  return {
    combinedModel: (row.combinedModel ?? 'pledge_only') as CombinedModel,
    pledgeeKind: row.pledgeeKind === 'guarantor' ? 'guarantor' : 'bank',
    guaranteeAccepted: accepted('guarantor'),
    insuranceAccepted: accepted('insurer'),
  };
}
