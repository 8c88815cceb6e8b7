import { defineErrors } from '../errors/error-catalogue.ts';

/** Errors of the IP asset registry's records, bulk import and eligibility check (issue 3 items 3, 5, 6). */
export const ipAssetRegistryErrors = defineErrors({
  IP_ASSET_ALREADY_REGISTERED: {
    status: 409,
    zh: '该知识产权（{kind} {number}）已在平台登记。',
    en: 'This right ({kind} {number}) is already registered on the platform.',
  },
  IP_ASSET_KIND_UNKNOWN: {
    status: 400,
    zh: '“{value}”不是知识产权类型（应为 invention_patent、trademark、software_copyright 等）。',
    en: '"{value}" is not an IP kind (expected invention_patent, trademark, software_copyright …).',
  },
  IP_ASSET_STATUS_UNKNOWN: {
    status: 400,
    zh: '“{value}”不是法律状态（应为 pending、granted、registered、lapsed、invalidated、expired 或 abandoned）。',
    en: '"{value}" is not a legal status (pending, granted, registered, lapsed, invalidated, expired or abandoned).',
  },
  IP_ASSET_STATUS_NOT_FOR_KIND: {
    status: 400,
    zh: '法律状态“{status}”不适用于该类型：专利和布图设计用 granted（已授权），其他类型用 registered（已注册/登记）。',
    en: 'Status "{status}" does not fit this kind: patents and layout designs are granted, other kinds registered.',
  },
  IP_ASSET_FLAG_UNKNOWN: {
    status: 400,
    zh: '“{value}”不是状态标记（应为 invalidation_requested、ownership_disputed、court_preserved、pledged 或 licensed）。',
    en: '"{value}" is not a flag (invalidation_requested, ownership_disputed, court_preserved, pledged or licensed).',
  },
  IP_ASSET_NUMBER_INVALID: {
    status: 400,
    zh: '“{input}”不是有效的登记号或证书号。',
    en: '"{input}" is not a valid registration or certificate number.',
  },
  IP_ASSET_NUMBER_KIND_MISMATCH: {
    status: 400,
    zh: '号码 {number} 属于“{numberKind}”，与所选类型“{kind}”不符。',
    en: 'Number {number} belongs to "{numberKind}", not to the chosen kind "{kind}".',
  },
  IP_ASSET_FILING_YEAR_MISMATCH: {
    status: 400,
    zh: '申请号中的申请年份 {year} 与申请日 {filingDate} 不符。',
    en: 'The filing year {year} in the number does not match the filing date {filingDate}.',
  },
  IP_ASSET_DATE_INVALID: {
    status: 400,
    zh: '“{value}”不是有效日期（应为 YYYY-MM-DD，如 2024-01-15）。',
    en: '"{value}" is not a valid date (expected YYYY-MM-DD, e.g. 2024-01-15).',
  },
  IP_ASSET_DATE_IN_FUTURE: {
    status: 400,
    zh: '日期 {value} 晚于今天。',
    en: 'The date {value} lies in the future.',
  },
  IP_ASSET_DATE_ORDER_INVALID: {
    status: 400,
    zh: '日期 {value} 早于申请日 {filingDate}。',
    en: 'The date {value} is before the filing date {filingDate}.',
  },
  IP_ASSET_INTEGER_INVALID: {
    status: 400,
    zh: '“{value}”不是 {min}–{max} 之间的整数。',
    en: '"{value}" is not a whole number from {min} to {max}.',
  },
  IP_ASSET_OWNER_SHARES_INVALID: {
    status: 400,
    zh: '共有人份额合计应为 100%（10000 基点），实际为 {sumBps} 基点。',
    en: "Co-owners' shares must add up to 100% (10000 bps), not {sumBps} bps.",
  },
  IP_ASSET_OWNER_SELF_MISSING: {
    status: 400,
    zh: '本企业必须是权利人之一。',
    en: 'Your enterprise must be one of the owners.',
  },
  IP_ASSET_OWNER_UNKNOWN: {
    status: 400,
    zh: '权利人企业 {enterpriseId} 不在平台上。',
    en: 'Owner enterprise {enterpriseId} is not on the platform.',
  },
  IP_ASSET_PLEDGEE_INVALID: {
    status: 400,
    zh: '质权人须为平台上的银行或担保机构。',
    en: 'The pledgee must be a bank or a guarantor on the platform.',
  },
  IP_IMPORT_FILE_UNREADABLE: {
    status: 400,
    zh: '文件无法按 {format} 格式读取，请使用下载的模板。',
    en: 'The file cannot be read as {format}; please use the downloadable template.',
  },
  IP_IMPORT_FILE_EMPTY: { status: 400, zh: '文件中没有数据行。', en: 'The file has no data rows.' },
  IP_IMPORT_HEADER_MISSING: {
    status: 400,
    zh: '表头缺少必需的列“{column}”。',
    en: 'The header lacks the required column "{column}".',
  },
  IP_IMPORT_TOO_MANY_ROWS: {
    status: 413,
    zh: '一次最多导入 {max} 行。',
    en: 'At most {max} rows can be imported at once.',
  },
  IP_IMPORT_DUPLICATE_ROW: {
    status: 400,
    zh: '与第 {row} 行的 {kind} {number} 重复。',
    en: 'Repeats {kind} {number} of row {row}.',
  },
  IP_IMPORT_BATCH_EXPIRED: {
    status: 410,
    zh: '该导入批次已过期，请重新上传文件。',
    en: 'This import has expired; please upload the file again.',
  },
  IP_IMPORT_BATCH_ALREADY_COMMITTED: {
    status: 409,
    zh: '该导入批次已经导入。',
    en: 'This import has already been committed.',
  },
});
