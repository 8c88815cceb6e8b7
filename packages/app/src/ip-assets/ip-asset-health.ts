import { isIpStatusInForce, type IpLegalStatus } from '@ipf/domain/ip-asset';
import { addMonthsToIsoDate } from './iso-date-text.ts';

/** How far ahead an expiry counts as "expiring soon" (issue 3 item 5: within 24 months). */
export const EXPIRY_WARNING_MONTHS = 24;
/** How far ahead an annual fee counts as due: the next patent year starts within three months. */
export const FEE_WARNING_MONTHS = 3;
export const FEE_KINDS: readonly string[] = ['invention_patent', 'utility_model_patent', 'design_patent'];
export const DISPUTE_FLAGS: readonly string[] = [
  'ownership_disputed',
  'court_preserved',
  'invalidation_requested',
];

/** 资产健康度 (health indicators) of one asset on a day. */
export interface IpAssetHealth {
  /** In force and the term ends within 24 months. */
  readonly expiringSoon: boolean;
  /** A patent in force whose annual fee is paid through less than three months ahead (or not at all). */
  readonly feesDue: boolean;
  /** Paid through a day already past: inside the six-month grace period (专利法实施细则 art. 98), with surcharge. */
  readonly feesOverdue: boolean;
  /** Ownership disputed, seized or preserved by a court, or invalidation requested. */
  readonly disputed: boolean;
}

export interface IpAssetHealthFacts {
  readonly kind: string;
  readonly legalStatus: string;
  readonly flags: readonly string[];
  readonly expiryDate: string | null;
  readonly annualFeePaidThrough: string | null;
}

/** 健康度计算 (calculate the health indicators) as of `today` (Asia/Shanghai). */
export function calculateIpAssetHealth(asset: IpAssetHealthFacts, today: string): IpAssetHealth {
  const inForce = isIpStatusInForce(asset.legalStatus as IpLegalStatus);
  const feeKind = FEE_KINDS.includes(asset.kind);
  const paid = asset.annualFeePaidThrough;
  return {
    expiringSoon:
      inForce &&
      asset.expiryDate !== null &&
      asset.expiryDate >= today &&
      asset.expiryDate <= addMonthsToIsoDate(today, EXPIRY_WARNING_MONTHS),
    feesDue: inForce && feeKind && (paid === null || paid < addMonthsToIsoDate(today, FEE_WARNING_MONTHS)),
    feesOverdue: inForce && feeKind && (paid === null || paid < today),
    disputed: asset.flags.some((f) => DISPUTE_FLAGS.includes(f)),
  };
}
