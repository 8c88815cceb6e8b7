import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { DomainError, assertNoProblems, type ProblemDetail } from '@ipf/domain/errors';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import {
  loadCaseDueDiligence,
  loadProductChecklist,
  type CaseDueDiligenceView,
} from './due-diligence-view.ts';
import { getVisibleCase } from './transition-case.ts';

export interface RecordDueDiligenceInput {
  readonly id: string;
  /** The items checked now; items not listed keep what was recorded before. */
  readonly items: readonly {
    readonly itemCode: string;
    readonly checked: boolean;
    readonly note?: string | undefined;
    readonly evidence?: string | undefined;
  }[];
}

const textOrNull = (value: string | undefined) =>
  value === undefined || value.trim() === '' ? null : value.trim();

/**
 * 尽职调查: the bank clerk records items of the product's checklist (checked or not, note, evidence) while the
 * case is `applied`; each item keeps who checked it, when, and the checklist id and version. It may be filled in
 * over several visits; 风险评测 waits until it is complete (DUE_DILIGENCE_INCOMPLETE).
 */
export async function recordDueDiligence(
  input: RecordDueDiligenceInput,
  actor: Actor,
  deps: AppDeps,
): Promise<CaseDueDiligenceView> {
  const scope = authorize(actor, 'case.evaluate');
  const now = deps.clock.now();
  return runInTransaction(deps, async (tx) => {
    const visible = await getVisibleCase(tx, input.id, actor, scope);
    // Row lock: a risk evaluation committing meanwhile moves the case on, and this write then sees it closed.
    const [row] = await tx
      .select()
      .from(tables.financingCases)
      .where(eq(tables.financingCases.id, visible.id))
      .for('update');
    if (row === undefined) throw new DomainError('NOT_FOUND');
    if (row.state !== 'applied') throw new DomainError('DUE_DILIGENCE_CLOSED', { state: row.state });

    const checklist = await loadProductChecklist(tx, row.productId);
    const known = new Set(checklist.items.map((i) => i.code));
    const problems: ProblemDetail[] = [];
    const seen = new Set<string>();
    input.items.forEach((item, i) => {
      if (!known.has(item.itemCode))
        problems.push({
          code: 'DUE_DILIGENCE_ITEM_UNKNOWN',
          field: `items[${i}].itemCode`,
          params: { itemCode: item.itemCode, checklistId: checklist.checklistId, version: checklist.version },
        });
      else if (seen.has(item.itemCode))
        problems.push({ code: 'VALIDATION_FAILED', field: `items[${i}].itemCode`, params: { count: 1 } });
      seen.add(item.itemCode);
    });
    if (input.items.length === 0)
      problems.push({ code: 'VALIDATION_FAILED', field: 'items', params: { count: 1 } });
    assertNoProblems(problems);

    const written = [];
    for (const item of input.items) {
      const values = {
        checklistId: checklist.checklistId,
        checklistVersion: checklist.version,
        checked: item.checked,
        note: textOrNull(item.note),
        evidence: textOrNull(item.evidence),
        checkedByUserId: actor.userId,
        checkedAt: now,
      };
      await tx
        .insert(tables.caseDueDiligenceItems)
        .values({ id: randomUUID(), caseId: row.id, itemCode: item.itemCode, ...values })
        .onConflictDoUpdate({
          target: [tables.caseDueDiligenceItems.caseId, tables.caseDueDiligenceItems.itemCode],
          set: values,
        });
      written.push({
        itemCode: item.itemCode,
        checked: values.checked,
        note: values.note,
        evidence: values.evidence,
      });
    }

    const view = await loadCaseDueDiligence(tx, row);
    await deps.audit.append(
      tx,
      actor,
      {
        action: 'case.due_diligence_recorded',
        entityType: 'financing_case',
        entityId: row.id,
        after: {
          checklistId: checklist.checklistId,
          checklistVersion: checklist.version,
          items: written,
          complete: view.complete,
        },
      },
      now,
    );
    return view;
  });
}
