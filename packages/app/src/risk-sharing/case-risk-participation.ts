import { and, eq } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { divideRounded } from '@ipf/domain/money';
import { tables, type Executor } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AccessScope } from '../access/permission-matrix.ts';
import type { CaseRow } from '../ledger/case-view.ts';
import { getVisibleCase } from '../ledger/transition-case.ts';

/** Case states in which a guarantee or a 保证保险 policy may still be recorded: before disbursement. */
const OPEN_STATES: readonly string[] = [
  'applied',
  'risk_evaluated',
  'value_evaluated',
  'credit_rated',
  'approved',
  'contracted',
  'registration_pending',
  'registered',
];

/**
 * The case a guarantor or insurer prices: visible to it (assigned), of the matching combined model, naming the
 * actor's organisation in that role (else NOT_FOUND, like any case it is not assigned to), not yet disbursed
 * (GUARANTEE_NOT_OPEN), with its amount and term.
 */
export async function getCaseForRiskParticipant(
  executor: Executor,
  caseId: string,
  role: 'guarantor' | 'insurer',
  actor: Actor,
  scope: Exclude<AccessScope, 'none'>,
): Promise<CaseRow & { amountFen: bigint; termMonths: number }> {
  const row = await getVisibleCase(executor, caseId, actor, scope);
  const model = role === 'guarantor' ? 'plus_guarantee' : 'plus_insurance';
  const { caseParticipants } = tables;
  const [participant] = await executor
    .select()
    .from(caseParticipants)
    .where(
      and(
        eq(caseParticipants.caseId, row.id),
        eq(caseParticipants.role, role),
        eq(caseParticipants.organisationId, actor.organisationId),
      ),
    );
  if (participant === undefined || row.combinedModel !== model) throw new DomainError('NOT_FOUND');
  if (!OPEN_STATES.includes(row.state)) throw new DomainError('GUARANTEE_NOT_OPEN', { state: row.state });
  if (row.amountFen === null || row.termMonths === null) throw new DomainError('LOAN_TERMS_MISSING');
  return { ...row, amountFen: row.amountFen, termMonths: row.termMonths };
}

/**
 * 按年费率计费 (fee at an annual rate over the term): `principal × rateBps × termMonths ÷ (10000 × 12)`, rounded
 * half-up to the fen. Example: 1,000,000.00 at 100 bps for 12 months → 10,000.00.
 */
export function calculateTermFeeFen(principalFen: bigint, rateBps: number, termMonths: number): bigint {
  return divideRounded(principalFen * BigInt(rateBps) * BigInt(termMonths), 120_000n, 'halfUp');
}
