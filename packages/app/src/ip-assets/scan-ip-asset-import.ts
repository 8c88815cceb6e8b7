import type { ProblemDetail } from '@ipf/domain/errors';
import { DomainError } from '@ipf/domain/errors';
import { validateIpAssetInput, type IpAssetInput, type NormalisedIpAsset } from './ip-asset-input.ts';
import { mapImportHeader, type IpAssetImportColumnKey } from './ip-asset-import-columns.ts';
import { readImportRows, type ImportFileFormat } from './read-import-rows.ts';

/** Largest file the registry imports in one go. */
export const MAX_IMPORT_ROWS = 200_000;
/** Problems listed in one report; the counts stay exact beyond it. */
export const MAX_REPORTED_PROBLEMS = 10_000;
/** Valid rows handed to the writer at a time. */
export const IMPORT_BATCH_ROWS = 1000;

export interface ValidImportRow {
  readonly rowNumber: number;
  readonly asset: NormalisedIpAsset;
}

export interface ImportScanResult {
  readonly totalRows: number;
  readonly validRows: number;
  readonly invalidRows: number;
  /** Every problem of every bad row (up to MAX_REPORTED_PROBLEMS), field `rows[<row number>].<column>`. */
  readonly problems: ProblemDetail[];
  readonly problemsTruncated: boolean;
}

const splitList = (text: string): string[] =>
  text
    .split(/[;；、,，\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** One row's cells → the same input the form sends, plus problems of numbers that are not numbers. */
function rowToInput(
  cells: readonly string[],
  columns: ReadonlyMap<IpAssetImportColumnKey, number>,
  fieldOf: (name: string) => string,
): { input: IpAssetInput; problems: ProblemDetail[] } {
  const text = (key: IpAssetImportColumnKey): string => {
    const index = columns.get(key);
    return index === undefined ? '' : (cells[index] ?? '').trim();
  };
  const problems: ProblemDetail[] = [];
  const integer = (key: IpAssetImportColumnKey, max: number): number | null => {
    const value = text(key);
    if (value === '') return null;
    if (!/^\d+$/.test(value) || Number(value) > max) {
      problems.push({
        code: 'IP_ASSET_INTEGER_INVALID',
        field: fieldOf(key),
        params: { value, min: 0, max },
      });
      return null;
    }
    return Number(value);
  };
  const niceClasses: number[] = [];
  splitList(text('niceClasses')).forEach((value) => {
    if (/^\d{1,2}$/.test(value)) niceClasses.push(Number(value));
    else
      problems.push({
        code: 'NICE_CLASS_INVALID',
        field: fieldOf('niceClasses'),
        params: { value, min: 1, max: 45 },
      });
  });
  return {
    input: {
      kind: text('kind'),
      number: text('number'),
      title: text('title'),
      legalStatus: text('legalStatus'),
      flags: splitList(text('flags')),
      filingDate: text('filingDate'),
      grantDate: text('grantDate'),
      termCompensationDays: integer('termCompensationDays', 1830),
      renewalCount: integer('renewalCount', 20),
      creationDate: text('creationDate'),
      firstPublicationDate: text('firstPublicationDate'),
      firstCommercialUseDate: text('firstCommercialUseDate'),
      validUntil: text('validUntil'),
      annualFeePaidThrough: text('annualFeePaidThrough'),
      ipcClasses: splitList(text('ipcClasses')),
      niceClasses,
    },
    problems,
  };
}

/**
 * 逐行校验导入文件 (scan an import file): streams the rows, validates each like the form does, reports every
 * problem of every bad row and a row repeating an earlier row's kind and number, and hands the valid rows to
 * `onValidRows` in batches of IMPORT_BATCH_ROWS (or not at all when only validating). Problems of the file as
 * a whole (unreadable, no header, a required column missing, empty, too many rows) throw VALIDATION_FAILED.
 */
export async function scanIpAssetImport(
  file: Buffer,
  format: ImportFileFormat,
  options: { readonly today: string; readonly onValidRows?: (rows: ValidImportRow[]) => Promise<void> },
): Promise<ImportScanResult> {
  const fileProblem = (code: string, params: ProblemDetail['params'] = {}): DomainError =>
    new DomainError('VALIDATION_FAILED', { count: 1 }, { problems: [{ code, field: 'file', params }] });

  const problems: ProblemDetail[] = [];
  let problemCount = 0;
  let totalRows = 0;
  let validRows = 0;
  let columns: Map<IpAssetImportColumnKey, number> | null = null;
  const firstRowOfKey = new Map<string, number>();
  let batch: ValidImportRow[] = [];

  try {
    for await (const row of readImportRows(file, format)) {
      if (columns === null) {
        const header = mapImportHeader(row.cells);
        if (header.missing.length > 0)
          throw fileProblem('IP_IMPORT_HEADER_MISSING', { column: header.missing.join(', ') });
        columns = header.columns;
        continue;
      }
      totalRows += 1;
      if (totalRows > MAX_IMPORT_ROWS) throw fileProblem('IP_IMPORT_TOO_MANY_ROWS', { max: MAX_IMPORT_ROWS });

      const fieldOf = (name: string) => `rows[${row.rowNumber}].${name}`;
      const parsed = rowToInput(row.cells, columns, fieldOf);
      const checked = validateIpAssetInput(parsed.input, { today: options.today, fieldOf });
      const rowProblems = [...parsed.problems, ...checked.problems];
      if (checked.asset !== null && rowProblems.length === 0) {
        const key = `${checked.asset.kind}\u0000${checked.asset.number}`;
        const earlier = firstRowOfKey.get(key);
        if (earlier === undefined) firstRowOfKey.set(key, row.rowNumber);
        else
          rowProblems.push({
            code: 'IP_IMPORT_DUPLICATE_ROW',
            field: fieldOf('number'),
            params: { row: earlier, kind: checked.asset.kind, number: checked.asset.number },
          });
      }
      if (rowProblems.length > 0) {
        problemCount += rowProblems.length;
        for (const problem of rowProblems)
          if (problems.length < MAX_REPORTED_PROBLEMS) problems.push(problem);
        continue;
      }
      validRows += 1;
      if (options.onValidRows !== undefined) {
        batch.push({ rowNumber: row.rowNumber, asset: checked.asset! });
        if (batch.length >= IMPORT_BATCH_ROWS) {
          await options.onValidRows(batch);
          batch = [];
        }
      }
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw new DomainError(
      'VALIDATION_FAILED',
      { count: 1 },
      { problems: [{ code: 'IP_IMPORT_FILE_UNREADABLE', field: 'file', params: { format } }], cause: error },
    );
  }
  if (columns === null)
    throw fileProblem('IP_IMPORT_HEADER_MISSING', { column: 'kind, number, title, legalStatus' });
  if (totalRows === 0) throw fileProblem('IP_IMPORT_FILE_EMPTY');
  if (batch.length > 0 && options.onValidRows !== undefined) await options.onValidRows(batch);
  return {
    totalRows,
    validRows,
    invalidRows: totalRows - validRows,
    problems,
    problemsTruncated: problemCount > problems.length,
  };
}
