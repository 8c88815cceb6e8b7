/**
 * 导入模板列 (import template columns), in template order. The header cell may be the key, the Chinese label or
 * the English label (case and a trailing `*` ignored). Lists (flags, classes) are separated by `;`.
 */
export const ipAssetImportColumns = [
  { key: 'kind', zh: '类型', en: 'Kind', required: true, example: 'invention_patent' },
  { key: 'number', zh: '申请号/注册号/登记号', en: 'Number', required: true, example: 'ZL202010566088.9' },
  { key: 'title', zh: '名称', en: 'Title', required: true, example: '一种基于深度学习的图像去噪方法' },
  { key: 'legalStatus', zh: '法律状态', en: 'Legal status', required: true, example: 'granted' },
  { key: 'flags', zh: '状态标记', en: 'Flags', required: false, example: 'licensed' },
  { key: 'filingDate', zh: '申请日', en: 'Filing date', required: false, example: '2020-06-19' },
  {
    key: 'grantDate',
    zh: '授权/注册/登记日',
    en: 'Grant or registration date',
    required: false,
    example: '2022-03-01',
  },
  {
    key: 'termCompensationDays',
    zh: '期限补偿天数',
    en: 'Term compensation days',
    required: false,
    example: '0',
  },
  { key: 'renewalCount', zh: '续展次数', en: 'Renewals', required: false, example: '' },
  { key: 'creationDate', zh: '创作/开发完成日', en: 'Creation date', required: false, example: '' },
  {
    key: 'firstPublicationDate',
    zh: '首次发表日',
    en: 'First publication date',
    required: false,
    example: '',
  },
  {
    key: 'firstCommercialUseDate',
    zh: '首次商业利用日',
    en: 'First commercial use date',
    required: false,
    example: '',
  },
  {
    key: 'validUntil',
    zh: '有效期至/合同到期日',
    en: 'Valid until / contract end',
    required: false,
    example: '',
  },
  {
    key: 'annualFeePaidThrough',
    zh: '年费缴至',
    en: 'Annual fee paid through',
    required: false,
    example: '2026-06-18',
  },
  { key: 'ipcClasses', zh: 'IPC 分类', en: 'IPC classes', required: false, example: 'G06T 7/00' },
  { key: 'niceClasses', zh: '尼斯分类', en: 'Nice classes', required: false, example: '' },
] as const;

export type IpAssetImportColumnKey = (typeof ipAssetImportColumns)[number]['key'];

const headerText = (text: string) =>
  text
    .trim()
    .replace(/\s*[*＊]\s*$/, '')
    .replace(/\s+/g, ' ')
    .toLowerCase();
const columnByHeader = new Map<string, IpAssetImportColumnKey>(
  ipAssetImportColumns.flatMap(
    (c) =>
      [
        [headerText(c.key), c.key],
        [headerText(c.zh), c.key],
        [headerText(c.en), c.key],
      ] as const,
  ),
);

/** 表头识别 (map header cells to columns): index of each known column; unknown headers are ignored. */
export function mapImportHeader(cells: readonly string[]): {
  columns: Map<IpAssetImportColumnKey, number>;
  missing: IpAssetImportColumnKey[];
} {
  const columns = new Map<IpAssetImportColumnKey, number>();
  cells.forEach((cell, index) => {
    const key = columnByHeader.get(headerText(cell));
    if (key !== undefined && !columns.has(key)) columns.set(key, index);
  });
  const missing = ipAssetImportColumns.filter((c) => c.required && !columns.has(c.key)).map((c) => c.key);
  return { columns, missing };
}
