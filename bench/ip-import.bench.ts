import { PassThrough } from 'node:stream';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import {
  chainedAuditWriter,
  importIpAssetFile,
  ipAssetImportColumns,
  scanIpAssetImport,
  seedDemoData,
  type Actor,
  type AppDeps,
} from '@ipf/app';
import { createSeededRandom, generateDemoAssets, type IpAsset } from '@ipf/domain/ip-asset';
import { createTestDatabase, tables } from '@ipf/db';

/**
 * IP registry benchmark (issue 3 item 8): a 100,000-row import file generated with `generateDemoAssets`
 * (seed 2026, every kind), written as CSV and as xlsx; then
 * 1. validating every row (streamed, nothing written) of the CSV and of the xlsx file;
 * 2. importing the CSV (validate + write in batches of 1,000, one transaction) into a fresh database
 *    (in-memory PGlite, or PostgreSQL with DATABASE_URL);
 * 3. importing the same file again (idempotent: nothing written).
 * Peak heap is sampled every 50 ms during each phase.
 */
const ROWS = Number(process.argv[3] ?? 100_000);
const TODAY = '2026-03-02';

function rowOf(a: IpAsset): Record<string, string> {
  const t = a.term as unknown as Record<string, unknown>;
  const s = (name: string) =>
    typeof t[name] === 'string' || typeof t[name] === 'number' ? String(t[name]) : '';
  return {
    kind: a.kind,
    number: a.number,
    title: a.title,
    legalStatus: a.legalStatus,
    flags: a.flags.join(';'),
    filingDate: s('filingDate') || (a.statusHistory[0]?.date ?? ''),
    grantDate: a.grantDate ?? '',
    termCompensationDays: s('termCompensationDays'),
    renewalCount: s('renewalCount'),
    creationDate: s('creationDate'),
    firstPublicationDate: s('firstPublicationDate'),
    firstCommercialUseDate: s('firstCommercialUseDate'),
    validUntil: s('validUntil') || s('contractEndDate'),
    annualFeePaidThrough: a.annualFeePaidThrough ?? '',
    ipcClasses: a.ipcClasses.join(';'),
    niceClasses: a.niceClasses.join(';'),
  };
}
const csvCell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

async function measure<T>(label: string, work: () => Promise<T>): Promise<T> {
  global.gc?.();
  let peak = process.memoryUsage().heapUsed;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }, 50);
  const start = performance.now();
  const result = await work();
  const ms = performance.now() - start;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  console.log(
    `${label.padEnd(44)} ${(ms / 1000).toFixed(2).padStart(7)} s  ${Math.round(ROWS / (ms / 1000))
      .toLocaleString('en')
      .padStart(9)} rows/s  peak heap ${(peak / 2 ** 20).toFixed(0)} MiB`,
  );
  return result;
}

export default async function run(): Promise<void> {
  const assets = generateDemoAssets({
    owners: [{ partyId: 'bench', name: '基准企业' }],
    count: ROWS,
    random: createSeededRandom(2026),
    asOfDate: TODAY,
    idPrefix: 'bench-',
  });
  const csv = Buffer.from(
    `${ipAssetImportColumns.map((c) => c.key).join(',')}\n${assets
      .map((a) => {
        const r = rowOf(a);
        return ipAssetImportColumns.map((c) => csvCell(r[c.key] ?? '')).join(',');
      })
      .join('\n')}\n`,
  );
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useSharedStrings: false,
    useStyles: false,
  });
  const sheet = writer.addWorksheet('assets');
  sheet.addRow(ipAssetImportColumns.map((c) => c.key)).commit();
  for (const a of assets) {
    const r = rowOf(a);
    sheet.addRow(ipAssetImportColumns.map((c) => r[c.key] ?? '')).commit();
  }
  sheet.commit();
  await writer.commit();
  const xlsx = Buffer.concat(chunks);
  console.log(
    `file: ${ROWS.toLocaleString('en')} rows, CSV ${(csv.length / 2 ** 20).toFixed(1)} MiB, xlsx ${(xlsx.length / 2 ** 20).toFixed(1)} MiB`,
  );

  const csvScan = await measure('validate CSV (stream, no writes)', () =>
    scanIpAssetImport(csv, 'csv', { today: TODAY }),
  );
  await measure('validate xlsx (exceljs streaming reader)', () =>
    scanIpAssetImport(xlsx, 'xlsx', { today: TODAY }),
  );
  console.log(`valid rows: ${csvScan.validRows.toLocaleString('en')}, invalid: ${csvScan.invalidRows}`);

  const handle = await createTestDatabase();
  const deps: AppDeps = {
    db: handle.db,
    clock: { now: () => new Date(`${TODAY}T02:00:00Z`) },
    audit: chainedAuditWriter,
    log: { info: () => undefined, warn: () => undefined, error: () => undefined },
    dataKey: Buffer.alloc(32, 7),
    demoSeed: 'bench',
    sessionTtlMinutes: 60,
  };
  await seedDemoData(deps);
  const [row] = await handle.db
    .select({ userId: tables.users.id, organisationId: tables.memberships.organisationId })
    .from(tables.users)
    .innerJoin(tables.memberships, eq(tables.memberships.userId, tables.users.id))
    .where(eq(tables.users.login, 'ent001'));
  const actor: Actor = {
    userId: row!.userId,
    organisationId: row!.organisationId,
    organisationKind: 'enterprise',
    organisationPath: `/${row!.organisationId}/`,
    district: null,
    role: 'enterprise_user',
    requestId: 'bench',
    scopes: null,
  };
  const first = await measure(`import CSV into ${handle.kind} (validate + write)`, () =>
    importIpAssetFile({ file: csv, format: 'csv', commit: true }, actor, deps),
  );
  const again = await measure(`re-import the same file (${handle.kind})`, () =>
    importIpAssetFile({ file: csv, format: 'csv', commit: true }, actor, deps),
  );
  console.log(
    `inserted ${first.insertedRows.toLocaleString('en')}; on re-import inserted ${again.insertedRows}, already registered ${again.alreadyRegisteredRows.toLocaleString('en')}`,
  );
  await handle.close();
}
