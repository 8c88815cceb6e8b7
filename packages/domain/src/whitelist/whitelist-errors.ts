import { defineErrors } from '../errors/error-catalogue.ts';

/**
 * Errors of the whitelist programme 白名单双向推送 (R5 十三, issue 10): anonymised releases that cannot reach k,
 * bank scorecards refused by structure, privacy or quota, and the compliance flags the bureau records.
 */
export const whitelistErrors = defineErrors({
  WHITELIST_K_ANONYMITY_FAILED: {
    status: 422,
    zh: '数据集无法达到 k={k} 匿名要求（{rowCount} 家企业），本次不予发布。',
    en: 'The dataset cannot reach k={k} anonymity ({rowCount} enterprises); it is not released.',
  },
  WHITELIST_SCORECARD_INVALID: {
    status: 400,
    zh: '评分卡格式不正确：{detail}。',
    en: 'The scorecard is not valid: {detail}.',
  },
  WHITELIST_SCORECARD_BIN_TOO_SMALL: {
    status: 422,
    zh: '评分卡“{feature}”的第 {bin} 个分箱覆盖的本轮企业少于 {k} 家，不予运行。',
    en: 'Bin {bin} of "{feature}" holds fewer than {k} enterprises of the round; the scorecard is refused.',
  },
  WHITELIST_SCORECARD_GRADE_TOO_SMALL: {
    status: 422,
    zh: '评级结果“{grade}”的企业少于 {k} 家，可能识别出个别企业，不予运行。',
    en: 'The outcome "{grade}" would hold fewer than {k} enterprises; the scorecard is refused.',
  },
  WHITELIST_SCORECARD_OUTCOME_TOO_SMALL: {
    status: 422,
    zh: '与本轮已运行的评分卡合并后，有一组评级组合的企业少于 {k} 家，不予运行。',
    en: "Combined with this round's earlier scorecards, a combination of grades would hold fewer than {k} enterprises; the scorecard is refused.",
  },
  WHITELIST_SCORECARD_QUASI_IDENTIFIER_TOO_FINE: {
    status: 422,
    zh: '评分卡对“{feature}”的分箱比本轮发布的数据更细（{value}），可能识别出企业，不予运行。',
    en: 'The bins of "{feature}" are finer than the released data ({value}); the scorecard is refused.',
  },
  WHITELIST_SCORECARD_QUOTA_EXCEEDED: {
    status: 409,
    zh: '本轮评分卡次数已用完（{used}/{quota}）。',
    en: 'The scorecard quota of this round is used up ({used}/{quota}).',
  },
  WHITELIST_SECRET_INVALID: {
    status: 500,
    zh: '白名单密钥“{name}”配置无效（需至少 16 字节的十六进制）。',
    en: 'The whitelist secret "{name}" is not valid (at least 16 bytes of hex are required).',
  },
  COMPLIANCE_FLAG_KIND_UNKNOWN: {
    status: 422,
    zh: '合规标记种类“{kind}”不能登记（平台贷款违约由台账自动得出）。',
    en: 'The compliance flag kind "{kind}" cannot be recorded (a platform default is derived from the ledger).',
  },
  COMPLIANCE_FLAG_ENTERPRISE_UNKNOWN: {
    status: 422,
    zh: '平台没有该企业，不能登记合规标记。',
    en: 'The platform holds no such enterprise; the compliance flag cannot be recorded.',
  },
  COMPLIANCE_FLAG_DATE_IN_FUTURE: {
    status: 422,
    zh: '日期（{date}）不能晚于今天（{today}）。',
    en: 'The date ({date}) cannot be after today ({today}).',
  },
  COMPLIANCE_FLAG_CLEARED_NOT_AFTER_EFFECTIVE: {
    status: 422,
    zh: '移出日期（{clearedOn}）须晚于生效日期（{effectiveOn}）。',
    en: 'The clearing date ({clearedOn}) must be after the effective date ({effectiveOn}).',
  },
  COMPLIANCE_FLAG_ALREADY_CLEARED: {
    status: 409,
    zh: '该合规标记已于 {clearedOn} 移出。',
    en: 'The compliance flag was cleared on {clearedOn}.',
  },
  COMPLIANCE_FLAG_IMPORT_INVALID: {
    status: 422,
    zh: '导入文件有 {count} 处问题，未导入任何标记；请按行修改后重新上传。',
    en: 'The import file has {count} problem(s); no flag was imported. Correct the rows and upload again.',
  },
  COMPLIANCE_FLAG_IMPORT_FILE_TOO_LARGE: {
    status: 413,
    zh: '导入文件过大（{sizeBytes} 字节），上限为 {maxBytes} 字节。',
    en: 'The import file is too large ({sizeBytes} bytes); the limit is {maxBytes} bytes.',
  },
  COMPLIANCE_FLAG_IMPORT_TOO_MANY_ROWS: {
    status: 422,
    zh: '导入文件超过 {max} 行，请拆分后分批导入。',
    en: 'The import file has more than {max} rows; split it and import in parts.',
  },
  COMPLIANCE_FLAG_IMPORT_UNREADABLE: {
    status: 422,
    zh: '无法读取导入文件，请上传 UTF-8 编码的 CSV 或 xlsx 文件。',
    en: 'The import file cannot be read; upload a UTF-8 CSV or an xlsx file.',
  },
  COMPLIANCE_FLAG_IMPORT_EMPTY: {
    status: 422,
    zh: '导入文件没有数据行。',
    en: 'The import file has no data rows.',
  },
  COMPLIANCE_FLAG_IMPORT_HEADER_MISSING: {
    status: 422,
    zh: '导入文件缺少必填列：{columns}（请使用导入模板的表头）。',
    en: 'The import file lacks required columns: {columns} (use the template header).',
  },
  COMPLIANCE_FLAG_IMPORT_VALUE_REQUIRED: {
    status: 422,
    zh: '第 {row} 行“{column}”未填写。',
    en: 'Row {row}: "{column}" is empty.',
  },
  COMPLIANCE_FLAG_IMPORT_KIND_UNKNOWN: {
    status: 422,
    zh: '第 {row} 行标记类型“{kind}”无法识别（经营异常名录、严重违法失信名单、失信被执行人、重大税收违法失信、知识产权侵权判决）。',
    en: 'Row {row}: the flag kind "{kind}" is not known (abnormal_operation, serious_dishonesty, dishonest_debtor, tax_violation, ip_infringement).',
  },
  COMPLIANCE_FLAG_IMPORT_DATE_INVALID: {
    status: 422,
    zh: '第 {row} 行列入日期“{date}”不是有效日期（格式 YYYY-MM-DD）。',
    en: 'Row {row}: the effective date "{date}" is not a valid date (YYYY-MM-DD).',
  },
  COMPLIANCE_FLAG_IMPORT_TEXT_LENGTH: {
    status: 422,
    zh: '第 {row} 行内容长度为 {length} 字，应在 {min} 至 {max} 字之间。',
    en: 'Row {row}: the text has {length} characters; it must have {min} to {max}.',
  },
  COMPLIANCE_FLAG_IMPORT_DUPLICATE_ROW: {
    status: 422,
    zh: '第 {row} 行与第 {earlierRow} 行重复（同一企业 {uscc} 的同一种标记）。',
    en: 'Row {row} repeats row {earlierRow} (the same kind of flag for the enterprise {uscc}).',
  },
  COMPLIANCE_FLAG_IMPORT_ENTERPRISE_UNKNOWN: {
    status: 422,
    zh: '第 {row} 行统一社会信用代码 {uscc} 的企业不在平台上。',
    en: 'Row {row}: no enterprise with the credit code {uscc} is on the platform.',
  },
  WHITELIST_NOISE_INVALID: {
    status: 400,
    zh: '噪声参数无效：隐私预算 ε 必须为正数。',
    en: 'The noise settings are not valid: the privacy budget ε must be positive.',
  },
});
