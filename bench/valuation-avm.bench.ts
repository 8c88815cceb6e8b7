import { loadavg } from 'node:os';
import { createSeededRandom } from '@ipf/domain/ip-asset';
import { formatYuan } from '@ipf/domain/money';
import { calculateAvmBatch, createAvmColumns, createAvmOutput, prepareAvmModel } from '@ipf/domain/valuation';

/**
 * Batch AVM benchmark (issue 7 item 4): 1,000,000 seeded random invention and utility-model patents scored on
 * the 27 GB/T 42748-2023 indicators (financing weights) and valued by royalty relief (`calculateAvmBatch`).
 * Timed: generating the random facts into columns, and scoring + valuing them (separately and together),
 * including the checksum fold over every output. An optional count after the filter shrinks the run.
 */
const COUNT = Number(process.argv[3] ?? 1_000_000);

export default async function benchValuationAvm(): Promise<void> {
  await Promise.resolve();
  console.log(
    `load average before: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const started = performance.now();
  const random = createSeededRandom(20260707);
  const int = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
  const columns = createAvmColumns(COUNT);
  for (let i = 0; i < COUNT; i += 1) {
    const invention = random() < 0.52;
    const termDays = invention ? 7305 + (random() < 0.05 ? int(1, 400) : 0) : 3653;
    const roll = random();
    columns.validity[i] = roll < 0.12 ? 0 : roll < 0.17 ? 2 : 1;
    columns.termDays[i] = termDays;
    columns.remainingDays[i] = columns.validity[i] === 0 ? 0 : int(0, termDays - 60);
    columns.invalidation[i] = random() < 0.9 ? 0 : int(1, 3);
    columns.litigation[i] = random() < 0.9 ? 0 : int(1, 3);
    columns.claimKinds[i] = invention ? int(1, 3) : 2;
    columns.licencePoints[i] = random() < 0.85 ? 0 : int(1, 3) * 20;
    columns.financingCount[i] = random() < 0.8 ? 0 : int(1, 3);
    columns.ipcSubclassCount[i] = int(1, 3);
    columns.familySize[i] = random() < 0.8 ? 1 : int(2, 12);
    columns.claimsCount[i] = int(1, invention ? 20 : 10);
    columns.forwardCitations[i] = random() < 0.5 ? 0 : int(1, 15);
    columns.annualRevenueFen[i] = random() < 0.2 ? 0 : int(10_000, 50_000_000) * 100;
  }
  const generated = performance.now();

  const model = prepareAvmModel();
  const output = createAvmOutput(COUNT);
  calculateAvmBatch(columns, model, output);
  let scoreSum = 0;
  let valueSumFen = 0n;
  let hash = 0x811c9dc5;
  for (let i = 0; i < COUNT; i += 1) {
    const score = output.scoreHundredths[i]!;
    const value = output.valueFen[i]!;
    scoreSum += score;
    valueSumFen += value;
    hash = Math.imul(hash ^ score, 0x01000193) >>> 0;
    hash = Math.imul(hash ^ Number(value & 0xffffffffn), 0x01000193) >>> 0;
  }
  const finished = performance.now();

  const seconds = (ms: number): string => (ms / 1000).toFixed(2);
  console.log(`patents: ${COUNT.toLocaleString('en')}`);
  console.log(
    `generate facts: ${seconds(generated - started)} s; score + value + checksum: ${seconds(finished - generated)} s; total ${seconds(finished - started)} s`,
  );
  console.log(
    `rate: ${Math.round(COUNT / ((finished - generated) / 1000)).toLocaleString('en')} patents/s (score + value)`,
  );
  console.log(
    `checksum: Σ score = ${(scoreSum / 100).toFixed(2)}, mean ${(scoreSum / 100 / COUNT).toFixed(4)}; Σ value = ${formatYuan(valueSumFen)} yuan; fnv ${hash.toString(16).padStart(8, '0')}`,
  );
  console.log(
    `load average after: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
}
