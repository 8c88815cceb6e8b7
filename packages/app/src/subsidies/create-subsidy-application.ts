import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import type { DeclaredSubsidyFacts } from './build-subsidy-facts.ts';
import { toWire } from './subsidy-wire.ts';
import { assertSchemeOpenForApplications } from './assert-scheme-open.ts';
import {
  evaluateStoredScheme,
  evaluationToWire,
  toApplicationViews,
  type SubsidyApplicationView,
} from './subsidy-views.ts';
import { notifySubsidyStep } from './notify-subsidy-step.ts';
import { isUniqueViolation } from '../support/is-unique-violation.ts';

export interface CreateSubsidyApplicationInput {
  readonly caseId: string;
  readonly schemeVersionId: string;
  readonly subsidyYear?: number;
  readonly declared?: DeclaredSubsidyFacts;
}

/** The unmet conditions of an evaluation as `condition:CODE` for SUBSIDY_NOT_ELIGIBLE. */
export function unmetConditions(evaluation: {
  conditions: readonly { condition: string; met: boolean; reason: { code: string } | null }[];
}): string {
  const unmet = evaluation.conditions.filter((c) => !c.met);
  return unmet.length === 0
    ? 'amount 0'
    : unmet.map((c) => `${c.condition}:${c.reason?.code ?? ''}`).join(', ');
}

/**
 * 一键申请 (apply): the enterprise applies under a published scheme version, within its application window
 * (SUBSIDY_WINDOW_CLOSED), for one of its loans. The platform fills the application from its ledger — the facts
 * with their proofs and the amount — and refuses when a condition is unmet or nothing is due
 * (SUBSIDY_NOT_ELIGIBLE). One live application per scheme, loan and year (SUBSIDY_APPLICATION_DUPLICATE).
 * Audited. Source: issue 9 item 4.
 */
export async function createSubsidyApplication(
  input: CreateSubsidyApplicationInput,
  actor: Actor,
  deps: AppDeps,
): Promise<SubsidyApplicationView> {
  authorize(actor, 'subsidy_application.apply');
  const now = deps.clock.now();
  const today = toShanghaiDate(now);
  return runInTransaction(deps, async (tx) => {
    const [kase] = await tx
      .select()
      .from(tables.financingCases)
      .where(
        and(
          eq(tables.financingCases.id, input.caseId),
          eq(tables.financingCases.enterpriseId, actor.organisationId),
        ),
      );
    if (kase === undefined) throw new DomainError('NOT_FOUND');
    const [schemeRow] = await tx
      .select()
      .from(tables.subsidySchemes)
      .where(eq(tables.subsidySchemes.id, input.schemeVersionId));
    if (schemeRow === undefined || schemeRow.beneficiary !== 'enterprise') throw new DomainError('NOT_FOUND');
    assertSchemeOpenForApplications(schemeRow, today);

    const { built, evaluation, subsidyYear } = await evaluateStoredScheme(tx, {
      schemeRow,
      caseId: input.caseId,
      asOfDate: today,
      ...(input.subsidyYear === undefined ? {} : { subsidyYear: input.subsidyYear }),
      ...(input.declared === undefined ? {} : { declared: input.declared }),
    });
    if (!evaluation.eligible || evaluation.totalFen === 0n)
      throw new DomainError('SUBSIDY_NOT_ELIGIBLE', { conditions: unmetConditions(evaluation) });

    const id = randomUUID();
    const applicationNumber = `BT${today.replaceAll('-', '')}${id.slice(0, 6).toUpperCase()}`;
    try {
      await tx.insert(tables.subsidyApplications).values({
        id,
        applicationNumber,
        enterpriseId: built.enterpriseId,
        district: built.district,
        schemeVersionId: schemeRow.id,
        schemeId: schemeRow.schemeId,
        caseId: input.caseId,
        loanAccountId: built.loanAccountId,
        subsidyYear,
        facts: toWire(built.facts) as Record<string, unknown>,
        evaluation: evaluationToWire(evaluation),
        declared: Object.fromEntries(
          Object.entries(input.declared ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string'),
        ),
        requestedFen: evaluation.totalFen,
        state: 'submitted',
        submittedByUserId: actor.userId,
        createdAt: now,
        updatedAt: now,
      });
    } catch (error) {
      if (!isUniqueViolation(error, 'subsidy_applications_live_uq')) throw error;
      throw new DomainError('SUBSIDY_APPLICATION_DUPLICATE', { year: subsidyYear }, { cause: error });
    }
    await deps.audit.append(
      tx,
      actor,
      {
        action: 'subsidy_application.submitted',
        entityType: 'subsidy_application',
        entityId: id,
        before: null,
        after: {
          applicationNumber,
          schemeId: schemeRow.schemeId,
          version: schemeRow.version,
          caseId: input.caseId,
          subsidyYear,
          requestedFen: evaluation.totalFen.toString(),
        },
      },
      now,
    );
    const [row] = await tx
      .select()
      .from(tables.subsidyApplications)
      .where(eq(tables.subsidyApplications.id, id));
    await notifySubsidyStep(tx, row!, 'submitted', now);
    return (await toApplicationViews(tx, [row!]))[0]!;
  });
}
