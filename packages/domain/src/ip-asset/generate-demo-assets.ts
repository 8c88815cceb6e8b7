import { calculateIpExpiry, type IpTermFacts } from './calculate-ip-expiry.ts';
import { calculatePatentCheckDigit } from './calculate-patent-check-digit.ts';
import type { RandomSource } from './create-seeded-random.ts';
import type { IpAsset, IpAssetOwner, IpLicence, IpStatusEvent } from './ip-asset.ts';
import type { IpAssetKind, LicenceKind } from './ip-asset-kind.ts';
import type { IpAssetFlag, IpLegalStatus } from './ip-legal-status.ts';
import { addDays, addYearsRollingForward, daysBetween, type IsoDate } from './iso-date.ts';

export interface DemoOwner {
  readonly partyId: string;
  readonly name: string;
}

export interface GenerateDemoAssetsInput {
  /** Demo enterprises; each asset's owners are drawn from them (co-owned assets take 2–3 distinct ones). */
  readonly owners: readonly DemoOwner[];
  readonly count: number;
  /** E.g. `createSeededRandom(42)`: the same source yields the same assets. */
  readonly random: RandomSource;
  /** The demo's "today": statuses, fees and expiries are consistent as of this date. */
  readonly asOfDate: IsoDate;
  /** Prefix of generated asset ids; default `demo-ip-`. */
  readonly idPrefix?: string;
}

/** Share of each kind in a Shenzhen SME portfolio (utility models and trademarks dominate, few exotic kinds). */
const KIND_WEIGHTS: readonly (readonly [IpAssetKind, number])[] = [
  ['invention_patent', 28],
  ['utility_model_patent', 26],
  ['design_patent', 8],
  ['trademark', 20],
  ['software_copyright', 10],
  ['work_copyright', 3],
  ['geographical_indication', 1],
  ['ic_layout_design', 2],
  ['data_ip', 1],
  ['licence_revenue_right', 1],
];

const TECH = [
  '深度学习',
  '多传感器融合',
  '区块链',
  '边缘计算',
  '激光雷达',
  '固态电解质',
  '碳化硅',
  '柔性显示',
  '毫米波',
  '数字孪生',
  '基因编辑',
  '机器视觉',
];
const OBJECTS = [
  '电池健康状态估计',
  '图像去噪',
  '路径规划',
  '缺陷检测',
  '数据加密传输',
  '无线充电',
  '散热结构',
  '手术机器人定位',
  '储能调度',
  '芯片封装',
  '语音识别',
  '光刻对准',
];
const DEVICES = [
  '便携式检测装置',
  '散热模组',
  '折叠屏铰链',
  '无人机云台',
  '充电桩连接器',
  '智能门锁',
  '机械臂夹爪',
  '传感器封装结构',
  '电池包托盘',
  '激光切割头',
];
const PRODUCTS = ['智能手表', '蓝牙耳机', '扫地机器人', '电动牙刷', '无人机', '充电宝', '咖啡机', '台灯'];
const BRANDS = [
  '鲲鹏',
  '海韵',
  '云算',
  '星河',
  '南粤',
  '鹏城',
  '深蓝',
  '极光',
  '湾区',
  '前海',
  '光明',
  '大鹏',
];
const SOFTWARE = [
  '供应链协同管理系统',
  '智能仓储调度平台',
  '工业互联网数据采集软件',
  '医疗影像辅助诊断系统',
  '跨境电商结算系统',
  '园区能耗监测平台',
];
const WORKS = ['城市天际线系列插画', '品牌吉祥物形象设计', '产品宣传短片', '深圳湾摄影作品集'];
const GIS = ['南山荔枝', '沙井蚝', '光明乳鸽', '西乡基围虾'];
const IPC = [
  'G06F 16/00',
  'G06N 3/08',
  'H04L 67/12',
  'H01M 10/42',
  'H02J 7/00',
  'G01N 21/88',
  'B25J 9/16',
  'A61B 34/20',
  'H01L 21/67',
  'G06T 7/00',
  'H04W 4/70',
  'C12N 15/11',
];
const NICE = [9, 35, 42, 25, 30, 5, 10, 7, 11, 3, 41, 28];
const WORK_CATEGORIES = ['A', 'F', 'G', 'I', 'J'];
const LICENSEES = [
  '东莞市华南制造有限公司',
  '惠州市新能源科技有限公司',
  '广州市智联电子有限公司',
  '香港某科技有限公司',
];

/** Picks helpers over one random source, so the sequence (and so the output) depends only on the seed. */
function makePicker(random: RandomSource) {
  const int = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const chance = (probability: number): boolean => random() < probability;
  const weighted = <T>(entries: readonly (readonly [T, number])[]): T => {
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    let roll = random() * total;
    for (const [value, weight] of entries) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return entries[entries.length - 1]![0];
  };
  const dateBetween = (from: IsoDate, to: IsoDate): IsoDate =>
    addDays(from, int(0, Math.max(0, daysBetween(from, to))));
  return { int, pick, chance, weighted, dateBetween };
}

type Picker = ReturnType<typeof makePicker>;

/** A unique, check-digit-valid application number in the form in use on the filing date. */
function patentNumber(p: Picker, filingDate: IsoDate, typeDigit: string, taken: Set<string>): string {
  for (;;) {
    const body =
      filingDate < '2003-10-01'
        ? `${filingDate.slice(2, 4)}${typeDigit}${String(p.int(0, 99_999)).padStart(5, '0')}`
        : `${filingDate.slice(0, 4)}${typeDigit}${String(p.int(0, 9_999_999)).padStart(7, '0')}`;
    const number = `${body}.${calculatePatentCheckDigit(body)!}`;
    if (!taken.has(number)) return number;
  }
}

function uniqueNumber(make: () => string, taken: Set<string>): string {
  for (;;) {
    const number = make();
    if (!taken.has(number)) return number;
  }
}

function chooseOwners(p: Picker, owners: readonly DemoOwner[]): IpAssetOwner[] {
  const first = p.pick(owners);
  // About one asset in eight is co-owned (joint R&D with a university or a partner).
  if (owners.length < 2 || !p.chance(0.12)) return [{ ...first, shareBps: 10000 }];
  const others = owners.filter((o) => o.partyId !== first.partyId);
  const second = p.pick(others);
  const third =
    owners.length >= 3 && p.chance(0.25) ? p.pick(others.filter((o) => o.partyId !== second.partyId)) : null;
  if (third === null) {
    const share = p.pick([5000, 6000, 7000]);
    return [
      { ...first, shareBps: share },
      { ...second, shareBps: 10000 - share },
    ];
  }
  return [
    { ...first, shareBps: 5000 },
    { ...second, shareBps: 3000 },
    { ...third, shareBps: 2000 },
  ];
}

function licences(p: Picker, asOf: IsoDate, count: number): IpLicence[] {
  return Array.from({ length: count }, (_, i) => {
    const startDate = addDays(asOf, -p.int(30, 1500));
    return {
      licenceId: `lic-${i + 1}`,
      licenseeName: p.pick(LICENSEES),
      kind: p.weighted<LicenceKind>([
        ['ordinary', 6],
        ['sole', 2],
        ['exclusive', 2],
      ]),
      startDate,
      endDate: addDays(addYearsRollingForward(startDate, p.int(2, 5)), -1),
      disclosedToPledgee: p.chance(0.7),
    };
  });
}

interface Draft {
  readonly kind: IpAssetKind;
  readonly number: string;
  readonly pctNationalPhase: boolean;
  readonly title: string;
  readonly term: IpTermFacts;
  readonly filingDate: IsoDate;
  readonly grantDate: IsoDate | null;
  readonly ipcClasses: readonly string[];
  readonly niceClasses: readonly number[];
}

/** Kind-specific identifiers, dates and titles. Dates lie before `asOf`; numbers follow each registry's form. */
function draftAsset(p: Picker, kind: IpAssetKind, asOf: IsoDate, taken: Set<string>): Draft {
  const asOfYear = Number(asOf.slice(0, 4));
  const base = { pctNationalPhase: false, ipcClasses: [] as string[], niceClasses: [] as number[] };
  switch (kind) {
    case 'invention_patent':
    case 'utility_model_patent':
    case 'design_patent': {
      const invention = kind === 'invention_patent';
      // Portfolios hold mostly recent filings; a few old inventions (8-digit numbers) have run their course.
      const from = invention ? (p.chance(0.1) ? '2001-01-01' : '2008-01-01') : '2015-01-01';
      const filingDate = p.dateBetween(from, addDays(asOf, -60));
      const pct = kind !== 'design_patent' && filingDate >= '2003-10-01' && p.chance(0.05);
      const typeDigit = {
        invention_patent: pct ? '8' : '1',
        utility_model_patent: pct ? '9' : '2',
        design_patent: '3',
      }[kind];
      const examinationDays = invention
        ? p.int(500, 1700)
        : kind === 'design_patent'
          ? p.int(120, 240)
          : p.int(180, 400);
      const grantDate = addDays(filingDate, examinationDays);
      // 专利法 art. 42 ¶2: delay beyond 4 years from filing earns compensation for the excess (simplified).
      const termCompensationDays =
        invention && examinationDays > 1461 && p.chance(0.5) ? examinationDays - 1461 : 0;
      const term: IpTermFacts = invention ? { kind, filingDate, termCompensationDays } : { kind, filingDate };
      const title = invention
        ? `一种基于${p.pick(TECH)}的${p.pick(OBJECTS)}方法`
        : kind === 'utility_model_patent'
          ? `一种${p.pick(DEVICES)}`
          : `${p.pick(PRODUCTS)}（${p.pick(['一', '二', '三'])}）`;
      return {
        ...base,
        kind,
        pctNationalPhase: pct,
        title,
        term,
        filingDate,
        number: patentNumber(p, filingDate, typeDigit, taken),
        grantDate: grantDate < asOf ? grantDate : null,
        ipcClasses: kind === 'design_patent' ? [] : [p.pick(IPC)],
      };
    }
    case 'trademark':
    case 'geographical_indication': {
      const filingDate = p.dateBetween('2004-01-01', addDays(asOf, -300));
      const registrationDate = addDays(filingDate, p.int(240, 420));
      const renewable = Math.max(0, Math.floor(daysBetween(registrationDate, asOf) / 3652.5));
      // Most owners renew a mark they still use; about one in seven let the term run out.
      const renewalCount = renewable > 0 && p.chance(0.85) ? renewable : 0;
      const gi = kind === 'geographical_indication';
      return {
        ...base,
        kind,
        filingDate,
        grantDate: registrationDate < asOf ? registrationDate : null,
        number: uniqueNumber(
          () =>
            String(
              p.int(
                registrationDate < '2012-01-01' ? 1_000_000 : 10_000_000,
                registrationDate < '2012-01-01' ? 9_999_999 : 79_999_999,
              ),
            ),
          taken,
        ),
        title: gi ? p.pick(GIS) : `${p.pick(BRANDS)}${p.pick(['', '智联', '优品', 'Tech', '科技'])}`,
        term: { kind, registrationDate, renewalCount },
        niceClasses: gi ? [31] : [...new Set([p.pick(NICE), p.pick(NICE)])],
      };
    }
    case 'software_copyright':
    case 'work_copyright': {
      // Creation + publication (≤ 80 days) + registration (≤ 200 days) must all fall before the as-of day.
      const creationDate = p.dateBetween('2010-01-01', addDays(asOf, -290));
      const firstPublicationDate = addDays(creationDate, p.int(0, 80));
      const registrationDate = addDays(firstPublicationDate, p.int(10, 200));
      const year = Number(registrationDate.slice(0, 4));
      const number =
        kind === 'software_copyright'
          ? uniqueNumber(
              () =>
                `${year}SR${String(p.int(1, year >= 2018 ? 1_999_999 : 999_999)).padStart(year >= 2018 ? 7 : 6, '0')}`,
              taken,
            )
          : uniqueNumber(
              () =>
                `国作登字-${year}-${p.pick(WORK_CATEGORIES)}-${String(p.int(1, 99_999_999)).padStart(8, '0')}`,
              taken,
            );
      return {
        ...base,
        kind,
        filingDate: registrationDate,
        grantDate: registrationDate < asOf ? registrationDate : null,
        number,
        title:
          kind === 'software_copyright'
            ? `${p.pick(BRANDS)}${p.pick(SOFTWARE)}V${p.int(1, 5)}.0`
            : p.pick(WORKS),
        term: { kind, authorship: 'legal_person', firstPublicationDate, creationDate },
      };
    }
    case 'ic_layout_design': {
      const filingDate = p.dateBetween('2014-01-01', addDays(asOf, -120));
      const firstCommercialUseDate = p.chance(0.6) ? addDays(filingDate, -p.int(30, 600)) : null;
      // Demo numbers only: the layout-design register's own numbering is not validated by this module.
      const number = uniqueNumber(
        () => `BS.${filingDate.slice(2, 4)}5${String(p.int(0, 99_999)).padStart(5, '0')}`,
        taken,
      );
      return {
        ...base,
        kind,
        filingDate,
        grantDate: addDays(filingDate, p.int(60, 150)),
        number,
        title: `${p.pick(['低功耗蓝牙SoC', '电源管理芯片', 'MEMS麦克风读出电路', '图像传感器ISP'])}布图设计`,
        term: { kind, filingDate, firstCommercialUseDate, creationDate: null },
        ipcClasses: ['H01L 27/02'],
      };
    }
    case 'data_ip': {
      const filingDate = p.dateBetween('2023-01-01', addDays(asOf, -30));
      // Demo numbers only (深圳数据知识产权登记证书): three-year validity.
      return {
        ...base,
        kind,
        filingDate,
        grantDate: addDays(filingDate, p.int(10, 30)),
        number: uniqueNumber(
          () => `SZDIP-${filingDate.slice(0, 4)}-${String(p.int(1, 999_999)).padStart(6, '0')}`,
          taken,
        ),
        title: `${p.pick(['新能源汽车充电行为', '跨境物流时效', '工业设备运行', '门诊影像标注'])}数据集`,
        term: { kind, validUntil: addDays(addYearsRollingForward(filingDate, 3), -1) },
      };
    }
    case 'licence_revenue_right': {
      const filingDate = p.dateBetween(`${asOfYear - 3}-01-01`, addDays(asOf, -30));
      return {
        ...base,
        kind,
        filingDate,
        grantDate: filingDate,
        number: uniqueNumber(
          () => `LR-${filingDate.slice(0, 4)}-${String(p.int(1, 99_999)).padStart(5, '0')}`,
          taken,
        ),
        title: `“${p.pick(OBJECTS)}”专利实施许可合同项下许可费收益权`,
        term: { kind, contractEndDate: addDays(addYearsRollingForward(filingDate, p.int(3, 8)), -1) },
      };
    }
  }
}

type EndingStatus = 'lapsed' | 'invalidated' | 'abandoned';
const ENDING_REASONS: Readonly<Record<EndingStatus, string>> = {
  lapsed: 'annual_fee_unpaid',
  invalidated: 'invalidated_in_whole',
  abandoned: 'abandoned',
};

/** Status and flags as of `asOf`, with the events that led there. */
function settleStatus(p: Picker, draft: Draft, expiryDate: IsoDate | null, asOf: IsoDate) {
  const patentLike = [
    'invention_patent',
    'utility_model_patent',
    'design_patent',
    'ic_layout_design',
  ].includes(draft.kind);
  const history: IpStatusEvent[] = [
    { date: draft.filingDate, legalStatus: 'pending', flags: [], reason: 'filed' },
  ];
  let status: IpLegalStatus = 'pending';
  if (draft.grantDate === null) return { status, flags: [] as IpAssetFlag[], history };

  status = patentLike ? 'granted' : 'registered';
  history.push({
    date: draft.grantDate,
    legalStatus: status,
    flags: [],
    reason: patentLike ? 'granted' : 'registered',
  });
  if (expiryDate !== null && expiryDate < asOf) {
    history.push({ date: addDays(expiryDate, 1), legalStatus: 'expired', flags: [], reason: 'term_ended' });
    return { status: 'expired' as IpLegalStatus, flags: [] as IpAssetFlag[], history };
  }

  const ending = p.weighted<EndingStatus | null>(
    patentLike
      ? [
          [null, 86],
          ['lapsed', 9],
          ['invalidated', 2],
          ['abandoned', 3],
        ]
      : [
          [null, 96],
          ['abandoned', 4],
        ],
  );
  if (ending !== null) {
    history.push({
      date: p.dateBetween(draft.grantDate, asOf),
      legalStatus: ending,
      flags: [],
      reason: ENDING_REASONS[ending],
    });
    return { status: ending as IpLegalStatus, flags: [] as IpAssetFlag[], history };
  }

  const flags: IpAssetFlag[] = [];
  if (patentLike && p.chance(0.03)) flags.push('invalidation_requested');
  if (p.chance(0.04)) flags.push('ownership_disputed');
  if (p.chance(0.015)) flags.push('court_preserved');
  if (p.chance(0.07)) flags.push('pledged');
  if (p.chance(0.12)) flags.push('licensed');
  if (flags.length > 0)
    history.push({
      date: p.dateBetween(draft.grantDate, asOf),
      legalStatus: status,
      flags,
      reason: 'flags_changed',
    });
  return { status, flags, history };
}

/** Annual fees are paid a patent year in advance, the year running from the filing-date anniversary. */
function annualFeePaidThrough(p: Picker, draft: Draft, status: IpLegalStatus, asOf: IsoDate): IsoDate | null {
  if (
    !['invention_patent', 'utility_model_patent', 'design_patent'].includes(draft.kind) ||
    draft.grantDate === null
  )
    return null;
  const yearsElapsed = Math.floor(daysBetween(draft.filingDate, asOf) / 365.25);
  const currentYearEnd = addDays(addYearsRollingForward(draft.filingDate, yearsElapsed + 1), -1);
  // An expired patent was kept up to its last day.
  if (status === 'expired') return calculateIpExpiry(draft.term).expiryDate;
  if (status === 'lapsed')
    return addDays(addYearsRollingForward(draft.filingDate, Math.max(1, yearsElapsed - 1)), -1);
  // A few owners are inside the six-month grace period: the current year is not yet paid ("fees due").
  return p.chance(0.05)
    ? addDays(addYearsRollingForward(draft.filingDate, yearsElapsed), -1)
    : currentYearEnd;
}

/**
 * 演示数据 (demo assets): `count` realistic assets across every kind for the given enterprises, pure and
 * reproducible (randomness comes only from `random`). Patent numbers carry correct check digits (8-digit form
 * before 2003-10-01), trademark and copyright numbers follow their registries' forms, expiries follow
 * `calculateIpExpiry`, and the status mix is realistic as of `asOfDate`: some pending, lapsed, invalidated,
 * expired, disputed, court-preserved, pledged, licensed and co-owned assets; some trademarks come with a
 * similar mark of the same owner, some utility models with a same-day invention (一案两请).
 */
export function generateDemoAssets(input: GenerateDemoAssetsInput): IpAsset[] {
  if (input.owners.length === 0 || input.count <= 0) return [];
  const p = makePicker(input.random);
  const prefix = input.idPrefix ?? 'demo-ip-';
  const taken = new Set<string>();
  const assets: IpAsset[] = [];

  const finish = (
    draft: Draft,
    owners: readonly IpAssetOwner[],
    links: Partial<Pick<IpAsset, 'similarMarkAssetIds' | 'sameDayDualApplication'>> = {},
  ): IpAsset => {
    taken.add(draft.number);
    const expiryDate = calculateIpExpiry(draft.term).expiryDate;
    const { status, flags, history } = settleStatus(p, draft, expiryDate, input.asOfDate);
    const asset: IpAsset = {
      assetId: `${prefix}${String(assets.length + 1).padStart(6, '0')}`,
      kind: draft.kind,
      number: draft.number,
      pctNationalPhase: draft.pctNationalPhase,
      title: draft.title,
      owners,
      term: draft.term,
      grantDate: draft.grantDate,
      expiryDate,
      legalStatus: status,
      flags,
      statusHistory: history,
      annualFeePaidThrough: annualFeePaidThrough(p, draft, status, input.asOfDate),
      ipcClasses: draft.ipcClasses,
      niceClasses: draft.niceClasses,
      similarMarkAssetIds: links.similarMarkAssetIds ?? [],
      sameDayDualApplication: links.sameDayDualApplication ?? false,
      licences: flags.includes('licensed') ? licences(p, input.asOfDate, p.int(1, 2)) : [],
    };
    assets.push(asset);
    return asset;
  };

  while (assets.length < input.count) {
    const kind = p.weighted(KIND_WEIGHTS);
    const draft = draftAsset(p, kind, input.asOfDate, taken);
    const owners = chooseOwners(p, input.owners);
    const room = input.count - assets.length >= 2;

    if (kind === 'trademark' && room && p.chance(0.15)) {
      // A figurative version of the same word mark on the same goods: the two must be pledged together.
      const ownId = `${prefix}${String(assets.length + 1).padStart(6, '0')}`;
      const siblingId = `${prefix}${String(assets.length + 2).padStart(6, '0')}`;
      finish(draft, owners, { similarMarkAssetIds: [siblingId] });
      const sibling = draftAsset(p, 'trademark', input.asOfDate, taken);
      finish({ ...sibling, title: `${draft.title}（图形）`, niceClasses: draft.niceClasses }, owners, {
        similarMarkAssetIds: [ownId],
      });
    } else if (
      kind === 'utility_model_patent' &&
      room &&
      draft.filingDate >= '2003-10-01' &&
      !draft.pctNationalPhase &&
      p.chance(0.06)
    ) {
      // 一案两请: the same invention filed the same day as an invention and as a utility model.
      finish(draft, owners, { sameDayDualApplication: true });
      const filingDate = draft.filingDate;
      const grantDate = addDays(filingDate, p.int(500, 1400));
      finish(
        {
          ...draft,
          kind: 'invention_patent',
          number: patentNumber(p, filingDate, '1', taken),
          title: `一种${draft.title.replace(/^一种/, '')}及其制造方法`,
          term: { kind: 'invention_patent', filingDate, termCompensationDays: 0 },
          grantDate: grantDate < input.asOfDate ? grantDate : null,
        },
        owners,
        { sameDayDualApplication: true },
      );
    } else {
      finish(draft, owners);
    }
  }
  return assets;
}
