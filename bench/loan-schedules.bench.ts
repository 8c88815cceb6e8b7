import { fromEpochDay, toEpochDay } from '@ipf/domain/calendar';
import {
  accrueDailyInterest,
  calculateAnnuityColumns,
  createAnnuityColumns,
  postAccruedInterestFen,
} from '@ipf/domain/loan';
import { formatYuan, ZERO_RATE, type Rate } from '@ipf/domain/money';

/**
 * Loan engine benchmark (issue 4 item 8).
 * 1. One million 36-month 等额本息 schedules from seeded random inputs (principal 10,000.00–10,000,000.00 yuan,
 *    rate 2.00 %–12.00 % in whole basis points, start dates 2024-01-01 … 2026-12-31), exact bigint arithmetic,
 *    every instalment materialised into typed columns and folded into a checksum of all amounts and due dates.
 * 2. A 10,000-loan book accrued day by day over 2025 (365 days): exact unrounded daily accrual, interest
 *    posted (rounded once) and principal repaid on each loan's due dates.
 * Timings use performance.now() around each whole phase, input generation included.
 */
const SCHEDULES = Number(process.argv[3] ?? 1_000_000);
const PERIODS = 36;
const BOOK_LOANS = 10_000;

/** mulberry32: a small seeded PRNG, so every run computes the same schedules and the same checksum. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface LoanDraw {
  principalFen: bigint;
  annualRate: Rate;
  startDate: string;
}

function drawLoan(random: () => number, firstDay: number, spanDays: number): LoanDraw {
  const principalFen = 1_000_000n + BigInt(Math.floor(random() * 999_000_001));
  const rateBps = 200 + Math.floor(random() * 1001);
  return {
    principalFen,
    annualRate: { numerator: BigInt(rateBps), denominator: 10_000n },
    startDate: fromEpochDay(firstDay + Math.floor(random() * spanDays)),
  };
}

function benchSchedules(): void {
  const random = createRandom(20240115);
  const columns = createAnnuityColumns(PERIODS);
  const firstDay = toEpochDay('2024-01-01');
  const spanDays = toEpochDay('2027-01-01') - firstDay;
  let checksumFen = 0n;
  let dateChecksum = 0;
  let instalments = 0;

  const started = performance.now();
  for (let s = 0; s < SCHEDULES; s += 1) {
    const loan = drawLoan(random, firstDay, spanDays);
    const count = calculateAnnuityColumns({ ...loan, periods: PERIODS, periodMonths: 1 }, columns);
    let scheduleSum = 0n;
    for (let k = 0; k < count; k += 1) {
      scheduleSum += columns.interestFen[k]! + columns.principalFen[k]! + columns.balanceFen[k]!;
      dateChecksum = (dateChecksum + columns.dueEpochDay[k]! * (k + 1)) % 1_000_000_007;
    }
    checksumFen += scheduleSum;
    instalments += count;
  }
  const seconds = (performance.now() - started) / 1000;

  console.log(
    `annuity schedules: ${SCHEDULES.toLocaleString('en')} × ${PERIODS} months, ${instalments.toLocaleString('en')} instalments in ${seconds.toFixed(2)} s`,
  );
  console.log(
    `  ${(SCHEDULES / seconds).toFixed(0)} schedules/s, ${((seconds * 1e9) / instalments).toFixed(0)} ns per instalment`,
  );
  console.log(
    `  checksum Σ(interest + principal + balance) = ${formatYuan(checksumFen)} yuan; due-date checksum ${dateChecksum}`,
  );
}

function benchBookAccrual(): void {
  const random = createRandom(20250101);
  const firstDay = toEpochDay('2024-01-01');
  const spanDays = toEpochDay('2025-01-01') - firstDay;
  const columns = createAnnuityColumns(PERIODS);

  const started = performance.now();
  // The book: each loan's schedule, with its due dates as epoch days, from loans disbursed during 2024.
  const loans = Array.from({ length: BOOK_LOANS }, () => {
    const loan = drawLoan(random, firstDay, spanDays);
    const count = calculateAnnuityColumns({ ...loan, periods: PERIODS, periodMonths: 1 }, columns);
    return {
      annualRate: loan.annualRate,
      balanceFen: loan.principalFen,
      accruedFen: ZERO_RATE,
      principalFen: columns.principalFen.slice(0, count),
      dueEpochDay: columns.dueEpochDay.slice(0, count),
      next: 0,
    };
  });
  const builtSeconds = (performance.now() - started) / 1000;

  // Bring each loan to its position on 2025-01-01 (instalments due in 2024 are repaid).
  const yearStart = toEpochDay('2025-01-01');
  for (const loan of loans) {
    while (loan.next < loan.dueEpochDay.length && loan.dueEpochDay[loan.next]! < yearStart) {
      loan.balanceFen -= loan.principalFen[loan.next]!;
      loan.next += 1;
    }
  }

  const accrualStarted = performance.now();
  let postedFen = 0n;
  let postings = 0;
  for (let day = yearStart; day < yearStart + 365; day += 1) {
    for (const loan of loans) {
      loan.accruedFen = accrueDailyInterest(loan.accruedFen, loan.balanceFen, loan.annualRate);
      if (loan.next < loan.dueEpochDay.length && loan.dueEpochDay[loan.next] === day + 1) {
        postedFen += postAccruedInterestFen(loan.accruedFen);
        postings += 1;
        loan.accruedFen = ZERO_RATE;
        loan.balanceFen -= loan.principalFen[loan.next]!;
        loan.next += 1;
      }
    }
  }
  const accrualSeconds = (performance.now() - accrualStarted) / 1000;
  const unposted = loans.reduce((sum, loan) => sum + postAccruedInterestFen(loan.accruedFen), 0n);
  console.log(
    `book accrual: ${BOOK_LOANS.toLocaleString('en')} loans × 365 days = ${(BOOK_LOANS * 365).toLocaleString('en')} loan-days in ${accrualSeconds.toFixed(2)} s (book built in ${builtSeconds.toFixed(2)} s)`,
  );
  console.log(
    `  ${postings.toLocaleString('en')} postings, posted interest ${formatYuan(postedFen)} yuan, accrued not yet posted ${formatYuan(unposted)} yuan`,
  );
}

export default function run(): Promise<void> {
  benchSchedules();
  benchBookAccrual();
  return Promise.resolve();
}
