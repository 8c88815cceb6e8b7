import { loadavg } from 'node:os';
import { cpuUsage } from 'node:process';
import { createSeededRandom } from '@ipf/domain/ip-asset';
import { districtCodes, industryClusterCodes, sizeClassCodes } from '@ipf/domain/party';
import {
  compileScorecard,
  runScorecardColumns,
  whitelistGrades,
  type WhitelistFeatureColumns,
  type WhitelistScorecard,
} from '@ipf/domain/whitelist';

/**
 * Compute-to-data scoring benchmark (issue 10 item 9): 1,000,000 seeded random enterprises in typed columns,
 * 20 bank scorecards (3–8 features each: numbers, categories, flags, missing valuation scores) compiled once and
 * run over all of them with `runScorecardColumns`. Timed: generating the columns, compiling, and scoring all
 * 20 (including a checksum fold over every grade), wall and CPU time. Target: under 5 s. An optional count after the filter
 * shrinks the run.
 */
const COUNT = Number(process.argv[3] ?? 1_000_000);
const SCORECARDS = 20;

function createColumns(count: number): WhitelistFeatureColumns {
  const random = createSeededRandom(20261126);
  const int = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
  const numbers = {
    foundedYear: new Float64Array(count),
    employees: new Float64Array(count),
    validInventionPatents: new Float64Array(count),
    validPatents: new Float64Array(count),
    valuationScore: new Float64Array(count),
    patentGrowth3y: new Float64Array(count),
    registeredCapitalWan: new Float64Array(count),
    overdueCount: new Float64Array(count),
  };
  const codes = {
    district: new Uint16Array(count),
    cluster: new Uint16Array(count),
    sizeClass: new Uint16Array(count),
  };
  const flags = { highTech: new Uint8Array(count), specialised: new Uint8Array(count) };
  const enterpriseIds = new Array<string>(count);
  for (let i = 0; i < count; i += 1) {
    enterpriseIds[i] = `ent-${i}`;
    codes.district[i] = Math.floor(random() * random() * districtCodes.length);
    codes.cluster[i] = Math.floor(random() * random() * industryClusterCodes.length);
    codes.sizeClass[i] = int(0, 3);
    flags.highTech[i] = random() < 0.45 ? 1 : 0;
    flags.specialised[i] = random() < 0.2 ? 1 : 0;
    numbers.foundedYear[i] = int(1985, 2025);
    numbers.employees[i] = Math.floor(Math.exp(random() * 8));
    const inventions = Math.floor(-Math.log(1 - random()) * 5);
    numbers.validInventionPatents[i] = inventions;
    numbers.validPatents[i] = inventions + Math.floor(-Math.log(1 - random()) * 8);
    numbers.valuationScore[i] = random() < 0.15 ? Number.NaN : 40 + random() * 55;
    numbers.patentGrowth3y[i] = Math.floor(-Math.log(1 - random()) * 4);
    numbers.registeredCapitalWan[i] = Math.round(10 * Math.pow(10, random() * 3.5));
    numbers.overdueCount[i] = random() < 0.08 ? int(1, 3) : 0;
  }
  return {
    length: count,
    enterpriseIds,
    categories: {
      district: { codes: codes.district, values: districtCodes },
      cluster: { codes: codes.cluster, values: industryClusterCodes },
      sizeClass: { codes: codes.sizeClass, values: sizeClassCodes },
    },
    flags,
    numbers,
  };
}

/** Twenty scorecards of the kinds banks write: patents, valuation, size, growth, risk, region, industry. */
function createScorecards(): WhitelistScorecard[] {
  return Array.from({ length: SCORECARDS }, (_, s) => {
    const shift = s % 5;
    const features: WhitelistScorecard['features'][number][] = [
      {
        feature: 'validInventionPatents',
        bins: [
          { max: 1 + shift, points: 0 },
          { min: 1 + shift, max: 5 + shift, points: 10 + s },
          { min: 5 + shift, max: 20, points: 20 },
          { min: 20, points: 30 },
        ],
      },
      {
        feature: 'valuationScore',
        bins: [
          { max: 50, points: -10 },
          { min: 50, max: 60 + shift, points: 0 },
          { min: 60 + shift, max: 80, points: 15 },
          { min: 80, points: 25 },
        ],
        missingPoints: -5,
      },
      {
        feature: 'overdueCount',
        bins: [
          { max: 1, points: 10 },
          { min: 1, points: -40 },
        ],
      },
    ];
    if (s % 2 === 0) {
      features.push({
        feature: 'highTech',
        bins: [
          { equals: true, points: 15 },
          { equals: false, points: 0 },
        ],
      });
    }
    if (s % 3 === 0) {
      features.push({
        feature: 'sizeClass',
        bins: [{ equals: 'micro', points: -5 }, { equals: 'large', points: 10 }, { points: 0 }],
      });
    }
    if (s % 4 === 0) {
      features.push({
        feature: 'district',
        bins: [{ equals: 'nanshan', points: 5 }, { equals: 'baoan', points: 3 }, { points: 0 }],
      });
      features.push({
        feature: 'patentGrowth3y',
        bins: [
          { max: 2, points: 0 },
          { min: 2, max: 6, points: 8 },
          { min: 6, points: 15 },
        ],
      });
    }
    if (s % 5 === 0) {
      features.push({
        feature: 'cluster',
        bins: [
          { equals: 'semiconductors-ic', points: 10 },
          { equals: 'biomedicine', points: 8 },
          { points: 0 },
        ],
      });
      features.push({
        feature: 'foundedYear',
        bins: [
          { max: 2010, points: 8 },
          { min: 2010, max: 2020, points: 4 },
          { min: 2020, points: 0 },
        ],
      });
      features.push({ feature: 'specialised', bins: [{ equals: true, points: 12 }, { points: 0 }] });
    }
    return {
      name: `银行评分卡 ${s + 1}`,
      features,
      grades: [
        { grade: 'A', minPoints: 60 },
        { grade: 'B', minPoints: 40 },
        { grade: 'C', minPoints: 25 },
        { grade: 'D', minPoints: 10 },
      ],
      cutoffPoints: 10,
    };
  });
}

export default async function benchWhitelistScoring(): Promise<void> {
  await Promise.resolve();
  console.log(
    `load average before: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const started = performance.now();
  const columns = createColumns(COUNT);
  const generated = performance.now();
  const compiled = createScorecards().map(compileScorecard);
  const compiledAt = performance.now();

  const cpuBefore = cpuUsage();
  const counts = new Array<number>(whitelistGrades.length + 1).fill(0);
  let hash = 0x811c9dc5;
  const perScorecardMs: number[] = [];
  for (const scorecard of compiled) {
    const t = performance.now();
    const grades = runScorecardColumns(scorecard, columns);
    for (let i = 0; i < grades.length; i += 1) {
      const g = grades[i]!;
      counts[g + 1] = counts[g + 1]! + 1;
      hash = Math.imul(hash ^ (g + 2), 0x01000193) >>> 0;
    }
    perScorecardMs.push(performance.now() - t);
  }
  const finished = performance.now();
  const cpu = cpuUsage(cpuBefore);

  const featureCount = compiled.reduce((sum, c) => sum + c.features.length, 0);
  console.log(
    `enterprises: ${COUNT.toLocaleString('en')}, scorecards: ${SCORECARDS} (${featureCount} features)`,
  );
  console.log(`generate columns: ${((generated - started) / 1000).toFixed(2)} s`);
  console.log(`compile 20 scorecards: ${(compiledAt - generated).toFixed(1)} ms`);
  console.log(
    `score ${COUNT.toLocaleString('en')} × ${SCORECARDS}: ${((finished - compiledAt) / 1000).toFixed(2)} s ` +
      `(per scorecard min ${Math.min(...perScorecardMs).toFixed(0)} ms, max ${Math.max(...perScorecardMs).toFixed(0)} ms; ` +
      `${((COUNT * SCORECARDS) / ((finished - compiledAt) / 1000) / 1e6).toFixed(1)} M gradings/s)`,
  );
  // On a shared machine the wall time includes waiting for a core; the process's own CPU time does not.
  console.log(`  of which CPU time of this process: ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s`);
  console.log(
    `grades: below cut-off ${counts[0]}, ${whitelistGrades.map((g, i) => `${g} ${counts[i + 1]}`).join(', ')}; checksum ${hash.toString(16)}`,
  );
  console.log(
    `load average after: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
}
