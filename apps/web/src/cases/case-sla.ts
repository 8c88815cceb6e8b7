/**
 * 办理时限 (SLA in calendar days) per waiting step. The API reports the days a case has spent in its state
 * but no SLA, so these are *example* defaults of the platform (no rule in requirements.md fixes them): a step
 * older than its SLA is highlighted in the work queue and the ledger.
 */
export const defaultSlaDaysByState: Readonly<Record<string, number>> = {
  lead: 5,
  applied: 2,
  risk_evaluated: 3,
  value_evaluated: 5,
  credit_rated: 3,
  approved: 5,
  contracted: 3,
  registration_refused: 3,
};

/** The SLA of a state in days, or null where the case does not wait on a person (terminal, servicing …). */
export function slaDaysOf(state: string): number | null {
  return defaultSlaDaysByState[state] ?? null;
}

/** 超时 (over the SLA): true when the case has waited in its state longer than the state's SLA. */
export function isOverSla(state: string, daysInState: number): boolean {
  const sla = slaDaysOf(state);
  return sla !== null && daysInState > sla;
}
