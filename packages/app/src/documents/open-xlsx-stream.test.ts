import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { openXlsxStream } from './open-xlsx-stream.ts';

async function written(write: (output: PassThrough) => Promise<void>): Promise<ExcelJS.Workbook> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve) => output.on('end', resolve));
  await write(output);
  await ended;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
  return workbook;
}

describe('openXlsxStream: the list exports’ sheet', () => {
  it('writes a bold header, the rows in order, the widths and right-aligned amount columns, then ends the stream', async () => {
    const workbook = await written(async (output) => {
      const xlsx = openXlsxStream({
        output,
        sheetName: '处置案件',
        headers: ['案件编号', '处置款（元）'],
        columns: [{ width: 28 }, { width: 16, alignRight: true }],
      });
      xlsx.addRow(['IPF-2026-0001', '84898.82']);
      xlsx.addRow(['IPF-2026-0002', '0.01']);
      await xlsx.finish();
    });
    const sheet = workbook.getWorksheet('处置案件')!;
    expect(
      sheet
        .getSheetValues()
        .slice(1)
        .map((row) => (row as unknown[]).slice(1)),
    ).toEqual([
      ['案件编号', '处置款（元）'],
      ['IPF-2026-0001', '84898.82'],
      ['IPF-2026-0002', '0.01'],
    ]);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.getRow(2).font?.bold).not.toBe(true);
    expect(sheet.getColumn(1).width).toBe(28);
    expect(sheet.getColumn(2).width).toBe(16);
    // Amounts stay exact text, shown right-aligned like numbers.
    expect(sheet.getCell('B2').value).toBe('84898.82');
    expect(sheet.getCell('B2').alignment?.horizontal).toBe('right');
    expect(sheet.getCell('A2').alignment?.horizontal).toBeUndefined();
  });

  it('leaves the column widths to Excel when none are given', async () => {
    const workbook = await written(async (output) => {
      const xlsx = openXlsxStream({ output, sheetName: 'Assets', headers: ['number'] });
      await xlsx.finish();
    });
    const sheet = workbook.getWorksheet('Assets')!;
    expect(sheet.rowCount).toBe(1);
    expect(sheet.getColumn(1).width).toBeUndefined();
  });
});
