import { createHash, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { tables, type Transaction } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { initialStatusEvents, insertIpAssets } from './insert-ip-assets.ts';
import type { ImportFileFormat } from './read-import-rows.ts';
import { scanIpAssetImport, type ImportScanResult } from './scan-ip-asset-import.ts';

/** How long a validated upload waits for "import the valid rows". */
export const IMPORT_BATCH_TTL_MS = 24 * 60 * 60 * 1000;

export interface ImportIpAssetFileInput {
  readonly file: Buffer;
  readonly format: ImportFileFormat;
  /** false: validate and keep the file for `commitIpAssetImport`; true: validate and import the valid rows now. */
  readonly commit: boolean;
}

/** 导入报告 (import report): counts, every bad row's problems and, once committed, what was written. */
export interface IpAssetImportReport extends ImportScanResult {
  /** The kept upload to commit later; null once committed. */
  readonly batchId: string | null;
  readonly format: ImportFileFormat;
  readonly committed: boolean;
  /** Valid rows written; the rest of the valid rows were on the register already (idempotent re-import). */
  readonly insertedRows: number;
  readonly alreadyRegisteredRows: number;
  readonly expiresAt: string | null;
}

/**
 * Writes the valid rows of a file for the actor's enterprise (sole owner) in one transaction, batch by batch;
 * rows whose kind and number are on the register already are skipped, so importing a file twice changes
 * nothing. One audit event for the whole import.
 */
export async function writeIpAssetImport(
  tx: Transaction,
  input: { readonly file: Buffer; readonly format: ImportFileFormat; readonly batchId: string },
  actor: Actor,
  deps: Pick<AppDeps, 'audit'>,
  now: Date,
): Promise<{ scan: ImportScanResult; insertedRows: number }> {
  const today = toShanghaiDate(now);
  const [owner] = await tx
    .select({ name: tables.enterprises.name })
    .from(tables.enterprises)
    .where(eq(tables.enterprises.organisationId, actor.organisationId));
  if (owner === undefined) throw new DomainError('FORBIDDEN', { operation: 'ip_asset.import' });
  let insertedRows = 0;
  const scan = await scanIpAssetImport(input.file, input.format, {
    today,
    onValidRows: async (rows) => {
      const inserted = await insertIpAssets(
        tx,
        rows.map((r) => ({
          id: randomUUID(),
          asset: r.asset,
          owners: [{ enterpriseId: actor.organisationId, name: owner.name, shareBps: 10000 }],
          events: initialStatusEvents(r.asset, today, 'imported'),
        })),
        { now, actorUserId: actor.userId, source: `import:${input.batchId}` },
      );
      insertedRows += inserted.size;
    },
  });
  await deps.audit.append(
    tx,
    actor,
    {
      action: 'ip_asset.imported',
      entityType: 'ip_asset_import',
      entityId: input.batchId,
      after: {
        format: input.format,
        totalRows: scan.totalRows,
        validRows: scan.validRows,
        invalidRows: scan.invalidRows,
        insertedRows,
        fileSha256: sha256(input.file),
      },
    },
    now,
  );
  return { scan, insertedRows };
}

const sha256 = (file: Buffer) => createHash('sha256').update(file).digest('hex');

/**
 * 批量导入 (bulk import), step one — or both steps with `commit`: every row is validated and every bad row
 * reported with its field and reason. Without `commit` nothing is written to the register: the file is kept
 * (24 hours) so that `commitIpAssetImport` imports exactly the rows that were checked. With `commit` the valid
 * rows are imported at once. Either way a row already on the register is left as it is.
 */
export async function importIpAssetFile(
  input: ImportIpAssetFileInput,
  actor: Actor,
  deps: AppDeps,
): Promise<IpAssetImportReport> {
  authorize(actor, 'ip_asset.import');
  const now = deps.clock.now();
  const batchId = randomUUID();

  if (input.commit) {
    return runInTransaction(deps, async (tx) => {
      const { scan, insertedRows } = await writeIpAssetImport(
        tx,
        { file: input.file, format: input.format, batchId },
        actor,
        deps,
        now,
      );
      return {
        ...scan,
        batchId: null,
        format: input.format,
        committed: true,
        insertedRows,
        alreadyRegisteredRows: scan.validRows - insertedRows,
        expiresAt: null,
      };
    });
  }

  const scan = await scanIpAssetImport(input.file, input.format, { today: toShanghaiDate(now) });
  const expiresAt = new Date(now.getTime() + IMPORT_BATCH_TTL_MS);
  await runInTransaction(deps, async (tx) => {
    await tx.insert(tables.ipAssetImportBatches).values({
      id: batchId,
      enterpriseId: actor.organisationId,
      userId: actor.userId,
      format: input.format,
      file: input.file,
      fileSha256: sha256(input.file),
      totalRows: scan.totalRows,
      validRows: scan.validRows,
      createdAt: now,
      expiresAt,
      committedAt: null,
    });
  });
  return {
    ...scan,
    batchId,
    format: input.format,
    committed: false,
    insertedRows: 0,
    alreadyRegisteredRows: 0,
    expiresAt: expiresAt.toISOString(),
  };
}
