import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';

/** One column of an exported sheet: its width in characters, and whether it holds an amount. */
export interface XlsxColumn {
  readonly width: number;
  /** Amounts are exact yuan text, aligned right like numbers. */
  readonly alignRight?: boolean;
}

export interface OpenXlsxStreamInput {
  readonly output: Writable;
  readonly sheetName: string;
  /** The header row, in bold. */
  readonly headers: readonly string[];
  /** Column widths and alignment; Excel's defaults when left out. */
  readonly columns?: readonly XlsxColumn[];
}

/** An xlsx list being written: rows go out to the stream as they are added. */
export interface XlsxStream {
  readonly addRow: (values: readonly ExcelJS.CellValue[]) => void;
  /** Ends the sheet and the workbook (the stream then ends). */
  readonly finish: () => Promise<void>;
}

/**
 * 导出清单 (a streamed xlsx list): one sheet with a bold header row, rows written out as they come (a list of any
 * length in little memory), no shared strings so each row is final once added. The setup every list export shares.
 */
export function openXlsxStream(input: OpenXlsxStreamInput): XlsxStream {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: input.output,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(input.sheetName);
  if (input.columns !== undefined)
    sheet.columns = input.columns.map(({ width, alignRight }) =>
      alignRight === true ? { width, style: { alignment: { horizontal: 'right' } } } : { width },
    );
  const header = sheet.addRow([...input.headers]);
  header.font = { bold: true };
  header.commit();
  return {
    addRow: (values) => sheet.addRow([...values]).commit(),
    finish: async () => {
      sheet.commit();
      await workbook.commit();
    },
  };
}
