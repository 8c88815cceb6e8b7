import { complianceFlagImportColumns } from '@ipf/domain/whitelist';
import type { ProblemItem } from '../api/api-types.ts';

/** One line of the problems table: the row in the file (null for the file as a whole) and its column. */
export interface ComplianceFlagImportProblemRow {
  readonly key: string;
  readonly rowNumber: number | null;
  readonly column: string;
  readonly code: string;
  readonly message: string;
}

/**
 * The server's problems (`field` = `rows[<row number>].<column key>`, or `file`) as table rows: row number and
 * column label in the UI language, sorted by row; the message comes translated from the server.
 */
export function toComplianceFlagImportProblemRows(
  problems: readonly ProblemItem[],
  language: 'zh-CN' | 'en',
): ComplianceFlagImportProblemRow[] {
  const labelOf = new Map<string, string>(
    complianceFlagImportColumns.map((c) => [c.key, language === 'en' ? c.en : c.zh]),
  );
  return problems
    .map((p, index) => {
      const match = /^rows\[(\d+)\]\.(\w+)$/.exec(p.field);
      return {
        key: `${index}`,
        rowNumber: match === null ? null : Number(match[1]),
        column: match === null ? '' : (labelOf.get(match[2]!) ?? match[2]!),
        code: p.code,
        message: p.message,
      };
    })
    .sort((a, b) => (a.rowNumber ?? 0) - (b.rowNumber ?? 0));
}
