import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import ExcelJS from 'exceljs';

export type ImportFileFormat = 'csv' | 'xlsx';

/** One row of an import file: its row number in the file (the header is row 1) and its cells as text. */
export interface ImportFileRow {
  readonly rowNumber: number;
  readonly cells: string[];
}

/** Bytes of the file decoded per step: rows stream out without the whole file becoming one string. */
const CSV_CHUNK_BYTES = 1 << 20;

/**
 * CSV rows (RFC 4180: quoted fields with `""` escapes and line breaks, CRLF or LF, UTF-8 with or without BOM),
 * decoded chunk by chunk so a large file never becomes one string or one array of rows.
 */
export async function* readCsvRows(file: Buffer): AsyncGenerator<ImportFileRow> {
  const decoder = new StringDecoder('utf8');
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let afterQuote = false;
  let rowNumber = 0;
  let first = true;
  let pendingQuote = false;
  for (let offset = 0; offset < file.length; offset += CSV_CHUNK_BYTES) {
    let text = decoder.write(file.subarray(offset, offset + CSV_CHUNK_BYTES));
    if (first) {
      text = text.replace(/^\uFEFF/, '');
      first = false;
    }
    for (let i = 0; i < text.length; i += 1) {
      const ch = text[i]!;
      if (pendingQuote) {
        pendingQuote = false;
        if (ch === '"') {
          cell += '"';
          continue;
        }
        quoted = false;
        afterQuote = true;
      }
      if (quoted) {
        if (ch === '"') pendingQuote = true;
        else cell += ch;
        continue;
      }
      if (ch === '"' && cell === '' && !afterQuote) quoted = true;
      else if (ch === ',') {
        cells.push(cell);
        cell = '';
        afterQuote = false;
      } else if (ch === '\n') {
        cells.push(cell.endsWith('\r') ? cell.slice(0, -1) : cell);
        rowNumber += 1;
        if (cells.some((c) => c.trim() !== '')) yield { rowNumber, cells };
        cells = [];
        cell = '';
        afterQuote = false;
      } else if (!(afterQuote && ch === '\r')) cell += ch;
    }
    // Let the consumer work between chunks.
    await Promise.resolve();
  }
  if (cell !== '' || cells.length > 0) {
    cells.push(cell.endsWith('\r') ? cell.slice(0, -1) : cell);
    rowNumber += 1;
    if (cells.some((c) => c.trim() !== '')) yield { rowNumber, cells };
  }
}

/** A cell as text: dates typed in Excel become ISO dates, formulas their results, rich text its plain text. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const object = value as {
      richText?: { text: string }[];
      result?: unknown;
      text?: unknown;
      error?: unknown;
    };
    if (Array.isArray(object.richText)) return object.richText.map((r) => r.text).join('');
    if ('result' in object) return cellText(object.result);
    if (typeof object.text === 'string') return object.text;
    return '';
  }
  return typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean' ||
    typeof value === 'bigint'
    ? String(value)
    : '';
}

/** Rows of the first worksheet of an xlsx file, read with exceljs's streaming reader (rows are not kept). */
export async function* readXlsxRows(file: Buffer): AsyncGenerator<ImportFileRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([file]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  for await (const worksheet of reader) {
    for await (const row of worksheet) {
      const values = row.values as unknown[];
      const cells = Array.from({ length: Math.max(0, values.length - 1) }, (_, i) =>
        cellText(values[i + 1]).trim(),
      );
      if (cells.some((c) => c !== '')) yield { rowNumber: row.number, cells };
    }
    // Only the first worksheet holds data; the template's instructions sheet follows it.
    return;
  }
}

export function readImportRows(file: Buffer, format: ImportFileFormat): AsyncGenerator<ImportFileRow> {
  return format === 'csv' ? readCsvRows(file) : readXlsxRows(file);
}
