import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { tables, type Transaction } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { cancelRegisteredPledge } from '../registration/cancel-registered-pledge.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';

/** What became of the pledged IP: transferred to the buyer (or investee), or released to the pledgor. */
export type DispositionAssetOutcome = 'transferred' | 'released';

/** Registration states between filing and the register's answer to a change: the pledge is on record, busy. */
const BUSY_REGISTRATION_STATES = new Set(['change_pending', 'extension_pending', 'cancellation_pending']);

export interface SettleDisposedAssetsInput {
  readonly caseId: string;
  readonly outcome: DispositionAssetOutcome;
  /** 受让方 (the buyer or investee) for `transferred`. */
  readonly buyerName: string | null;
}

export interface SettledDisposedAssets {
  readonly cancelledRegistrationNumbers: readonly string[];
  readonly assetNumbers: readonly string[];
  /** The buyer's organisation when it is an enterprise on the platform (its IP list then shows the asset). */
  readonly buyerEnterpriseId: string | null;
}

/**
 * 质押注销与资产过户 (settle the disposed assets at the disposition's closing), in the caller's transaction: every
 * pledge registration of the case still on the register is cancelled (注销, reason `pledge_realised`, through the
 * authority's rule and the registration timeline; its asset locks released); the case's assets then change
 * holder to the buyer (`transferred`: the owners of record become the buyer alone, an enterprise on the platform
 * linked by its exact name) or stay with the pledgor (`released`), the `pledged` flag is cleared, and each change
 * is on the asset's status history. A registration with a change, extension or cancellation still pending at
 * the authority is DISPOSITION_REGISTRATION_NOT_CANCELLED; a transfer without a buyer DISPOSITION_BUYER_MISSING.
 * Source: issue 8 item 5 "the pledge registration is cancelled and the asset transferred or released";
 * 《专利权质押登记办法》(2021) 注销; 民法典 art. 436, 446 (the pledgee realises the pledged right).
 */
export async function settleDisposedAssets(
  tx: Transaction,
  deps: Pick<AppDeps, 'audit'>,
  actor: Actor,
  input: SettleDisposedAssetsInput,
  now: Date,
): Promise<SettledDisposedAssets> {
  const today = toShanghaiDate(now);
  const { pledgeRegistrations, caseAssets, ipAssets, ipAssetOwners, ipAssetStatusEvents, organisations } =
    tables;
  const buyerName = input.buyerName?.trim() ?? '';
  if (input.outcome === 'transferred' && buyerName === '') throw new DomainError('DISPOSITION_BUYER_MISSING');

  const registrations = await tx
    .select()
    .from(pledgeRegistrations)
    .where(eq(pledgeRegistrations.caseId, input.caseId));
  const busy = registrations.find((r) => BUSY_REGISTRATION_STATES.has(r.state));
  if (busy !== undefined)
    throw new DomainError('DISPOSITION_REGISTRATION_NOT_CANCELLED', {
      applicationNumber: busy.applicationNumber,
    });
  const cancelledRegistrationNumbers: string[] = [];
  for (const registration of registrations.filter((r) => r.state === 'registered')) {
    await cancelRegisteredPledge(tx, deps, actor, { registration, reason: 'pledge_realised' }, now);
    cancelledRegistrationNumbers.push(registration.registrationNumber ?? registration.applicationNumber);
  }

  const assetIds = (
    await tx
      .select({ assetId: caseAssets.assetId })
      .from(caseAssets)
      .where(eq(caseAssets.caseId, input.caseId))
  ).map((a) => a.assetId);
  const assets =
    assetIds.length === 0 ? [] : await tx.select().from(ipAssets).where(inArray(ipAssets.id, assetIds));
  // Linked only when exactly one enterprise bears the buyer's name.
  const namesakes =
    input.outcome === 'transferred'
      ? await tx
          .select({ id: organisations.id })
          .from(organisations)
          .where(and(eq(organisations.nameZh, buyerName), eq(organisations.kind, 'enterprise')))
          .limit(2)
      : [];
  const buyerEnterpriseId = namesakes.length === 1 ? namesakes[0]! : null;
  for (const asset of [...assets].sort((a, b) => a.number.localeCompare(b.number))) {
    const flags = asset.flags.filter((f) => f !== 'pledged');
    if (input.outcome === 'transferred') {
      await tx.delete(ipAssetOwners).where(eq(ipAssetOwners.assetId, asset.id));
      await tx.insert(ipAssetOwners).values({
        assetId: asset.id,
        position: 0,
        enterpriseId: buyerEnterpriseId?.id ?? null,
        name: buyerName,
        shareBps: 10_000,
      });
    }
    await tx.update(ipAssets).set({ flags, updatedAt: now }).where(eq(ipAssets.id, asset.id));
    await tx.insert(ipAssetStatusEvents).values({
      id: randomUUID(),
      assetId: asset.id,
      occurredOn: today,
      legalStatus: asset.legalStatus,
      flags,
      reason: input.outcome === 'transferred' ? 'ownership_transferred' : 'pledge_released',
      note:
        input.outcome === 'transferred'
          ? `质押处置：权利人变更为${buyerName}`
          : '质押处置结案：质押解除，权利返还出质人',
      actorUserId: actor.userId,
      recordedAt: now,
    });
    await deps.audit.append(
      tx,
      actor,
      {
        action: input.outcome === 'transferred' ? 'ip_asset.transferred' : 'ip_asset.pledge_released',
        entityType: 'ip_asset',
        entityId: asset.id,
        after: {
          caseId: input.caseId,
          flags,
          ...(input.outcome === 'transferred'
            ? { ownerName: buyerName, ownerEnterpriseId: buyerEnterpriseId?.id ?? null }
            : {}),
        },
      },
      now,
    );
  }
  return {
    cancelledRegistrationNumbers,
    assetNumbers: assets.map((a) => a.number).sort(),
    buyerEnterpriseId: buyerEnterpriseId?.id ?? null,
  };
}
