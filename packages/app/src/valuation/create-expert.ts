import { randomUUID } from 'node:crypto';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { resolveExpertInput, type ExpertInput } from './expert-input.ts';
import { toExpertViews, type ExpertView } from './expert-view.ts';

/** 专家入库: the city bureau adds an expert to the review pool; audited. Source: issue 7 item 7. */
export async function createExpert(input: ExpertInput, actor: Actor, deps: AppDeps): Promise<ExpertView> {
  authorize(actor, 'expert.manage');
  return runInTransaction(deps, async (tx) => {
    const now = deps.clock.now();
    const values = await resolveExpertInput(tx, input);
    const [row] = await tx
      .insert(tables.experts)
      .values({ id: randomUUID(), ...values, createdAt: now, updatedAt: now })
      .returning();
    await deps.audit.append(
      tx,
      actor,
      { action: 'expert.created', entityType: 'expert', entityId: row!.id, after: values },
      now,
    );
    const [view] = await toExpertViews(tx, [row!]);
    return view!;
  });
}
