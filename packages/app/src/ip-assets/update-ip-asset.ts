import { and, eq, ne } from 'drizzle-orm';
import { assertNoProblems, DomainError } from '@ipf/domain/errors';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { validateIpAssetInput, type IpAssetInput } from './ip-asset-input.ts';
import { ipAssetVisibility } from './ip-asset-visibility.ts';
import { loadIpAssetDetail, type IpAssetDetail } from './ip-asset-view.ts';

/** 更正登记信息: the facts of an asset; status and flags change only through `changeIpAssetStatus`. */
export type UpdateIpAssetInput = Omit<IpAssetInput, 'legalStatus' | 'flags'> & { readonly id: string };

/**
 * 维护知识产权信息: the owner corrects an asset's facts (number, title, dates, classes). The kind cannot change
 * (a different kind is a different right); the expiry is computed again. Audited with before and after.
 */
export async function updateIpAsset(
  input: UpdateIpAssetInput,
  actor: Actor,
  deps: AppDeps,
): Promise<IpAssetDetail> {
  const scope = authorize(actor, 'ip_asset.update');
  const now = deps.clock.now();
  const today = toShanghaiDate(now);

  return runInTransaction(deps, async (tx) => {
    const [current] = await tx
      .select()
      .from(tables.ipAssets)
      .where(and(eq(tables.ipAssets.id, input.id), ipAssetVisibility(actor, scope, today)))
      .for('update');
    if (current === undefined) throw new DomainError('NOT_FOUND');
    if (input.kind !== current.kind) assertNoProblems([{ code: 'FIELD_NOT_ALLOWED', field: 'kind' }]);
    const { problems, asset } = validateIpAssetInput(
      { ...input, legalStatus: current.legalStatus, flags: current.flags },
      { today },
    );
    assertNoProblems(problems);
    const record = asset!;

    const [taken] = await tx
      .select({ id: tables.ipAssets.id })
      .from(tables.ipAssets)
      .where(
        and(
          eq(tables.ipAssets.kind, record.kind),
          eq(tables.ipAssets.number, record.number),
          ne(tables.ipAssets.id, input.id),
        ),
      );
    if (taken !== undefined) {
      const params = { kind: record.kind, number: record.number };
      throw new DomainError('IP_ASSET_ALREADY_REGISTERED', params, {
        problems: [{ code: 'IP_ASSET_ALREADY_REGISTERED', field: 'number', params }],
      });
    }
    const before = await loadIpAssetDetail(tx, current, today);
    const [row] = await tx
      .update(tables.ipAssets)
      .set({
        number: record.number,
        title: record.title,
        pctNationalPhase: record.pctNationalPhase,
        filingDate: record.filingDate,
        grantDate: record.grantDate,
        termFacts: { ...record.term },
        termCompensationDays: record.term.kind === 'invention_patent' ? record.term.termCompensationDays : 0,
        expiryDate: record.expiry.expiryDate,
        baseExpiryDate: record.expiry.baseExpiryDate,
        termBasis: record.expiry.basis,
        annualFeePaidThrough: record.annualFeePaidThrough,
        ipcClasses: record.ipcClasses,
        niceClasses: record.niceClasses,
        sameDayDualApplication: record.sameDayDualApplication,
        updatedAt: now,
      })
      .where(eq(tables.ipAssets.id, input.id))
      .returning();
    const after = await loadIpAssetDetail(tx, row!, today);
    await deps.audit.append(
      tx,
      actor,
      { action: 'ip_asset.updated', entityType: 'ip_asset', entityId: input.id, before, after },
      now,
    );
    return after;
  });
}
