import type { ProblemDetail } from '@ipf/domain/errors';
import type { tables } from '@ipf/db';

/** A submitted scorecard as its bank and the bureau see it: definition, outcome, problems, grade counts. */
export interface WhitelistScorecardView {
  readonly id: string;
  readonly roundId: string;
  readonly bankOrganisationId: string;
  readonly name: string;
  readonly definition: Record<string, unknown>;
  readonly state: 'accepted' | 'refused';
  /** Why it was refused (`{ code, field, params }`; the edge renders the message). */
  readonly problems: ProblemDetail[];
  readonly gradedCount: number;
  readonly submittedAt: string;
}

export function toWhitelistScorecardView(
  row: typeof tables.whitelistScorecards.$inferSelect,
): WhitelistScorecardView {
  return {
    id: row.id,
    roundId: row.roundId,
    bankOrganisationId: row.bankOrganisationId,
    name: row.name,
    definition: row.definition,
    state: row.state as 'accepted' | 'refused',
    problems: row.problems as unknown as ProblemDetail[],
    gradedCount: row.gradedCount,
    submittedAt: row.submittedAt.toISOString(),
  };
}
