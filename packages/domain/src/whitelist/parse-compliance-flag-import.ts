import type { ProblemDetail } from '../errors/domain-error.ts';
import { isIsoDate } from '../calendar/iso-date.ts';
import { normalizeUscc, validateUscc } from '../party/validate-uscc.ts';
import { recordedComplianceFlagKinds, type RecordedComplianceFlagKind } from './compliance-flags.ts';

/** Largest list the bureau imports in one go: the authorities' monthly lists are a few hundred rows. */
export const MAX_COMPLIANCE_FLAG_IMPORT_ROWS = 5000;
/** Largest file accepted (bytes): 5,000 rows of CSV are well under 1 MB. */
export const MAX_COMPLIANCE_FLAG_IMPORT_BYTES = 2 * 1024 * 1024;

/**
 * 合规标记导入模板列 (import columns), in template order. A header cell may be the key, the Chinese label or the
 * English label (case, spaces and a trailing `*` ignored); unknown columns are ignored.
 */
export const complianceFlagImportColumns = [
  { key: 'uscc', zh: '统一社会信用代码', en: 'USCC', required: true },
  { key: 'kind', zh: '标记类型', en: 'Kind', required: true },
  { key: 'sourceAuthority', zh: '来源机关', en: 'Source authority', required: true },
  { key: 'sourceReference', zh: '文号', en: 'Reference', required: true },
  { key: 'effectiveOn', zh: '列入日期', en: 'Effective on', required: true },
  { key: 'note', zh: '备注', en: 'Note', required: false },
] as const;
export type ComplianceFlagImportColumnKey = (typeof complianceFlagImportColumns)[number]['key'];

/**
 * The names under which the authorities' lists name each kind (the lists' own titles, the short forms and the
 * English labels), besides the code itself: 《企业信息公示暂行条例》 经营异常名录, 市场监管总局令第44号 严重违法失信
 * 名单, 最高法 失信被执行人名单, 税务总局公告2021年第6号 重大税收违法失信主体, and IP infringement judgments.
 */
const kindNames: Readonly<Record<RecordedComplianceFlagKind, readonly string[]>> = {
  abnormal_operation: ['经营异常名录', '经营异常', '列入经营异常名录', 'Abnormal operation'],
  serious_dishonesty: ['严重违法失信名单', '严重违法失信', '严重违法失信企业名单', 'Serious dishonesty'],
  dishonest_debtor: ['失信被执行人', '失信被执行人名单', 'Dishonest judgment debtor', 'Dishonest debtor'],
  tax_violation: [
    '重大税收违法失信',
    '重大税收违法',
    '重大税收违法失信主体',
    '重大税收违法案件',
    'Major tax violation',
    'Tax violation',
  ],
  ip_infringement: [
    '知识产权侵权判决',
    '侵权判决',
    '知识产权侵权',
    'IP infringement judgment',
    'IP infringement',
  ],
};

const normalisedLabel = (text: string) =>
  text
    .trim()
    .replace(/\s*[*＊]\s*$/, '')
    .replace(/\s+/g, ' ')
    .toLowerCase();

const kindByName = new Map<string, RecordedComplianceFlagKind>(
  recordedComplianceFlagKinds.flatMap((kind) =>
    [kind, ...kindNames[kind]].map((name) => [normalisedLabel(name), kind] as const),
  ),
);

/** 标记类型识别 (kind from a cell): the code or one of its Chinese or English names, or null. */
export function parseComplianceFlagKind(text: string): RecordedComplianceFlagKind | null {
  return kindByName.get(normalisedLabel(text)) ?? null;
}

const columnByHeader = new Map<string, ComplianceFlagImportColumnKey>(
  complianceFlagImportColumns.flatMap((c) =>
    [c.key, c.zh, c.en].map((label) => [normalisedLabel(label), c.key] as const),
  ),
);

/** 表头识别 (map header cells to columns): the index of each known column and the required ones missing. */
export function mapComplianceFlagImportHeader(cells: readonly string[]): {
  readonly columns: ReadonlyMap<ComplianceFlagImportColumnKey, number>;
  readonly missing: ComplianceFlagImportColumnKey[];
} {
  const columns = new Map<ComplianceFlagImportColumnKey, number>();
  cells.forEach((cell, index) => {
    const key = columnByHeader.get(normalisedLabel(cell));
    if (key !== undefined && !columns.has(key)) columns.set(key, index);
  });
  const missing = complianceFlagImportColumns
    .filter((c) => c.required && !columns.has(c.key))
    .map((c) => c.key);
  return { columns, missing };
}

/**
 * A date as the lists write it → ISO: `2026-03-01`, `2026/3/1`, `2026.3.1` or `2026年3月1日`; null when it is not
 * a real date.
 */
function parseListDate(text: string): string | null {
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text.trim());
  if (match === null) return null;
  const iso = `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

/** One row of an import file: its row number in the file (the header is row 1) and its cells as text. */
export interface ComplianceFlagImportFileRow {
  readonly rowNumber: number;
  readonly cells: readonly string[];
}

/** A row that passed every check that needs no database. */
export interface ParsedComplianceFlagRow {
  readonly rowNumber: number;
  /** Normalised (upper case, no spaces). */
  readonly uscc: string;
  readonly kind: RecordedComplianceFlagKind;
  readonly sourceAuthority: string;
  readonly sourceReference: string;
  readonly effectiveOn: string;
  readonly note: string | null;
}

/** Lengths the single-flag form allows (RecordComplianceFlagBody), held to the same in a file. */
const textLimits = {
  sourceAuthority: { min: 2, max: 100 },
  sourceReference: { min: 2, max: 100 },
  note: { min: 0, max: 500 },
} as const;

/** The field of a problem: `rows[<row number in the file>].<column key>`. */
export const complianceFlagImportField = (rowNumber: number, column: ComplianceFlagImportColumnKey) =>
  `rows[${rowNumber}].${column}`;

/**
 * 合规标记导入逐行校验 (parse an import of compliance flags, issue 10 item 4): every data row → a flag, or its
 * problems, each with field `rows[<row>].<column>`: required cells (COMPLIANCE_FLAG_IMPORT_VALUE_REQUIRED), the USCC
 * by GB 32100 (USCC_… codes), the kind by code or name (COMPLIANCE_FLAG_IMPORT_KIND_UNKNOWN; `platform_default` is
 * derived, never imported), the date real (COMPLIANCE_FLAG_IMPORT_DATE_INVALID) and not after `today`
 * (COMPLIANCE_FLAG_DATE_IN_FUTURE), text lengths as the form's (COMPLIANCE_FLAG_IMPORT_TEXT_LENGTH), and a row
 * repeating an earlier row's enterprise and kind (COMPLIANCE_FLAG_IMPORT_DUPLICATE_ROW: the list would record one
 * fact twice). Whether the enterprise is on the platform and whether the flag holds already are for the caller.
 * Example: `91440300MA5FXXXX0X, 经营异常名录, 深圳市市场监督管理局, 深市监经异〔2026〕12号, 2026/2/20` → kind
 * `abnormal_operation`, effectiveOn `2026-02-20`.
 */
export function parseComplianceFlagImport(
  rows: readonly ComplianceFlagImportFileRow[],
  columns: ReadonlyMap<ComplianceFlagImportColumnKey, number>,
  today: string,
): { readonly flags: ParsedComplianceFlagRow[]; readonly problems: ProblemDetail[] } {
  const flags: ParsedComplianceFlagRow[] = [];
  const problems: ProblemDetail[] = [];
  const firstRowOf = new Map<string, number>();

  for (const row of rows) {
    const field = (column: ComplianceFlagImportColumnKey) => complianceFlagImportField(row.rowNumber, column);
    const text = (column: ComplianceFlagImportColumnKey) => {
      const index = columns.get(column);
      return index === undefined ? '' : (row.cells[index] ?? '').trim();
    };
    const rowProblems: ProblemDetail[] = [];
    const required = (column: ComplianceFlagImportColumnKey): string | null => {
      const value = text(column);
      if (value !== '') return value;
      rowProblems.push({
        code: 'COMPLIANCE_FLAG_IMPORT_VALUE_REQUIRED',
        field: field(column),
        params: { row: row.rowNumber, column },
      });
      return null;
    };

    const usccText = required('uscc');
    const uscc = usccText === null ? null : normalizeUscc(usccText);
    if (uscc !== null) rowProblems.push(...validateUscc(uscc, field('uscc')));

    const kindText = required('kind');
    const kind = kindText === null ? null : parseComplianceFlagKind(kindText);
    if (kindText !== null && kind === null)
      rowProblems.push({
        code: 'COMPLIANCE_FLAG_IMPORT_KIND_UNKNOWN',
        field: field('kind'),
        params: { row: row.rowNumber, kind: kindText },
      });

    const texts = {
      sourceAuthority: required('sourceAuthority'),
      sourceReference: required('sourceReference'),
    };
    const note = text('note');
    for (const [column, value] of [...Object.entries(texts), ['note', note]] as const) {
      const limit = textLimits[column as keyof typeof textLimits];
      if (value === null || value === '' || (value.length >= limit.min && value.length <= limit.max))
        continue;
      rowProblems.push({
        code: 'COMPLIANCE_FLAG_IMPORT_TEXT_LENGTH',
        field: field(column as ComplianceFlagImportColumnKey),
        params: { row: row.rowNumber, min: limit.min, max: limit.max, length: value.length },
      });
    }

    const dateText = required('effectiveOn');
    const effectiveOn = dateText === null ? null : parseListDate(dateText);
    if (dateText !== null && effectiveOn === null)
      rowProblems.push({
        code: 'COMPLIANCE_FLAG_IMPORT_DATE_INVALID',
        field: field('effectiveOn'),
        params: { row: row.rowNumber, date: dateText },
      });
    if (effectiveOn !== null && effectiveOn > today)
      rowProblems.push({
        code: 'COMPLIANCE_FLAG_DATE_IN_FUTURE',
        field: field('effectiveOn'),
        params: { date: effectiveOn, today },
      });

    if (uscc !== null && kind !== null) {
      const key = `${uscc}\u0000${kind}`;
      const earlier = firstRowOf.get(key);
      if (earlier === undefined) firstRowOf.set(key, row.rowNumber);
      else
        rowProblems.push({
          code: 'COMPLIANCE_FLAG_IMPORT_DUPLICATE_ROW',
          field: field('uscc'),
          params: { row: row.rowNumber, earlierRow: earlier, uscc, kind },
        });
    }

    if (rowProblems.length > 0) {
      problems.push(...rowProblems);
      continue;
    }
    flags.push({
      rowNumber: row.rowNumber,
      uscc: uscc!,
      kind: kind!,
      sourceAuthority: texts.sourceAuthority!,
      sourceReference: texts.sourceReference!,
      effectiveOn: effectiveOn!,
      note: note === '' ? null : note,
    });
  }
  return { flags, problems };
}
