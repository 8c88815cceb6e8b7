import type { IpAssetKind, PledgeRegulation } from '../ip-asset/index.ts';

/** 登记机关 (registration authority) codes: one built-in authority per registry (issue 5 item 6). */
export type RegistrationAuthorityId =
  'cnipa_patent' | 'cnipa_trademark' | 'copyright_centre' | 'pboc_receivables' | 'sz_data_ip';

/**
 * 质押合同必备条款 (required content of a pledge contract): parties' names and addresses; kind and amount of the
 * secured claim; the debtor's term of performance; the pledged rights (number, name, dates); the scope of the
 * security. Source: 《专利权质押登记办法》(2021) on the pledge contract's content; the trademark (2020) and
 * copyright rules list the same items.
 */
export type ContractItem = 'parties' | 'secured_claim' | 'debt_term' | 'pledged_rights' | 'security_scope';

/** Every contract item, in the order the rules list them. */
export const contractItems: readonly ContractItem[] = [
  'parties',
  'secured_claim',
  'debt_term',
  'pledged_rights',
  'security_scope',
];

/**
 * 申请材料 (application materials): joint application form, pledge contract, identity proofs or a signed
 * commitment letter 承诺书, power of attorney (via an agent), valuation report (when the form declares one),
 * co-owners' written consent (co-owned rights), prior licence contracts (copyright).
 */
export type RegistrationMaterial =
  | 'application_form'
  | 'pledge_contract'
  | 'identity_or_commitment_letter'
  | 'power_of_attorney'
  | 'valuation_report'
  | 'co_owner_consents'
  | 'prior_licence_contracts';

/** 服务时限 (service time limit): working days (from the day after filing), calendar days (民法典 art. 203 roll-over), or immediate. */
export interface ServiceTimeLimit {
  readonly unit: 'working_days' | 'calendar_days' | 'immediate';
  readonly count: number;
}

/**
 * 登记机关规则配置 (authority configuration): which kinds it registers, its published service time limit, the
 * correction window, the regulation its refusal grounds are numbered by, and its notice. Time limits are the
 * authorities' published service commitments, kept as configuration (domain-reference.md "Pledge registration").
 */
export interface RegistrationAuthority {
  readonly authorityId: RegistrationAuthorityId;
  readonly zh: string;
  readonly en: string;
  readonly kinds: readonly IpAssetKind[];
  readonly regulation: PledgeRegulation;
  readonly serviceTimeLimit: ServiceTimeLimit;
  /** 补正期限 in calendar days from the correction notice (art. 203 roll-over); null = none published. */
  readonly correctionWindowDays: number | null;
  /** Whether the authority examines the refusal grounds; the receivables registry records what the filer declares. */
  readonly examinesSubstance: boolean;
  /** Whether the pledgor joins the application (receivables: the pledgee registers alone). */
  readonly jointApplication: boolean;
  readonly requiredContractItems: readonly ContractItem[];
  /** The regulation's item for a contract lacking required content or violating mandatory law; null = "other" or unnumbered. */
  readonly contractGroundItem: number | null;
  /** Trademarks: the registration lapses at the end of its period unless extended. */
  readonly lapsesAtPeriodEnd: boolean;
  readonly supportsExtension: boolean;
  readonly numberPrefix: string;
  readonly noticeTitleZh: string;
  readonly noticeTitleEn: string;
  readonly source: string;
}

const ALL_ITEMS = contractItems;

/**
 * 内置登记机关 (built-in authorities), one per registry. Time limits: patents 3 working days, trademarks 2 working
 * days with a 30-day correction window, copyright 10 days (domain-reference.md); the PBoC registry takes effect on
 * submission; the Shenzhen data-IP platform's 5 working days are an *example* to configure.
 */
export const registrationAuthorities: readonly RegistrationAuthority[] = [
  {
    authorityId: 'cnipa_patent',
    zh: '国家知识产权局（专利权、集成电路布图设计专有权质押登记）',
    en: 'CNIPA (patents and IC layout designs)',
    kinds: ['invention_patent', 'utility_model_patent', 'design_patent', 'ic_layout_design'],
    regulation: 'patent_pledge_measures_2021',
    serviceTimeLimit: { unit: 'working_days', count: 3 },
    correctionWindowDays: null,
    examinesSubstance: true,
    jointApplication: true,
    requiredContractItems: ALL_ITEMS,
    contractGroundItem: 7,
    lapsesAtPeriodEnd: false,
    supportsExtension: false,
    numberPrefix: 'Y',
    noticeTitleZh: '专利权质押登记通知书',
    noticeTitleEn: 'Notice of patent pledge registration',
    source: '《专利权质押登记办法》(国家知识产权局公告第461号, 2021)',
  },
  {
    authorityId: 'cnipa_trademark',
    zh: '国家知识产权局（商标专用权质押登记）',
    en: 'CNIPA (trademarks and GI marks)',
    kinds: ['trademark', 'geographical_indication'],
    regulation: 'trademark_pledge_rules_2020',
    serviceTimeLimit: { unit: 'working_days', count: 2 },
    correctionWindowDays: 30,
    examinesSubstance: true,
    jointApplication: true,
    requiredContractItems: ALL_ITEMS,
    contractGroundItem: 5,
    lapsesAtPeriodEnd: true,
    supportsExtension: true,
    numberPrefix: 'ZC',
    noticeTitleZh: '商标专用权质权登记证',
    noticeTitleEn: 'Certificate of trademark pledge registration',
    source: '《注册商标专用权质押登记程序规定》(国家知识产权局公告第358号, 2020)',
  },
  {
    authorityId: 'copyright_centre',
    zh: '中国版权保护中心（著作权质权登记）',
    en: 'Copyright Protection Center of China',
    kinds: ['software_copyright', 'work_copyright'],
    regulation: 'copyright_pledge_measures_2010',
    serviceTimeLimit: { unit: 'calendar_days', count: 10 },
    correctionWindowDays: null,
    examinesSubstance: true,
    jointApplication: true,
    requiredContractItems: ALL_ITEMS,
    contractGroundItem: 2,
    lapsesAtPeriodEnd: false,
    supportsExtension: false,
    numberPrefix: 'ZQ',
    noticeTitleZh: '著作权质权登记证书',
    noticeTitleEn: 'Certificate of copyright pledge registration',
    source: '《著作权质权登记办法》(国家版权局令第8号, 2010) arts. 10–12',
  },
  {
    authorityId: 'pboc_receivables',
    zh: '中国人民银行征信中心动产融资统一登记公示系统',
    en: 'PBoC CRC movable-property financing registry',
    kinds: ['licence_revenue_right'],
    regulation: 'civil_code_2020',
    serviceTimeLimit: { unit: 'immediate', count: 0 },
    correctionWindowDays: null,
    examinesSubstance: false,
    jointApplication: false,
    requiredContractItems: ['parties', 'secured_claim', 'pledged_rights'],
    contractGroundItem: null,
    lapsesAtPeriodEnd: true,
    supportsExtension: true,
    numberPrefix: 'DR',
    noticeTitleZh: '动产权属统一登记—初始登记证明',
    noticeTitleEn: 'Registration certificate (initial registration)',
    source: '民法典 art. 445; 《动产和权利担保统一登记办法》(中国人民银行令〔2021〕第7号)',
  },
  {
    authorityId: 'sz_data_ip',
    zh: '深圳市数据知识产权登记平台',
    en: 'Shenzhen data-IP registration platform',
    kinds: ['data_ip'],
    regulation: 'civil_code_2020',
    serviceTimeLimit: { unit: 'working_days', count: 5 },
    correctionWindowDays: null,
    examinesSubstance: true,
    jointApplication: true,
    requiredContractItems: ALL_ITEMS,
    contractGroundItem: null,
    lapsesAtPeriodEnd: false,
    supportsExtension: false,
    numberPrefix: 'SJZQ',
    noticeTitleZh: '数据知识产权质押登记证明',
    noticeTitleEn: 'Data-IP pledge registration certificate',
    source: '《深圳市数据知识产权登记管理办法（试行）》(2023); 民法典 art. 444',
  },
];

/**
 * 登记机关选择 (authority for a kind): the built-in authority that registers pledges of `kind` (IC layout designs
 * go to CNIPA like patents, GIs as marks; licence revenue rights to the PBoC registry; data IP to the platform).
 */
export function findRegistrationAuthorityForKind(
  kind: IpAssetKind,
  authorities: readonly RegistrationAuthority[] = registrationAuthorities,
): RegistrationAuthority | null {
  return authorities.find((a) => a.kinds.includes(kind)) ?? null;
}
