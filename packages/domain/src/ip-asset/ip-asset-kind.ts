/**
 * 知识产权类型 (IP asset kinds) the platform registers and finances (requirements R2, issue 3).
 * Codes are stable English snake_case; labels are for the UI.
 */
export const ipAssetKinds = [
  { code: 'invention_patent', family: 'patent', zh: '发明专利', en: 'Invention patent' },
  { code: 'utility_model_patent', family: 'patent', zh: '实用新型专利', en: 'Utility model patent' },
  { code: 'design_patent', family: 'patent', zh: '外观设计专利', en: 'Design patent' },
  { code: 'trademark', family: 'trademark', zh: '注册商标', en: 'Registered trademark' },
  { code: 'work_copyright', family: 'copyright', zh: '作品著作权', en: 'Copyright in a work' },
  { code: 'software_copyright', family: 'copyright', zh: '计算机软件著作权', en: 'Software copyright' },
  { code: 'geographical_indication', family: 'trademark', zh: '地理标志', en: 'Geographical indication' },
  { code: 'ic_layout_design', family: 'patent', zh: '集成电路布图设计专有权', en: 'IC layout design right' },
  { code: 'data_ip', family: 'data_ip', zh: '数据知识产权', en: 'Data intellectual property' },
  {
    code: 'licence_revenue_right',
    family: 'receivable',
    zh: '知识产权许可收益权',
    en: 'Licence revenue right',
  },
] as const;

export type IpAssetKind = (typeof ipAssetKinds)[number]['code'];
export const ipAssetKindCodes: readonly IpAssetKind[] = ipAssetKinds.map((k) => k.code);

/**
 * 登记机关口径 (registration family): which pledge-registration rules apply. IC layout designs go to CNIPA like
 * patents and GIs are pledged as collective/certification marks under the trademark rules
 * (domain-reference.md "Pledge registration: other kinds"); licence revenue rights are receivables registered
 * at the PBoC movable-property registry; data IP at the local data-IP platform.
 */
export type IpAssetFamily = (typeof ipAssetKinds)[number]['family'];

/** 类型所属登记口径: the registration family of a kind. */
export function ipAssetFamilyOf(kind: IpAssetKind): IpAssetFamily {
  return ipAssetKinds.find((k) => k.code === kind)!.family;
}

/** Patent kinds, whose identifier is a CNIPA application number. */
export const patentKinds = ['invention_patent', 'utility_model_patent', 'design_patent'] as const;
export type PatentKind = (typeof patentKinds)[number];

/** 尼斯分类 (Nice classification): trademark classes 1–34 goods, 35–45 services. */
export const NICE_CLASS_MIN = 1;
export const NICE_CLASS_MAX = 45;

/** 是否为有效尼斯分类号 (is a Nice class): an integer 1–45 (Nice Agreement, 12th edition). */
export function isNiceClass(value: number): boolean {
  return Number.isInteger(value) && value >= NICE_CLASS_MIN && value <= NICE_CLASS_MAX;
}

/** 许可类型 (licence kinds): 独占 exclusive, 排他 sole, 普通 ordinary (专利实施许可合同备案办法). */
export const licenceKinds = [
  { code: 'exclusive', zh: '独占许可', en: 'Exclusive licence' },
  { code: 'sole', zh: '排他许可', en: 'Sole licence' },
  { code: 'ordinary', zh: '普通许可', en: 'Ordinary licence' },
] as const;
export type LicenceKind = (typeof licenceKinds)[number]['code'];
