import { complianceFlagImportColumns } from '@ipf/domain/whitelist';

/**
 * 导入模板 (import template): the header row of the columns the server reads, in the UI language (the server
 * accepts the Chinese, English or key header alike), as UTF-8 CSV with a BOM so Excel opens it in Chinese.
 */
export function createComplianceFlagImportTemplate(language: 'zh-CN' | 'en'): string {
  const header = complianceFlagImportColumns.map((c) => (language === 'en' ? c.en : c.zh));
  return `\uFEFF${header.join(',')}\r\n`;
}
