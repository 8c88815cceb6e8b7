import { daysBetween, type IsoDate } from '../calendar/iso-date.ts';
import type { IpAsset } from '../ip-asset/ip-asset.ts';
import { isIpStatusInForce } from '../ip-asset/ip-legal-status.ts';
import {
  licencePointsOf,
  type ClaimKinds,
  type InvalidationState,
  type LitigationState,
  type ValidityState,
} from './indicator-scales.ts';

/**
 * 补充著录事实 (supplementary patent facts) the registry does not hold: from the patent's bibliographic record,
 * a patent database or the enterprise's accounts. Each one present makes its indicator `computed`.
 */
export interface PatentFactsSupplement {
  readonly familySize?: number;
  readonly claimsCount?: number;
  readonly claimKinds?: ClaimKinds;
  readonly forwardCitations?: number;
  /** Annual revenue of the products that use the patent, in fen (a JS number: below 2⁵³ fen). */
  readonly annualRevenueFen?: number;
  /** Earlier pledge financings or IP insurance policies on this patent (the ledger knows them). */
  readonly priorFinancingCount?: number;
  /** Litigation or arbitration outcome known to the evaluator; ownership disputes are read from the flags. */
  readonly litigation?: LitigationState;
}

/**
 * 评分事实 (scoring facts): one patent reduced to the numbers its computed indicators need; `null` where the
 * data is missing (the indicator then takes the evaluator's entry or its default). The batch fast path stores
 * exactly these columns.
 */
export interface PatentScoringFacts {
  readonly validity: ValidityState;
  readonly invalidation: InvalidationState;
  readonly litigation: LitigationState;
  /** Days from the valuation date to the expiry date (0 when expired or not in force). */
  readonly remainingDays: number;
  /** Days of the whole term, filing date to expiry date inclusive (term compensation included). */
  readonly termDays: number;
  readonly licencePoints: number;
  readonly financingCount: number;
  readonly ipcSubclassCount: number | null;
  readonly familySize: number | null;
  readonly claimsCount: number | null;
  readonly claimKinds: ClaimKinds | null;
  readonly forwardCitations: number | null;
  readonly annualRevenueFen: number | null;
}

function invalidationOf(asset: IpAsset): InvalidationState {
  if (asset.flags.includes('invalidation_requested')) return 3;
  const reasons = asset.statusHistory.map((event) => event.reason);
  if (reasons.includes('invalidated_in_part')) return 2;
  if (reasons.includes('invalidation_rejected') || reasons.includes('invalidation_maintained')) return 1;
  return 0;
}

/**
 * 提取评分事实 (derive scoring facts) from a registry record as of `asOfDate`: validity from the legal status
 * and `annualFeePaidThrough`, invalidation history from the flags and status history, remaining term from
 * `expiryDate`, licences from `licences`, ownership disputes and court preservation from the flags.
 */
export function derivePatentScoringFacts(
  asset: IpAsset,
  asOfDate: IsoDate,
  supplement: PatentFactsSupplement = {},
): PatentScoringFacts {
  const inForce = isIpStatusInForce(asset.legalStatus);
  const feeDue = asset.annualFeePaidThrough !== null && asset.annualFeePaidThrough < asOfDate;
  const validity: ValidityState = !inForce ? 0 : feeDue ? 2 : 1;
  const filingDate = 'filingDate' in asset.term ? asset.term.filingDate : null;
  const termDays =
    asset.expiryDate !== null && filingDate !== null
      ? Math.max(1, daysBetween(filingDate, asset.expiryDate) + 1)
      : 1;
  const remainingDays =
    inForce && asset.expiryDate !== null
      ? Math.min(termDays, Math.max(0, daysBetween(asOfDate, asset.expiryDate)))
      : 0;
  const disputed = asset.flags.includes('ownership_disputed') || asset.flags.includes('court_preserved');
  const subclasses = new Set(asset.ipcClasses.map((ipc) => ipc.slice(0, 4)));

  return {
    validity,
    invalidation: invalidationOf(asset),
    litigation: disputed ? 3 : (supplement.litigation ?? 0),
    remainingDays,
    termDays,
    licencePoints: asset.licences.reduce((sum, licence) => sum + licencePointsOf(licence.kind), 0),
    financingCount: supplement.priorFinancingCount ?? (asset.flags.includes('pledged') ? 1 : 0),
    ipcSubclassCount: subclasses.size > 0 ? subclasses.size : null,
    familySize: supplement.familySize ?? null,
    claimsCount: supplement.claimsCount ?? null,
    claimKinds: supplement.claimKinds ?? null,
    forwardCitations: supplement.forwardCitations ?? null,
    annualRevenueFen: supplement.annualRevenueFen ?? null,
  };
}
