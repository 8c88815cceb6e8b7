import type { RandomSource } from '../ip-asset/create-seeded-random.ts';
import { industryClusterCodes } from '../party/reference-data.ts';
import type { WhitelistFeatureRow } from './whitelist-feature-row.ts';

/** A synthetic enterprise: its feature row plus the identity a release must never show. */
export interface SyntheticWhitelistEnterprise {
  readonly row: WhitelistFeatureRow;
  readonly name: string;
  readonly uscc: string;
  /** ISO founding date (the row holds the year only). */
  readonly foundedOn: string;
}

// Shares of Shenzhen's high-tech enterprises by district, roughly as the city's statistics show them (skewed:
// 南山 and 宝安 hold over 40 %, 大鹏 and 深汕 a handful).
const districtWeights: readonly [string, number][] = [
  ['nanshan', 24],
  ['baoan', 19],
  ['longgang', 15],
  ['longhua', 11],
  ['futian', 9],
  ['guangming', 6],
  ['luohu', 5],
  ['pingshan', 5],
  ['yantian', 2],
  ['dapeng', 2],
  ['shenshan', 2],
];
const sizeWeights: readonly [string, number, number, number][] = [
  // size class, weight, head-count range
  ['micro', 42, 1, 19],
  ['small', 36, 20, 299],
  ['medium', 16, 300, 999],
  ['large', 6, 1000, 20000],
];
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const NAME_WORDS = [
  '创新',
  '智联',
  '华科',
  '鹏程',
  '海川',
  '星河',
  '前海',
  '光启',
  '云图',
  '微芯',
  '博远',
  '恒信',
];

function pick<T>(
  random: RandomSource,
  weighted: readonly (readonly [T, number, ...unknown[]])[],
): readonly [T, number, ...unknown[]] {
  const total = weighted.reduce((sum, w) => sum + w[1], 0);
  let u = random() * total;
  for (const entry of weighted) {
    u -= entry[1];
    if (u < 0) return entry;
  }
  return weighted[weighted.length - 1]!;
}

/** Heavy-tailed count: most have a few, some many (geometric mixture). */
function heavyTail(random: RandomSource, mean: number): number {
  const scale = random() < 0.1 ? mean * 6 : mean;
  return Math.floor(-Math.log(1 - random()) * scale);
}

/**
 * 合成企业样本 (synthetic opted-in enterprises) with a realistic skew: districts as above, "20+8" clusters by a
 * Zipf law (the first clusters are the largest), 42 % micro / 36 % small / 16 % medium / 6 % large, founding
 * years clustered in 2010–2020, heavy-tailed patent counts. For tests, the benchmark and demo rounds; the same
 * `random` gives the same population.
 */
export function generateSyntheticWhitelistPopulation(
  count: number,
  random: RandomSource,
): SyntheticWhitelistEnterprise[] {
  const clusterWeights = industryClusterCodes.map((code, i) => [code, 1 / (i + 1)] as const);
  const enterprises: SyntheticWhitelistEnterprise[] = [];
  for (let i = 0; i < count; i += 1) {
    const district = pick(random, districtWeights)[0];
    const cluster = pick(random, clusterWeights)[0];
    const [sizeClass, , minEmployees, maxEmployees] = pick(random, sizeWeights) as readonly [
      string,
      number,
      number,
      number,
    ];
    const employees = Math.floor(minEmployees * Math.pow(maxEmployees / minEmployees, random()));
    // Founding years: a triangular bump on 2015 between 1985 and 2025.
    const foundedYear = Math.min(
      2025,
      Math.max(1985, Math.round(2015 + (random() + random() + random() - 1.5) * 14)),
    );
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    const validInventionPatents = heavyTail(
      random,
      sizeClass === 'micro' ? 2 : sizeClass === 'small' ? 5 : 15,
    );
    const validPatents = validInventionPatents + heavyTail(random, 8);
    const highTech = random() < (validInventionPatents > 3 ? 0.8 : 0.35);
    let uscc = '91440300';
    for (let c = 0; c < 10; c += 1) uscc += USCC_CHARS[Math.floor(random() * USCC_CHARS.length)]!;
    enterprises.push({
      row: {
        enterpriseId: `ent-${String(i).padStart(7, '0')}`,
        district,
        cluster,
        sizeClass,
        foundedYear,
        employees,
        highTech,
        specialised: random() < 0.2,
        validInventionPatents,
        validPatents,
        valuationScore: random() < 0.15 ? null : Math.round((40 + random() * 55) * 10) / 10,
        patentGrowth3y: Math.min(validPatents, heavyTail(random, 4)),
        registeredCapitalWan: Math.round(10 * Math.pow(10, random() * 3.5)),
        overdueCount: random() < 0.08 ? 1 + Math.floor(random() * 3) : 0,
      },
      name: `深圳市${NAME_WORDS[i % NAME_WORDS.length]!}${i}号科技有限公司`,
      uscc,
      foundedOn: `${foundedYear}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    });
  }
  return enterprises;
}
