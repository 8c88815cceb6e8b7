import {
  calculateOrganisationCodeCheckCharacter,
  calculateUsccCheckCharacter,
  districts,
  industryClusters,
  type BankLevel,
  type DistrictCode,
  type IndustryClusterCode,
  type OrganisationKind,
  type Role,
  type SizeClass,
} from '@ipf/domain/party';
import { SeededRandom, stableUuid } from './seeded-random.ts';

export interface DemoOrganisation {
  readonly id: string;
  readonly kind: OrganisationKind;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly parentId: string | null;
  readonly bankLevel: BankLevel | null;
  readonly district: DistrictCode | null;
}

export interface DemoUser {
  readonly login: string;
  readonly displayName: string;
  readonly organisationId: string;
  readonly role: Role;
}

export interface DemoEnterprise {
  readonly organisationId: string;
  readonly name: string;
  readonly nameEn: string;
  readonly uscc: string;
  readonly district: DistrictCode;
  readonly cluster: IndustryClusterCode;
  readonly sizeClass: SizeClass;
  readonly highTech: boolean;
  readonly specialised: boolean;
  readonly firstLoan: boolean;
  readonly preIpo: boolean;
  readonly park: string | null;
  readonly foundedOn: string;
  readonly employees: number;
  readonly registeredCapitalFen: bigint;
  readonly address: string;
  readonly contactName: string;
  readonly contactPhone: string;
  /** Bank units the enterprise has applied to (customer relationships). */
  readonly appliedToBankUnitIds: readonly string[];
}

export interface DemoParties {
  readonly organisations: readonly DemoOrganisation[];
  readonly enterprises: readonly DemoEnterprise[];
  readonly users: readonly DemoUser[];
}

/** The password of every demo user (printed at start; demo data only). */
export const DEMO_PASSWORD = 'Demo@2026pass';

const BANKS = [
  ['银湾', 'Yinwan'],
  ['鹏城', 'Pengcheng'],
  ['南海', 'Nanhai'],
  ['前海', 'Qianhai'],
  ['梧桐', 'Wutong'],
  ['莲花', 'Lianhua'],
  ['大梅沙', 'Dameisha'],
  ['红树林', 'Mangrove'],
  ['深蓝', 'Deepblue'],
  ['蛇口', 'Shekou'],
] as const;
const PARKS = [
  '南山科技园',
  '留仙洞总部基地',
  '坂田天安云谷',
  '光明科学城',
  '坪山生物医药产业园',
  '宝安智创谷',
  '龙华九龙山数字城',
  '河套深港科技创新合作区',
];
const NAME_HEADS = [
  '华',
  '鹏',
  '星',
  '睿',
  '航',
  '瑞',
  '博',
  '创',
  '芯',
  '云',
  '智',
  '恒',
  '卓',
  '领',
  '微',
  '量',
  '启',
  '远',
  '盛',
  '泽',
];
const NAME_TAILS = [
  '峰',
  '联',
  '辰',
  '科',
  '达',
  '光',
  '图',
  '维',
  '源',
  '禾',
  '驰',
  '信',
  '安',
  '拓',
  '凌',
  '岳',
  '澜',
  '越',
  '宸',
  '铭',
];
const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '林',
  '罗',
  '梁',
];
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '磊',
  '洋',
  '艳',
  '勇',
  '军',
  '杰',
  '涛',
  '明',
  '超',
  '秀英',
  '婷',
  '浩然',
  '子涵',
  '思远',
  '嘉怡',
];
const USCC_BODY_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

function organisation(seed: string, key: string, rest: Omit<DemoOrganisation, 'id'>): DemoOrganisation {
  return { id: stableUuid(`${seed}:org:${key}`), ...rest };
}

/** A valid USCC: 91 (market regulation, enterprise) + 440300 + an `MA` organisation code with both checks. */
function demoUscc(random: SeededRandom): string {
  let body = 'MA5';
  while (body.length < 8) body += random.pick([...USCC_BODY_ALPHABET]);
  const orgCheck = calculateOrganisationCodeCheckCharacter(body) ?? '0';
  const first17 = `91440300${body}${orgCheck}`;
  return first17 + (calculateUsccCheckCharacter(first17) ?? '0');
}

/**
 * 演示数据: the city's parties, deterministic from `seed` — the bureaus of all 11 districts, regulators,
 * 10 banks (head office, 2 branches, 2 sub-branches each), 3 guarantors incl. the re-guarantor, 3 insurers,
 * 5 evaluation firms, pools, the association and trading centre, and `500 × scale` enterprises with valid
 * credit codes and invented names. Logins do not depend on the seed (see `demoLogins`).
 */
export function generateDemoParties(seed: string, scale = 1): DemoParties {
  const random = new SeededRandom(`${seed}:parties`);
  const orgs: DemoOrganisation[] = [];
  const users: DemoUser[] = [];
  const add = (key: string, rest: Omit<DemoOrganisation, 'id'>): DemoOrganisation => {
    const org = organisation(seed, key, rest);
    orgs.push(org);
    return org;
  };
  const user = (login: string, displayName: string, org: DemoOrganisation, role: Role) =>
    users.push({ login, displayName, organisationId: org.id, role });
  const none = { parentId: null, bankLevel: null, district: null } as const;

  const operator = add('operator', {
    kind: 'platform_operator',
    nameZh: '知识产权金融公共服务平台运营中心',
    nameEn: 'IP Finance Platform Operations',
    ...none,
  });
  user('admin', '平台管理员', operator, 'platform_admin');
  const bureau = add('city-bureau', {
    kind: 'ip_bureau',
    nameZh: '深圳市市场监督管理局（知识产权局）',
    nameEn: 'Shenzhen Administration for Market Regulation (IP Bureau)',
    ...none,
  });
  user('bureau.city', '市局知识产权金融处', bureau, 'city_bureau');
  // The city bureau's second user (复核岗): approves the subsidy and reward applications a colleague reviewed.
  user('bureau.city.checker', '市局知识产权金融处复核岗', bureau, 'city_bureau');
  for (const district of districts) {
    const org = add(`district-${district.code}`, {
      kind: 'district_bureau',
      nameZh: `${district.zh}知识产权主管部门`,
      nameEn: `${district.en} IP office`,
      parentId: null,
      bankLevel: null,
      district: district.code,
    });
    user(`bureau.${district.code}`, `${district.zh}经办人`, org, 'district_bureau');
  }
  const regulators = [
    ['pboc', 'pboc', '中国人民银行深圳市分行', 'PBoC Shenzhen Branch'],
    ['nfra', 'financial_regulator', '国家金融监督管理总局深圳监管局', 'NFRA Shenzhen Office'],
    ['finance', 'local_finance_bureau', '深圳市地方金融管理局', 'Shenzhen Local Financial Administration'],
  ] as const;
  for (const [key, kind, zh, en] of regulators)
    user(`${key}.analyst`, `${zh}分析员`, add(key, { kind, nameZh: zh, nameEn: en, ...none }), 'regulator');

  const bankUnits: DemoOrganisation[] = [];
  BANKS.forEach(([zh, en], index) => {
    const n = String(index + 1).padStart(2, '0');
    const hq = add(`bank${n}`, {
      kind: 'bank',
      nameZh: `${zh}银行`,
      nameEn: `${en} Bank`,
      parentId: null,
      bankLevel: 'head_office',
      district: null,
    });
    const branch = add(`bank${n}-sz`, {
      kind: 'bank',
      nameZh: `${zh}银行深圳分行`,
      nameEn: `${en} Bank Shenzhen Branch`,
      parentId: hq.id,
      bankLevel: 'branch',
      district: 'futian',
    });
    const branch2 = add(`bank${n}-qh`, {
      kind: 'bank',
      nameZh: `${zh}银行前海分行`,
      nameEn: `${en} Bank Qianhai Branch`,
      parentId: hq.id,
      bankLevel: 'branch',
      district: 'nanshan',
    });
    const subA = add(`bank${n}-sz-ns`, {
      kind: 'bank',
      nameZh: `${zh}银行深圳南山科技支行`,
      nameEn: `${en} Bank Nanshan Tech Sub-branch`,
      parentId: branch.id,
      bankLevel: 'sub_branch',
      district: 'nanshan',
    });
    const subB = add(`bank${n}-sz-la`, {
      kind: 'bank',
      nameZh: `${zh}银行深圳龙岗支行`,
      nameEn: `${en} Bank Longgang Sub-branch`,
      parentId: branch.id,
      bankLevel: 'sub_branch',
      district: 'longgang',
    });
    bankUnits.push(branch2, subA, subB);
    user(`bank${n}.hq`, `${zh}银行总行审批人`, hq, 'bank_approver');
    user(`bank${n}.approver`, `${zh}银行深圳分行审批人`, branch, 'bank_approver');
    user(`bank${n}.clerk`, `${zh}银行南山科技支行客户经理`, subA, 'bank_clerk');
    user(`bank${n}.lg.clerk`, `${zh}银行龙岗支行客户经理`, subB, 'bank_clerk');
  });

  const guarantors = [
    [
      'guarantor1',
      'guarantor',
      '深圳市高新投融资担保有限公司（演示）',
      'Shenzhen Hi-Tech Financing Guarantee (demo)',
    ],
    [
      'guarantor2',
      'guarantor',
      '深圳市中小企业融资担保有限公司（演示）',
      'Shenzhen SME Financing Guarantee (demo)',
    ],
    ['reguarantor', 're_guarantor', '深圳市融资担保基金（演示）', 'Shenzhen Financing Guarantee Fund (demo)'],
  ] as const;
  // Each payer has a second user, the checker of its maker-checker claims (the maker files or reviews, the checker
  // approves): 复核岗.
  for (const [key, kind, zh, en] of guarantors) {
    const org = add(key, { kind, nameZh: zh, nameEn: en, ...none });
    user(`${key}.user`, `${zh}业务员`, org, 'guarantor_user');
    user(`${key}.checker`, `${zh}代偿复核岗`, org, 'guarantor_user');
  }
  ['平安知产', '鹏安', '湾区'].forEach((zh, i) => {
    const org = add(`insurer${i + 1}`, {
      kind: 'insurer',
      nameZh: `${zh}财产保险股份有限公司（演示）`,
      nameEn: `Insurer ${i + 1} (demo)`,
      ...none,
    });
    user(`insurer${i + 1}.user`, `${zh}财险核保员`, org, 'insurer_user');
    user(`insurer${i + 1}.checker`, `${zh}财险理赔复核岗`, org, 'insurer_user');
  });
  ['中衡', '鹏信', '国誉', '深评', '联合知信'].forEach((zh, i) =>
    user(
      `evaluator${i + 1}`,
      `${zh}评估师`,
      add(`evaluator${i + 1}`, {
        kind: 'evaluation_firm',
        nameZh: `${zh}资产评估有限公司（演示）`,
        nameEn: `Evaluation firm ${i + 1} (demo)`,
        ...none,
      }),
      'evaluator',
    ),
  );
  const association = add('association', {
    kind: 'association',
    nameZh: '深圳市知识产权金融协会（演示）',
    nameEn: 'Shenzhen IP Finance Association (demo)',
    ...none,
  });
  user('expert1', '协会专家（专利）', association, 'expert');
  user('expert2', '协会专家（商标）', association, 'expert');
  add('trading-centre', {
    kind: 'trading_centre',
    nameZh: '科技成果与知识产权交易中心（演示）',
    nameEn: 'Technology & IP Trading Centre (demo)',
    ...none,
  });
  add('securities1', {
    kind: 'securities_firm',
    nameZh: '鹏城证券股份有限公司（演示）',
    nameEn: 'Pengcheng Securities (demo)',
    ...none,
  });
  const cityPool = add('pool-city', {
    kind: 'risk_pool',
    nameZh: '深圳市中小微企业银行贷款风险补偿资金池',
    nameEn: 'Shenzhen SME Loan Risk-Compensation Pool',
    ...none,
  });
  user('pool.city', '市风险补偿资金池管理员', cityPool, 'pool_admin');
  user('pool.city.checker', '市风险补偿资金池复核岗', cityPool, 'pool_admin');
  const pingshanPool = add('pool-pingshan', {
    kind: 'risk_pool',
    nameZh: '坪山区知识产权质押融资风险补偿资金池',
    nameEn: 'Pingshan IP Pledge Risk-Compensation Pool',
    parentId: null,
    bankLevel: null,
    district: 'pingshan',
  });
  user('pool.pingshan', '坪山区资金池管理员', pingshanPool, 'pool_admin');
  user('pool.pingshan.checker', '坪山区资金池复核岗', pingshanPool, 'pool_admin');

  const enterprises: DemoEnterprise[] = [];
  const usedNames = new Set<string>();
  const usedUscc = new Set<string>();
  for (let i = 0; i < 500 * scale; i += 1) {
    const district = districts[i % districts.length]!.code;
    const cluster = industryClusters[random.int(0, industryClusters.length - 1)]!;
    let name = '';
    while (name === '' || usedNames.has(name)) {
      name = `深圳市${random.pick(NAME_HEADS)}${random.pick(NAME_TAILS)}${random.pick(NAME_HEADS)}${cluster.zh.slice(0, 2)}科技有限公司`;
    }
    usedNames.add(name);
    let uscc = demoUscc(random);
    while (usedUscc.has(uscc)) uscc = demoUscc(random);
    usedUscc.add(uscc);
    const sizeClass = random.pick(['micro', 'small', 'small', 'medium', 'medium', 'large'] as const);
    const org = add(`enterprise-${i}`, {
      kind: 'enterprise',
      nameZh: name,
      nameEn: `Demo Enterprise ${i + 1}`,
      parentId: null,
      bankLevel: null,
      district,
    });
    const applied = [random.pick(bankUnits), ...(random.chance(0.3) ? [random.pick(bankUnits)] : [])];
    enterprises.push({
      organisationId: org.id,
      name,
      nameEn: org.nameEn,
      uscc,
      district,
      cluster: cluster.code,
      sizeClass,
      highTech: random.chance(0.55),
      specialised: random.chance(0.3),
      firstLoan: random.chance(0.4),
      preIpo: random.chance(0.08),
      park: random.chance(0.6) ? random.pick(PARKS) : null,
      foundedOn: `${random.int(1995, 2023)}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`,
      employees:
        sizeClass === 'micro'
          ? random.int(3, 19)
          : sizeClass === 'small'
            ? random.int(20, 99)
            : sizeClass === 'medium'
              ? random.int(100, 999)
              : random.int(1000, 8000),
      registeredCapitalFen: BigInt(random.int(10, 5000)) * 10_000_00n,
      address: `深圳市${districts.find((d) => d.code === district)!.zh}${random.pick(['科技南路', '高新中一道', '深南大道', '宝安大道', '龙岗大道', '观澜大道'])}${random.int(1, 999)}号`,
      contactName: `${random.pick(SURNAMES)}${random.pick(GIVEN)}`,
      contactPhone: `1${random.pick(['35', '37', '38', '39', '50', '58', '86', '88'])}${String(random.int(0, 99_999_999)).padStart(8, '0')}`,
      appliedToBankUnitIds: [...new Set(applied.map((u) => u.id))],
    });
    if (i < 20) user(`ent${String(i + 1).padStart(3, '0')}`, `${name}财务负责人`, org, 'enterprise_user');
  }
  return { organisations: orgs, enterprises, users };
}

/** Demo logins (the same for every seed): `demo totp` refuses any other login without opening the database. */
export function demoLogins(): string[] {
  return generateDemoParties('logins-only', 1).users.map((u) => u.login);
}
