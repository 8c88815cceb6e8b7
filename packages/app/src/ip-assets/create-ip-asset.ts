import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { assertNoProblems, DomainError } from '@ipf/domain/errors';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { validateIpAssetInput, type IpAssetInput } from './ip-asset-input.ts';
import { resolveIpAssetOwners, type IpAssetOwnerInput } from './ip-asset-owners-input.ts';
import { loadIpAssetDetail, type IpAssetDetail } from './ip-asset-view.ts';
import { initialStatusEvents, insertIpAssets } from './insert-ip-assets.ts';

export interface CreateIpAssetInput extends IpAssetInput {
  readonly owners?: readonly IpAssetOwnerInput[];
}

/**
 * 登记知识产权: an enterprise records one of its rights. The identifier is validated and normalised per kind,
 * the expiry computed (term compensation included), the status history started; a right already on the
 * register (same kind and number) is IP_ASSET_ALREADY_REGISTERED.
 */
export async function createIpAsset(
  input: CreateIpAssetInput,
  actor: Actor,
  deps: AppDeps,
): Promise<IpAssetDetail> {
  authorize(actor, 'ip_asset.create');
  const now = deps.clock.now();
  const today = toShanghaiDate(now);
  const { problems, asset } = validateIpAssetInput(input, { today });
  assertNoProblems(problems);

  return runInTransaction(deps, async (tx) => {
    const owners = await resolveIpAssetOwners(tx, input.owners, actor);
    assertNoProblems(owners.problems);
    const record = asset!;
    const id = randomUUID();
    const inserted = await insertIpAssets(
      tx,
      [{ id, asset: record, owners: owners.owners, events: initialStatusEvents(record, today, 'recorded') }],
      { now, actorUserId: actor.userId, source: 'manual' },
    );
    // The unique (kind, number) index decides, so two concurrent creates cannot both succeed.
    if (!inserted.has(id)) {
      const params = { kind: record.kind, number: record.number };
      throw new DomainError('IP_ASSET_ALREADY_REGISTERED', params, {
        problems: [{ code: 'IP_ASSET_ALREADY_REGISTERED', field: 'number', params }],
      });
    }
    const [row] = await tx.select().from(tables.ipAssets).where(eq(tables.ipAssets.id, id));
    const detail = await loadIpAssetDetail(tx, row!, today);
    await deps.audit.append(
      tx,
      actor,
      { action: 'ip_asset.created', entityType: 'ip_asset', entityId: id, after: detail },
      now,
    );
    return detail;
  });
}
