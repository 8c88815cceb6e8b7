import { randomUUID } from 'node:crypto';
import type { RecordedComplianceFlagKind } from '@ipf/domain/whitelist';
import { tables, type Transaction } from '@ipf/db';

/** One flag to write, already checked: a recorded kind, an enterprise on the platform, a date not after today. */
export interface NewComplianceFlag {
  readonly enterpriseId: string;
  readonly kind: RecordedComplianceFlagKind;
  readonly sourceAuthority: string;
  readonly sourceReference: string;
  readonly effectiveOn: string;
  readonly note?: string | null;
}

/** Rows per insert statement: well under PostgreSQL's 65,535 bind parameters (10 columns a row). */
const INSERT_BATCH_ROWS = 500;

/**
 * 写入合规标记 (insert compliance flags): the one write path of a recorded flag, for the single form and the
 * import alike — texts trimmed, an empty note stored as null, recorded by the actor at `now`. Returns the new
 * ids in input order. The caller validates, audits and owns the transaction.
 */
export async function insertComplianceFlags(
  tx: Transaction,
  flags: readonly NewComplianceFlag[],
  recorded: { readonly userId: string; readonly now: Date },
): Promise<string[]> {
  const rows = flags.map((flag) => ({
    id: randomUUID(),
    enterpriseId: flag.enterpriseId,
    kind: flag.kind,
    sourceAuthority: flag.sourceAuthority.trim(),
    sourceReference: flag.sourceReference.trim(),
    effectiveOn: flag.effectiveOn,
    note: flag.note?.trim() || null,
    recordedByUserId: recorded.userId,
    recordedAt: recorded.now,
  }));
  for (let i = 0; i < rows.length; i += INSERT_BATCH_ROWS)
    await tx.insert(tables.complianceFlags).values(rows.slice(i, i + INSERT_BATCH_ROWS));
  return rows.map((row) => row.id);
}
