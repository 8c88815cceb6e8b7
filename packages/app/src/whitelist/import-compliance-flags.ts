import { createHash, randomUUID } from 'node:crypto';
import { and, gt, inArray, isNull, lte, or } from 'drizzle-orm';
import { DomainError, type ProblemDetail } from '@ipf/domain/errors';
import {
  MAX_COMPLIANCE_FLAG_IMPORT_BYTES,
  MAX_COMPLIANCE_FLAG_IMPORT_ROWS,
  complianceFlagImportField,
  mapComplianceFlagImportHeader,
  parseComplianceFlagImport,
  type ComplianceFlagImportColumnKey,
  type ComplianceFlagImportFileRow,
} from '@ipf/domain/whitelist';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { readImportRows, type ImportFileFormat } from '../ip-assets/read-import-rows.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { insertComplianceFlags } from './insert-compliance-flags.ts';

export interface ImportComplianceFlagsInput {
  readonly file: Buffer;
  readonly format: ImportFileFormat;
}

/** A row left out because the same kind of flag already holds for the enterprise today. */
export interface SkippedComplianceFlagRow {
  readonly rowNumber: number;
  readonly uscc: string;
  readonly kind: string;
}

/** 导入结果 (import result): what was written and what was already on record. */
export interface ComplianceFlagImportResult {
  readonly importId: string;
  readonly totalRows: number;
  readonly recorded: number;
  readonly skippedDuplicates: number;
  readonly skipped: SkippedComplianceFlagRow[];
  readonly fileSha256: string;
}

const fileError = (code: string, params: Record<string, string | number> = {}, cause?: unknown) =>
  new DomainError(code, params, { problems: [{ code, field: 'file', params }], cause });

/** The file's header and data rows, refusing an unreadable file, a missing column, no rows or too many. */
async function readRows(input: ImportComplianceFlagsInput): Promise<{
  columns: ReadonlyMap<ComplianceFlagImportColumnKey, number>;
  rows: ComplianceFlagImportFileRow[];
}> {
  let columns: ReadonlyMap<ComplianceFlagImportColumnKey, number> | null = null;
  const rows: ComplianceFlagImportFileRow[] = [];
  try {
    for await (const row of readImportRows(input.file, input.format)) {
      if (columns === null) {
        const header = mapComplianceFlagImportHeader(row.cells);
        if (header.missing.length > 0)
          throw fileError('COMPLIANCE_FLAG_IMPORT_HEADER_MISSING', { columns: header.missing.join(', ') });
        columns = header.columns;
        continue;
      }
      if (rows.length >= MAX_COMPLIANCE_FLAG_IMPORT_ROWS)
        throw fileError('COMPLIANCE_FLAG_IMPORT_TOO_MANY_ROWS', { max: MAX_COMPLIANCE_FLAG_IMPORT_ROWS });
      rows.push(row);
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw fileError('COMPLIANCE_FLAG_IMPORT_UNREADABLE', { format: input.format }, error);
  }
  if (columns === null || rows.length === 0) throw fileError('COMPLIANCE_FLAG_IMPORT_EMPTY');
  return { columns, rows };
}

/**
 * 合规标记批量导入 (import compliance flags from an authority's list, issue 10 item 4): the city bureau uploads a
 * CSV or xlsx (统一社会信用代码, 标记类型, 来源机关, 文号, 列入日期, 备注). Every row is checked first — the
 * domain's row checks (parseComplianceFlagImport), then the enterprise on the platform by its USCC
 * (COMPLIANCE_FLAG_IMPORT_ENTERPRISE_UNKNOWN). If any row fails nothing is written and every problem is listed
 * (COMPLIANCE_FLAG_IMPORT_INVALID, field `rows[<row>].<column>`). Otherwise, in one transaction, a row whose
 * enterprise already has that kind of flag holding today is skipped (a list republished monthly repeats its
 * entries; reported, not an error) and the rest are written through the single form's write path
 * (insertComplianceFlags); one audit event names the count and the file's SHA-256. Limits: 2 MB, 5,000 rows.
 */
export async function importComplianceFlags(
  input: ImportComplianceFlagsInput,
  actor: Actor,
  deps: AppDeps,
): Promise<ComplianceFlagImportResult> {
  authorize(actor, 'compliance_flag.record');
  if (input.file.length > MAX_COMPLIANCE_FLAG_IMPORT_BYTES)
    throw fileError('COMPLIANCE_FLAG_IMPORT_FILE_TOO_LARGE', {
      sizeBytes: input.file.length,
      maxBytes: MAX_COMPLIANCE_FLAG_IMPORT_BYTES,
    });
  const now = deps.clock.now();
  const today = toShanghaiDate(now);
  const { columns, rows } = await readRows(input);
  const parsed = parseComplianceFlagImport(rows, columns, today);
  const fileSha256 = createHash('sha256').update(input.file).digest('hex');

  return runInTransaction(deps, async (tx) => {
    const { enterprises: e, complianceFlags: f } = tables;
    const usccs = [...new Set(parsed.flags.map((flag) => flag.uscc))];
    const known =
      usccs.length === 0
        ? []
        : await tx.select({ id: e.organisationId, uscc: e.uscc }).from(e).where(inArray(e.uscc, usccs));
    const enterpriseOf = new Map(known.map((k) => [k.uscc, k.id]));
    const problems: ProblemDetail[] = [...parsed.problems];
    for (const flag of parsed.flags)
      if (!enterpriseOf.has(flag.uscc))
        problems.push({
          code: 'COMPLIANCE_FLAG_IMPORT_ENTERPRISE_UNKNOWN',
          field: complianceFlagImportField(flag.rowNumber, 'uscc'),
          params: { row: flag.rowNumber, uscc: flag.uscc },
        });
    if (problems.length > 0) {
      const rowOf = (p: ProblemDetail) => Number(/^rows\[(\d+)\]/.exec(p.field)?.[1] ?? 0);
      problems.sort((a, b) => rowOf(a) - rowOf(b));
      throw new DomainError('COMPLIANCE_FLAG_IMPORT_INVALID', { count: problems.length }, { problems });
    }

    // Flags holding today (effective ≤ today < cleared), as the whitelist reads them.
    const holding = await tx
      .select({ enterpriseId: f.enterpriseId, kind: f.kind })
      .from(f)
      .where(
        and(
          inArray(f.enterpriseId, [...enterpriseOf.values()]),
          lte(f.effectiveOn, today),
          or(isNull(f.clearedOn), gt(f.clearedOn, today)),
        ),
      );
    const held = new Set(holding.map((h) => `${h.enterpriseId}\u0000${h.kind}`));
    const skipped: SkippedComplianceFlagRow[] = [];
    const toWrite = parsed.flags.flatMap((flag) => {
      const enterpriseId = enterpriseOf.get(flag.uscc)!;
      if (held.has(`${enterpriseId}\u0000${flag.kind}`)) {
        skipped.push({ rowNumber: flag.rowNumber, uscc: flag.uscc, kind: flag.kind });
        return [];
      }
      return [{ ...flag, enterpriseId }];
    });
    const ids = await insertComplianceFlags(tx, toWrite, { userId: actor.userId, now });

    const importId = randomUUID();
    await deps.audit.append(
      tx,
      actor,
      {
        action: 'compliance_flags.imported',
        entityType: 'compliance_flag_import',
        entityId: importId,
        after: {
          format: input.format,
          fileSha256,
          totalRows: rows.length,
          recorded: ids.length,
          skippedDuplicates: skipped.length,
        },
      },
      now,
    );
    return {
      importId,
      totalRows: rows.length,
      recorded: ids.length,
      skippedDuplicates: skipped.length,
      skipped,
      fileSha256,
    };
  });
}
