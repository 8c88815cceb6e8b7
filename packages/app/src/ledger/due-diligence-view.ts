import { asc, eq } from 'drizzle-orm';
import {
  defaultDueDiligenceChecklist,
  findDueDiligenceGaps,
  type DueDiligenceChecklist,
  type DueDiligenceGap,
} from '@ipf/domain/ledger';
import { tables, type Executor } from '@ipf/db';
import type { CaseRow } from './case-view.ts';

/** One item of a case's checklist with its recorded result (null until someone checked it). */
export interface CaseDueDiligenceItemView {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  readonly required: boolean;
  readonly evidenceRequired: boolean;
  /** What still keeps this item open, or null when it is done (or optional and left aside). */
  readonly gap: DueDiligenceGap | null;
  readonly result: {
    readonly checked: boolean;
    readonly note: string | null;
    readonly evidence: string | null;
    readonly checkedByUserId: string;
    readonly checkedByName: string;
    readonly checkedAt: string;
    readonly checklistVersion: number;
  } | null;
}

/** 尽职调查 of a case: the product's checklist (id, version), each item's result, and whether it is complete. */
export interface CaseDueDiligenceView {
  readonly caseId: string;
  readonly checklistId: string;
  readonly checklistVersion: number;
  readonly effectiveDate: string;
  /** The clerk may still record results: the case is `applied` (before the risk evaluation). */
  readonly open: boolean;
  readonly complete: boolean;
  readonly items: CaseDueDiligenceItemView[];
}

/** The checklist of a product: its own row, or the default checklist for products entered before checklists. */
export async function loadProductChecklist(
  executor: Executor,
  productId: string | null,
): Promise<DueDiligenceChecklist> {
  if (productId === null) return defaultDueDiligenceChecklist;
  const [row] = await executor
    .select({ checklist: tables.bankProductChecklists.checklist })
    .from(tables.bankProductChecklists)
    .where(eq(tables.bankProductChecklists.productId, productId));
  return row?.checklist ?? defaultDueDiligenceChecklist;
}

/** The recorded results of a case with the name of who checked each item. */
export async function loadDueDiligenceResults(executor: Executor, caseId: string) {
  return executor
    .select({
      itemCode: tables.caseDueDiligenceItems.itemCode,
      checked: tables.caseDueDiligenceItems.checked,
      note: tables.caseDueDiligenceItems.note,
      evidence: tables.caseDueDiligenceItems.evidence,
      checkedByUserId: tables.caseDueDiligenceItems.checkedByUserId,
      checkedByName: tables.users.displayName,
      checkedAt: tables.caseDueDiligenceItems.checkedAt,
      checklistVersion: tables.caseDueDiligenceItems.checklistVersion,
    })
    .from(tables.caseDueDiligenceItems)
    .innerJoin(tables.users, eq(tables.users.id, tables.caseDueDiligenceItems.checkedByUserId))
    .where(eq(tables.caseDueDiligenceItems.caseId, caseId))
    .orderBy(asc(tables.caseDueDiligenceItems.checkedAt));
}

/** The case's checklist with its results, in checklist order. */
export async function loadCaseDueDiligence(executor: Executor, row: CaseRow): Promise<CaseDueDiligenceView> {
  const checklist = await loadProductChecklist(executor, row.productId);
  const results = await loadDueDiligenceResults(executor, row.id);
  const gaps = new Map(findDueDiligenceGaps(checklist, results).map((g) => [g.item.code, g.gap]));
  const byCode = new Map(results.map((r) => [r.itemCode, r]));
  return {
    caseId: row.id,
    checklistId: checklist.checklistId,
    checklistVersion: checklist.version,
    effectiveDate: checklist.effectiveDate,
    open: row.state === 'applied',
    complete: gaps.size === 0,
    items: checklist.items.map((item) => {
      const result = byCode.get(item.code);
      return {
        code: item.code,
        zh: item.zh,
        en: item.en,
        required: item.required,
        evidenceRequired: item.evidenceRequired,
        gap: gaps.get(item.code) ?? null,
        result:
          result === undefined
            ? null
            : {
                checked: result.checked,
                note: result.note,
                evidence: result.evidence,
                checkedByUserId: result.checkedByUserId,
                checkedByName: result.checkedByName,
                checkedAt: result.checkedAt.toISOString(),
                checklistVersion: result.checklistVersion,
              },
      };
    }),
  };
}
