import { inArray } from 'drizzle-orm';
import type { ProblemDetail } from '@ipf/domain/errors';
import { tables, type Executor } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { IpAssetOwnerView } from './ip-asset-view.ts';

/** 权利人输入: an enterprise on the platform (`enterpriseId`) or a co-owner off it (name only), share in bps. */
export interface IpAssetOwnerInput {
  readonly enterpriseId?: string | null;
  readonly name?: string;
  readonly shareBps: number;
}

/**
 * 权利人校验 (resolve owners): shares are whole basis points that add up to 10000; an enterprise user must be
 * among the owners; platform enterprises must exist and default to their current name. No owners given means
 * the actor's enterprise alone.
 */
export async function resolveIpAssetOwners(
  executor: Executor,
  owners: readonly IpAssetOwnerInput[] | undefined,
  actor: Actor,
): Promise<{ problems: ProblemDetail[]; owners: IpAssetOwnerView[] }> {
  const given =
    owners === undefined || owners.length === 0
      ? [{ enterpriseId: actor.organisationId, shareBps: 10000 }]
      : owners;
  const ids = [
    ...new Set(given.map((o) => o.enterpriseId).filter((id): id is string => typeof id === 'string')),
  ];
  const found =
    ids.length === 0
      ? []
      : await executor
          .select({ id: tables.enterprises.organisationId, name: tables.enterprises.name })
          .from(tables.enterprises)
          .where(inArray(tables.enterprises.organisationId, ids));
  const names = new Map(found.map((r) => [r.id, r.name]));

  const problems: ProblemDetail[] = [];
  const resolved: IpAssetOwnerView[] = [];
  given.forEach((owner, index) => {
    const enterpriseId = owner.enterpriseId ?? null;
    if (!Number.isInteger(owner.shareBps) || owner.shareBps < 1 || owner.shareBps > 10000)
      problems.push({ code: 'FIELD_OUT_OF_RANGE', field: `owners[${index}].shareBps` });
    if (enterpriseId !== null && !names.has(enterpriseId)) {
      problems.push({
        code: 'IP_ASSET_OWNER_UNKNOWN',
        field: `owners[${index}].enterpriseId`,
        params: { enterpriseId },
      });
      return;
    }
    const name = owner.name?.trim() || (enterpriseId === null ? '' : names.get(enterpriseId)!);
    if (name === '') problems.push({ code: 'FIELD_REQUIRED', field: `owners[${index}].name` });
    resolved.push({ enterpriseId, name, shareBps: owner.shareBps });
  });
  const sumBps = given.reduce((sum, o) => sum + o.shareBps, 0);
  if (sumBps !== 10000)
    problems.push({ code: 'IP_ASSET_OWNER_SHARES_INVALID', field: 'owners', params: { sumBps } });
  if (actor.role === 'enterprise_user' && !given.some((o) => o.enterpriseId === actor.organisationId))
    problems.push({ code: 'IP_ASSET_OWNER_SELF_MISSING', field: 'owners' });
  return { problems, owners: resolved };
}
