import { and, asc, eq, inArray } from 'drizzle-orm';
import { assertNoProblems, DomainError } from '@ipf/domain/errors';
import {
  assessPledgeEligibility,
  type IpTermFacts,
  type LicenceKind,
  type PledgeCandidateAsset,
  type PledgeIneligibilityReason,
  type Pledgee,
} from '@ipf/domain/ip-asset';
import type { IpAssetFlag, IpLegalStatus } from '@ipf/domain/ip-asset';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { findExistingPledges } from './find-existing-pledges.ts';
import { ipAssetVisibility } from './ip-asset-visibility.ts';
import { isIsoDateText } from './iso-date-text.ts';

export interface CheckIpAssetPledgeEligibilityInput {
  readonly id: string;
  /** 主债务履行期限届满日. */
  readonly debtMaturityDate: string;
  /** 判断日; today when absent. */
  readonly decisionDate?: string;
  /** The bank or guarantor taking the pledge; a bank or guarantor user checks for its own organisation. */
  readonly pledgeeOrganisationId?: string;
  /** The owner enterprise pledging; an enterprise user always pledges as itself. Default: the first owner on the platform. */
  readonly pledgorEnterpriseId?: string;
  readonly coOwnerConsentPartyIds?: readonly string[];
  readonly coPledgedAssetIds?: readonly string[];
  readonly consentsAfterNotice?: {
    readonly invalidationRequested?: boolean;
    readonly sameDayDualApplication?: boolean;
  };
}

export interface PledgeEligibilityResult {
  readonly assetId: string;
  readonly eligible: boolean;
  /** Every reason the asset cannot be pledged now, each with its refusal ground; empty when eligible. */
  readonly reasons: PledgeIneligibilityReason[];
  readonly decisionDate: string;
  readonly debtMaturityDate: string;
  readonly expiryDate: string | null;
  readonly pledgor: { readonly id: string; readonly name: string };
  readonly pledgee: { readonly id: string; readonly name: string; readonly kind: 'bank' | 'guarantor' };
}

/** Off-platform co-owners have no party id: they get a stable one from their place on the register. */
const externalOwnerId = (assetId: string, position: number) => `external:${assetId}:${position}`;

/**
 * 质押适格性检查: runs `assessPledgeEligibility` on an asset the actor may see, with the pledges the ledger
 * knows. An enterprise checks only its own assets (another's is NOT_FOUND, like one that does not exist); a bank
 * its customers' assets with itself as pledgee.
 */
export async function checkIpAssetPledgeEligibility(
  input: CheckIpAssetPledgeEligibilityInput,
  actor: Actor,
  deps: AppDeps,
): Promise<PledgeEligibilityResult> {
  const scope = authorize(actor, 'ip_asset.check_eligibility');
  const today = toShanghaiDate(deps.clock.now());
  const decisionDate = input.decisionDate ?? today;
  assertNoProblems([
    ...(isIsoDateText(input.debtMaturityDate)
      ? []
      : [
          {
            code: 'IP_ASSET_DATE_INVALID',
            field: 'debtMaturityDate',
            params: { value: input.debtMaturityDate },
          },
        ]),
    ...(isIsoDateText(decisionDate)
      ? []
      : [{ code: 'IP_ASSET_DATE_INVALID', field: 'decisionDate', params: { value: decisionDate } }]),
  ]);

  const { ipAssets, ipAssetOwners, ipAssetLicences, enterprises, organisations } = tables;
  const [row] = await deps.db
    .select()
    .from(ipAssets)
    .where(and(eq(ipAssets.id, input.id), ipAssetVisibility(actor, scope, today)));
  if (row === undefined) throw new DomainError('NOT_FOUND');
  const [owners, licences, existingPledges] = await Promise.all([
    deps.db
      .select()
      .from(ipAssetOwners)
      .where(eq(ipAssetOwners.assetId, row.id))
      .orderBy(asc(ipAssetOwners.position)),
    deps.db.select().from(ipAssetLicences).where(eq(ipAssetLicences.assetId, row.id)),
    findExistingPledges(deps.db, row.id),
  ]);

  // Pledgor: the acting enterprise itself, or (for a bank) the owner it names or the first owner on the platform.
  const pledgorId =
    actor.role === 'enterprise_user'
      ? actor.organisationId
      : (input.pledgorEnterpriseId ?? owners.find((o) => o.enterpriseId !== null)?.enterpriseId ?? null);
  const [pledgorRow] =
    pledgorId === null
      ? []
      : await deps.db
          .select({ id: enterprises.organisationId, name: enterprises.name })
          .from(enterprises)
          .where(eq(enterprises.organisationId, pledgorId));
  if (pledgorRow === undefined)
    assertNoProblems([
      {
        code: 'IP_ASSET_OWNER_UNKNOWN',
        field: 'pledgorEnterpriseId',
        params: { enterpriseId: pledgorId ?? '-' },
      },
    ]);

  // Pledgee: a bank or guarantor user acts for its own organisation; an enterprise names the bank or guarantor.
  const pledgeeId = actor.role === 'enterprise_user' ? input.pledgeeOrganisationId : actor.organisationId;
  const [pledgeeRow] =
    pledgeeId === undefined
      ? []
      : await deps.db
          .select({ id: organisations.id, kind: organisations.kind, nameZh: organisations.nameZh })
          .from(organisations)
          .where(and(eq(organisations.id, pledgeeId), inArray(organisations.kind, ['bank', 'guarantor'])));
  if (pledgeeRow === undefined)
    assertNoProblems([{ code: 'IP_ASSET_PLEDGEE_INVALID', field: 'pledgeeOrganisationId' }]);
  const pledgee: Pledgee = {
    partyId: pledgeeRow!.id,
    name: pledgeeRow!.nameZh,
    kind: pledgeeRow!.kind === 'bank' ? 'bank' : 'guarantor',
  };

  const asset: PledgeCandidateAsset = {
    assetId: row.id,
    term: row.termFacts as unknown as IpTermFacts,
    legalStatus: row.legalStatus as IpLegalStatus,
    flags: row.flags as IpAssetFlag[],
    owners: owners.map((o) => ({
      partyId: o.enterpriseId ?? externalOwnerId(row.id, o.position),
      name: o.name,
      shareBps: o.shareBps,
    })),
    annualFeePaidThrough: row.annualFeePaidThrough,
    similarMarkAssetIds: row.similarMarkAssetIds,
    sameDayDualApplication: row.sameDayDualApplication,
    licences: licences.map((l) => ({
      licenceId: l.id,
      licenseeName: l.licenseeName,
      kind: l.kind as LicenceKind,
      startDate: l.startDate,
      endDate: l.endDate,
      disclosedToPledgee: l.disclosedToPledgee,
    })),
  };
  const reasons = assessPledgeEligibility({
    asset,
    existingPledges,
    pledgor: { partyId: pledgorRow!.id, name: pledgorRow!.name },
    pledgee,
    coOwnerConsentPartyIds: input.coOwnerConsentPartyIds ?? [],
    coPledgedAssetIds: input.coPledgedAssetIds ?? [],
    consentsAfterNotice: {
      invalidationRequested: input.consentsAfterNotice?.invalidationRequested ?? false,
      sameDayDualApplication: input.consentsAfterNotice?.sameDayDualApplication ?? false,
    },
    debtMaturityDate: input.debtMaturityDate,
    decisionDate,
  });
  return {
    assetId: row.id,
    eligible: reasons.length === 0,
    reasons,
    decisionDate,
    debtMaturityDate: input.debtMaturityDate,
    expiryDate: row.expiryDate,
    pledgor: { id: pledgorRow!.id, name: pledgorRow!.name },
    pledgee: { id: pledgee.partyId, name: pledgee.name, kind: pledgee.kind },
  };
}
