import type { IpTermFacts } from './calculate-ip-expiry.ts';
import type { IpAssetKind, LicenceKind } from './ip-asset-kind.ts';
import type { IpAssetFlag, IpLegalStatus } from './ip-legal-status.ts';
import type { IsoDate } from './iso-date.ts';

/** 权利人 (owner of record) with its share in basis points (10000 = sole owner; shares sum to 10000). */
export interface IpAssetOwner {
  readonly partyId: string;
  /** The name as it stands on the register (a renamed enterprise must record the change before pledging). */
  readonly name: string;
  readonly shareBps: number;
}

/** 许可 (licence granted) by the owner: kind, licensee and period; `disclosedToPledgee` for pledge materials. */
export interface IpLicence {
  readonly licenceId: string;
  readonly licenseeName: string;
  readonly kind: LicenceKind;
  readonly startDate: IsoDate;
  readonly endDate: IsoDate;
  readonly disclosedToPledgee: boolean;
}

/** 状态变更 (status event): every change of status or flags is kept with its date and reason (states.md). */
export interface IpStatusEvent {
  readonly date: IsoDate;
  readonly legalStatus: IpLegalStatus;
  readonly flags: readonly IpAssetFlag[];
  /** Short stable reason code, e.g. `granted`, `annual_fee_unpaid`, `invalidation_filed`. */
  readonly reason: string;
}

/**
 * 知识产权资产 (IP asset record) as the registry keeps it. `term.kind` always equals `kind`: the term facts
 * carry the dates each kind's term rule needs (see `calculateIpExpiry`). Pledges are not stored here: they
 * belong to the ledger and are passed to `assessPledgeEligibility` as records.
 */
export interface IpAsset {
  readonly assetId: string;
  readonly kind: IpAssetKind;
  /** Normalised identifier: patent application number, trademark or copyright registration number, record no. */
  readonly number: string;
  /** PCT application in the Chinese national phase (type digit 8 or 9). */
  readonly pctNationalPhase: boolean;
  readonly title: string;
  readonly owners: readonly IpAssetOwner[];
  readonly term: IpTermFacts;
  /** 授权公告日 / 核准注册日 / 登记日; null while pending. */
  readonly grantDate: IsoDate | null;
  /** Cached `calculateIpExpiry(term).expiryDate`. */
  readonly expiryDate: IsoDate | null;
  readonly legalStatus: IpLegalStatus;
  readonly flags: readonly IpAssetFlag[];
  readonly statusHistory: readonly IpStatusEvent[];
  /** Last day covered by the annual fee paid (patents); null for kinds without annual fees. */
  readonly annualFeePaidThrough: IsoDate | null;
  /** IPC main class first (patents), e.g. `G06F 16/00`. */
  readonly ipcClasses: readonly string[];
  /** Nice classes (trademarks). */
  readonly niceClasses: readonly number[];
  /** Trademarks: the owner's same or similar marks on same or similar goods, which must be pledged together. */
  readonly similarMarkAssetIds: readonly string[];
  /** 一案两请: an invention and a utility model filed the same day for the same invention. */
  readonly sameDayDualApplication: boolean;
  readonly licences: readonly IpLicence[];
}
