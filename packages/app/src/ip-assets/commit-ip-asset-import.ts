import { and, eq } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { writeIpAssetImport, type IpAssetImportReport } from './import-ip-asset-file.ts';
import type { ImportFileFormat } from './read-import-rows.ts';

/**
 * 导入有效行 (import the valid rows), step two: the upload kept by `importIpAssetFile` is read again and its
 * valid rows imported in one transaction; the batch is then marked committed, so a second click changes
 * nothing. Only the enterprise that uploaded it may commit it; an expired upload must be sent again.
 */
export async function commitIpAssetImport(
  batchId: string,
  actor: Actor,
  deps: AppDeps,
): Promise<IpAssetImportReport> {
  authorize(actor, 'ip_asset.import');
  const now = deps.clock.now();
  return runInTransaction(deps, async (tx) => {
    const { ipAssetImportBatches: batches } = tables;
    const [batch] = await tx
      .select()
      .from(batches)
      .where(and(eq(batches.id, batchId), eq(batches.enterpriseId, actor.organisationId)))
      .for('update');
    if (batch === undefined) throw new DomainError('NOT_FOUND');
    if (batch.committedAt !== null) throw new DomainError('IP_IMPORT_BATCH_ALREADY_COMMITTED');
    if (batch.expiresAt.getTime() < now.getTime()) throw new DomainError('IP_IMPORT_BATCH_EXPIRED');
    const format = batch.format as ImportFileFormat;
    const { scan, insertedRows } = await writeIpAssetImport(
      tx,
      { file: batch.file, format, batchId },
      actor,
      deps,
      now,
    );
    // The file has served its purpose: keep the record of the import, drop the bytes.
    await tx
      .update(batches)
      .set({ committedAt: now, file: Buffer.alloc(0) })
      .where(eq(batches.id, batchId));
    return {
      ...scan,
      batchId,
      format,
      committed: true,
      insertedRows,
      alreadyRegisteredRows: scan.validRows - insertedRows,
      expiresAt: null,
    };
  });
}
