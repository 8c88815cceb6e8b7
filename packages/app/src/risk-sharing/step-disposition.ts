import { eq, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { DomainError } from '@ipf/domain/errors';
import {
  transitionDisposition,
  type DispositionEvent,
  type DispositionState,
} from '@ipf/domain/risk-sharing';
import { tables, type Executor } from '@ipf/db';
import { dispositionStateOf, type DispositionRow } from './disposition-view.ts';

/**
 * 处置状态变更: the next state by `transitionDisposition` (a refusal is its coded DomainError), written with the
 * row's version raised and any extra columns, in the caller's transaction.
 */
export async function stepDisposition(
  tx: Executor,
  row: DispositionRow,
  event: DispositionEvent,
  at: Date,
  patch: PgUpdateSetSource<typeof tables.dispositionCases> = {},
): Promise<DispositionRow> {
  const next = transitionDisposition(dispositionStateOf(row), event);
  if (!next.ok) throw new DomainError(next.code, next.params);
  const state: DispositionState = next.state;
  const [updated] = await tx
    .update(tables.dispositionCases)
    .set({
      ...patch,
      state: state.status,
      path: state.path,
      version: sql`${tables.dispositionCases.version} + 1`,
      updatedAt: at,
    })
    .where(eq(tables.dispositionCases.id, row.id))
    .returning();
  return updated!;
}
