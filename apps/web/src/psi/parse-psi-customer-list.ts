import { isValidUscc, normalizeUscc } from '@ipf/domain/party';

/** One customer line of the bank's list: its code and the rest of the line as the bank wrote it. */
export interface PsiCustomer {
  readonly uscc: string;
  /** The other cells of the line (the bank's own name for the customer, say), kept in the page only. */
  readonly label: string;
  /** 1-based line (or sheet row) number. */
  readonly line: number;
}

export interface PsiCustomerList {
  /** Customers with a valid code, first occurrence of each code only. */
  readonly customers: PsiCustomer[];
  /** Lines without a valid unified social credit code (a header row, a typo), 1-based, not sent anywhere. */
  readonly skippedLines: number[];
  /** Lines whose code repeats an earlier line's. */
  readonly duplicateLines: number[];
}

const USCC_SHAPE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

/**
 * 客户名单解析: rows of cells (from a paste, a CSV or the first sheet of an xlsx) → the bank's customers. In each
 * row the first cell that is a valid unified social credit code (GB 32100 check characters) is the code; the
 * other non-empty cells form the label. Rows without one are skipped and reported by number.
 */
export function parsePsiCustomerRows(rows: readonly (readonly string[])[]): PsiCustomerList {
  const customers: PsiCustomer[] = [];
  const skippedLines: number[] = [];
  const duplicateLines: number[] = [];
  const seen = new Set<string>();
  rows.forEach((cells, index) => {
    const line = index + 1;
    const trimmed = cells.map((c) => c.trim());
    if (trimmed.every((c) => c === '')) return;
    const at = trimmed.findIndex((c) => USCC_SHAPE.test(normalizeUscc(c)) && isValidUscc(c));
    if (at < 0) {
      skippedLines.push(line);
      return;
    }
    const uscc = normalizeUscc(trimmed[at]!);
    if (seen.has(uscc)) {
      duplicateLines.push(line);
      return;
    }
    seen.add(uscc);
    const label = trimmed.filter((c, i) => i !== at && c !== '').join(' ');
    customers.push({ uscc, label, line });
  });
  return { customers, skippedLines, duplicateLines };
}

/** Splits one CSV line on commas (quotes respected), tabs, semicolons or Chinese commas. */
function splitCells(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (ch === ',' || ch === '\t' || ch === ';' || ch === '，' || ch === '；') {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}

/** A pasted list or a CSV file's text (a UTF-8 byte-order mark is ignored): one customer per line. */
export function parsePsiCustomerText(text: string): PsiCustomerList {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  return parsePsiCustomerRows(lines.map(splitCells));
}
