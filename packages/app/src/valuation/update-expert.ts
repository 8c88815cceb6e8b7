import { and, eq } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { resolveExpertInput, type ExpertInput } from './expert-input.ts';
import { toExpertViews, type ExpertView } from './expert-view.ts';

/**
 * 专家信息变更: the bureau updates an expert (e.g. a new affiliation, or inactive: no longer drawn); earlier
 * draws keep the candidate list they recorded. Audited with before and after. Source: issue 7 item 7.
 */
export async function updateExpert(
  input: ExpertInput & { readonly id: string; readonly expectedVersion?: number },
  actor: Actor,
  deps: AppDeps,
): Promise<ExpertView> {
  authorize(actor, 'expert.manage');
  return runInTransaction(deps, async (tx) => {
    const now = deps.clock.now();
    const [before] = await tx
      .select()
      .from(tables.experts)
      .where(eq(tables.experts.id, input.id))
      .for('update');
    if (before === undefined) throw new DomainError('NOT_FOUND');
    if (input.expectedVersion !== undefined && input.expectedVersion !== before.version)
      throw new DomainError('CONFLICT');
    const values = await resolveExpertInput(tx, input);
    const [row] = await tx
      .update(tables.experts)
      .set({ ...values, version: before.version + 1, updatedAt: now })
      .where(and(eq(tables.experts.id, before.id), eq(tables.experts.version, before.version)))
      .returning();
    if (row === undefined) throw new DomainError('CONFLICT');
    await deps.audit.append(
      tx,
      actor,
      {
        action: 'expert.updated',
        entityType: 'expert',
        entityId: row.id,
        before: {
          name: before.name,
          fields: before.fields,
          ipcExpertise: before.ipcExpertise,
          affiliationOrganisationId: before.affiliationOrganisationId,
          affiliationName: before.affiliationName,
          active: before.active,
        },
        after: values,
      },
      now,
    );
    const [view] = await toExpertViews(tx, [row]);
    return view!;
  });
}
