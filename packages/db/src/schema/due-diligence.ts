import { boolean, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { DueDiligenceChecklist } from '@ipf/domain/ledger';
import { bankProducts, financingCases } from './ledger.ts';
import { users } from './parties.ts';

/**
 * 尽职调查清单 (due-diligence checklist) of a bank product, versioned data like the product's risk scorecard.
 * Products without a row (entered before checklists existed) use the default checklist.
 */
export const bankProductChecklists = pgTable('bank_product_checklists', {
  productId: uuid('product_id')
    .primaryKey()
    .references(() => bankProducts.id),
  checklist: jsonb('checklist').$type<DueDiligenceChecklist>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
});

/**
 * 尽调结果 (due-diligence results) of a case: one row per checklist item, who checked it and when, and the
 * checklist id and version it was checked against. Recording again replaces the item's row.
 */
export const caseDueDiligenceItems = pgTable(
  'case_due_diligence_items',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => financingCases.id),
    checklistId: text('checklist_id').notNull(),
    checklistVersion: integer('checklist_version').notNull(),
    itemCode: text('item_code').notNull(),
    checked: boolean('checked').notNull(),
    note: text('note'),
    evidence: text('evidence'),
    checkedByUserId: uuid('checked_by_user_id')
      .notNull()
      .references(() => users.id),
    checkedAt: timestamp('checked_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [uniqueIndex('case_due_diligence_items_case_item_uq').on(t.caseId, t.itemCode)],
);
