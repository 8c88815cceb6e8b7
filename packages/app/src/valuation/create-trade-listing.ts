import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { assertNoProblems, DomainError, type ProblemDetail } from '@ipf/domain/errors';
import { isIpStatusInForce, type IpLegalStatus } from '@ipf/domain/ip-asset';
import { parseYuan } from '@ipf/domain/money';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { ipAssetVisibility } from '../ip-assets/ip-asset-visibility.ts';
import { isIsoDateText } from '../ip-assets/iso-date-text.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { loadTradeListingView } from './find-trade-listings.ts';
import { tradeKinds, type TradeListingView } from './trade-view.ts';

export interface CreateTradeListingInput {
  readonly assetId: string;
  readonly kind: string;
  /** Yuan ("800000.00"); null or absent = 面议. */
  readonly askingPrice?: string | null;
  /** Default today (Asia/Shanghai). */
  readonly listedOn?: string;
  readonly expiresOn: string;
  /** The owner listed for; an enterprise user always lists as itself. */
  readonly ownerEnterpriseId?: string;
  readonly note?: string | null;
}

/**
 * 挂牌 (list an asset for sale or licence): an enterprise lists its own asset in force; a bureau lists one on
 * behalf of an owner enterprise it may see (for the trading centre). An asset outside the actor's scope is
 * NOT_FOUND; an owner that is not on the asset's register is TRADE_LISTING_ASSET_NOT_OWNED.
 */
export async function createTradeListing(
  input: CreateTradeListingInput,
  actor: Actor,
  deps: AppDeps,
): Promise<TradeListingView> {
  const scope = authorize(actor, 'ip_trade_listing.manage');
  const now = deps.clock.now();
  const today = toShanghaiDate(now);
  const listedOn = input.listedOn ?? today;
  const problems: ProblemDetail[] = [];
  if (!(tradeKinds as readonly string[]).includes(input.kind))
    problems.push({ code: 'FIELD_NOT_ALLOWED', field: 'kind', params: { value: input.kind } });
  let askingPriceFen: bigint | null = null;
  if (input.askingPrice !== undefined && input.askingPrice !== null) {
    try {
      askingPriceFen = parseYuan(input.askingPrice);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      problems.push({ code: error.code, field: 'askingPrice', params: error.params });
    }
  }
  for (const [field, value] of [
    ['listedOn', listedOn],
    ['expiresOn', input.expiresOn],
  ] as const)
    if (!isIsoDateText(value)) problems.push({ code: 'IP_ASSET_DATE_INVALID', field, params: { value } });
  if (problems.length === 0 && input.expiresOn < listedOn)
    problems.push({
      code: 'TRADE_LISTING_PERIOD_INVALID',
      field: 'expiresOn',
      params: { listedOn, expiresOn: input.expiresOn },
    });
  assertNoProblems(problems);

  const { ipAssets, ipAssetOwners, ipTradeListings } = tables;
  return runInTransaction(deps, async (tx) => {
    const [asset] = await tx
      .select()
      .from(ipAssets)
      .where(and(eq(ipAssets.id, input.assetId), ipAssetVisibility(actor, scope, today)));
    if (asset === undefined) throw new DomainError('NOT_FOUND');
    const ownerEnterpriseId =
      actor.role === 'enterprise_user' ? actor.organisationId : input.ownerEnterpriseId;
    const owners = await tx.select().from(ipAssetOwners).where(eq(ipAssetOwners.assetId, asset.id));
    const owner =
      ownerEnterpriseId === undefined
        ? owners.find((o) => o.enterpriseId !== null)
        : owners.find((o) => o.enterpriseId === ownerEnterpriseId);
    if (owner?.enterpriseId === null || owner?.enterpriseId === undefined)
      throw new DomainError('TRADE_LISTING_ASSET_NOT_OWNED', { number: asset.number });
    if (!isIpStatusInForce(asset.legalStatus as IpLegalStatus))
      throw new DomainError('TRADE_LISTING_ASSET_NOT_IN_FORCE', { number: asset.number });

    const id = randomUUID();
    await tx.insert(ipTradeListings).values({
      id,
      assetId: asset.id,
      kind: input.kind,
      askingPriceFen,
      listedOn,
      expiresOn: input.expiresOn,
      status: 'listed',
      ownerEnterpriseId: owner.enterpriseId,
      listerOrganisationId: actor.organisationId,
      note: input.note ?? null,
      createdByUserId: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    const view = (await loadTradeListingView(tx, id))!;
    await deps.audit.append(
      tx,
      actor,
      { action: 'ip_trade_listing.created', entityType: 'ip_trade_listing', entityId: id, after: view },
      now,
    );
    return view;
  });
}
