import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { calculateOrganisationCodeCheckCharacter, calculateUsccCheckCharacter } from '@ipf/domain/party';
import { parsePsiCustomerRows, parsePsiCustomerText } from './parse-psi-customer-list.ts';
import { readXlsxRows } from './read-xlsx-rows.ts';

/** A valid unified social credit code with organisation body `MA5F00` + two digits. */
function uscc(n: number): string {
  const body = `MA5F00${String(n).padStart(2, '0')}`;
  const first17 = `91440300${body}${calculateOrganisationCodeCheckCharacter(body)!}`;
  return `${first17}${calculateUsccCheckCharacter(first17)!}`;
}

describe('parsePsiCustomerText (pasted list or CSV)', () => {
  it('takes the valid code of each line and keeps the rest of the line as the bank’s own label', () => {
    const text = `\uFEFF统一社会信用代码,客户名称\r\n${uscc(1)},深圳甲科技有限公司\n"${uscc(2)}","乙公司, 南山"\n\n${uscc(3).toLowerCase()}\t丙\n`;
    const list = parsePsiCustomerText(text);
    expect(list.customers).toEqual([
      { uscc: uscc(1), label: '深圳甲科技有限公司', line: 2 },
      { uscc: uscc(2), label: '乙公司, 南山', line: 3 },
      { uscc: uscc(3), label: '丙', line: 5 },
    ]);
    expect(list.skippedLines).toEqual([1]);
  });

  it('skips a code whose check character is wrong and counts a repeated code once', () => {
    const good = uscc(4);
    const bad = `${good.slice(0, 17)}${good.endsWith('0') ? '1' : '0'}`;
    const list = parsePsiCustomerText([good, bad, ` ${good} `, '客户'].join('\n'));
    expect(list.customers.map((c) => c.uscc)).toEqual([good]);
    expect(list.skippedLines).toEqual([2, 4]);
    expect(list.duplicateLines).toEqual([3]);
  });

  it('finds the code in any column', () => {
    const list = parsePsiCustomerRows([['001', '甲', uscc(5)]]);
    expect(list.customers).toEqual([{ uscc: uscc(5), label: '001 甲', line: 1 }]);
  });
});

describe('readXlsxRows (first sheet, read in the browser)', () => {
  async function workbook(useSharedStrings: boolean): Promise<Uint8Array> {
    const book = new ExcelJS.Workbook();
    const first = book.addWorksheet('客户');
    first.addRow(['统一社会信用代码', '名称', '授信额度']);
    first.addRow([uscc(6), '甲 & 乙 <公司>', 1_000_000]);
    first.getCell('A4').value = uscc(7);
    first.getCell('C4').value = { richText: [{ text: '丙' }, { text: '公司', font: { bold: true } }] };
    book.addWorksheet('其他').addRow([uscc(8)]);
    if (useSharedStrings) return new Uint8Array(await book.xlsx.writeBuffer());
    const chunks: Buffer[] = [];
    const { PassThrough } = await import('node:stream');
    const stream = new PassThrough();
    stream.on('data', (c: Buffer) => chunks.push(c));
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false });
    const sheet = writer.addWorksheet('客户');
    sheet.addRow(['统一社会信用代码', '名称']).commit();
    sheet.addRow([uscc(6), '甲 & 乙 <公司>']).commit();
    sheet.addRow([]).commit();
    sheet.addRow([uscc(7), '', '丙公司']).commit();
    sheet.commit();
    await writer.commit();
    return new Uint8Array(Buffer.concat(chunks));
  }

  it('reads shared strings, numbers, rich text and blank rows of the first sheet only', async () => {
    const rows = await readXlsxRows(await workbook(true));
    expect(rows[0]).toEqual(['统一社会信用代码', '名称', '授信额度']);
    expect(rows[1]).toEqual([uscc(6), '甲 & 乙 <公司>', '1000000']);
    expect(rows[3]).toEqual([uscc(7), '', '丙公司']);
    expect(rows.flat()).not.toContain(uscc(8));
    expect(parsePsiCustomerRows(rows).customers.map((c) => c.uscc)).toEqual([uscc(6), uscc(7)]);
  });

  it('reads inline strings of a streamed workbook the same way', async () => {
    const rows = await readXlsxRows(await workbook(false));
    const list = parsePsiCustomerRows(rows);
    expect(list.customers).toEqual([
      { uscc: uscc(6), label: '甲 & 乙 <公司>', line: 2 },
      { uscc: uscc(7), label: '丙公司', line: 4 },
    ]);
    expect(list.skippedLines).toEqual([1]);
  });

  it('refuses a file that is not a zip', async () => {
    await expect(readXlsxRows(new TextEncoder().encode('a,b\n1,2\n'.repeat(10)))).rejects.toThrow(
      /not a zip/,
    );
  });
});
