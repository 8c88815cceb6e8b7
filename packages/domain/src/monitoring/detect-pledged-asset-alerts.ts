import { addDays, addMonths, type IsoDate } from '../calendar/iso-date.ts';
import type { PledgeAlertKind, PledgeAlertSeverity } from './pledge-alert-kinds.ts';

/** The pledged asset as the scan sees it on `today`. */
export interface MonitoredAsset {
  readonly assetId: string;
  readonly kind: string;
  readonly legalStatus: string;
  readonly flags: readonly string[];
  readonly expiryDate: IsoDate | null;
  /**
   * Last day covered by annual fees: the later of the register's `annualFeePaidThrough` and the patent years paid
   * on the owner's behalf (代缴年费); null for kinds without annual fees.
   */
  readonly annualFeePaidThrough: IsoDate | null;
  /** `findConditionStartDates` of the status history: keys `status:<legal status>` and flag codes. */
  readonly conditionSince: Readonly<Record<string, IsoDate>>;
  /** Start dates of licences the pledgee was not told of (许可未经质权人同意). */
  readonly undisclosedLicenceStartDates: readonly IsoDate[];
  /** The pledgor is still an owner of record (otherwise the right was transferred). */
  readonly pledgorIsOwner: boolean;
  /** The day the owners of record were last changed (the asset's last update), for a transfer. */
  readonly ownersChangedOn: IsoDate;
}

/** The registered pledge and the valuation its rate rests on. */
export interface MonitoredPledge {
  /** 登记日: the day the pledge was registered (the pledge exists from registration). */
  readonly pledgedOn: IsoDate;
  /** 质押登记期限届满日: the debt's maturity as registered. */
  readonly periodEndDate: IsoDate;
  /** 评估基准日 of the latest value evaluation, if any. */
  readonly valuationDate: IsoDate | null;
  /** 评估报告有效期 of the latest value evaluation, if any. */
  readonly valuationValidUntil: IsoDate | null;
}

/** The disbursed loan; null before disbursement (the registered maturity is used). */
export interface MonitoredLoan {
  readonly maturityDate: IsoDate;
}

/** One condition found: kind, severity, the last day to act, and the rule it comes from. */
export interface PledgeAlertFinding {
  readonly kind: PledgeAlertKind;
  readonly severity: PledgeAlertSeverity;
  readonly dueDate: IsoDate;
  readonly source: string;
  readonly params: Readonly<Record<string, string>>;
}

/** Kinds that owe annual fees (专利法 art. 43; 集成电路布图设计 owes none). */
const ANNUAL_FEE_KINDS = new Set(['invention_patent', 'utility_model_patent', 'design_patent']);
/** Reminders start this many days before the fee date; the last 30 days are urgent. */
export const ANNUAL_FEE_REMINDER_DAYS = 90;
export const ANNUAL_FEE_URGENT_DAYS = 30;
/** 滞纳期: six months after the fee date with a late fee (专利法实施细则 (2010) art. 98). */
export const ANNUAL_FEE_GRACE_MONTHS = 6;
/** 权利恢复: two months from the notice of termination (专利法实施细则 (2010) art. 6 para. 2). */
export const RESTORATION_MONTHS = 2;
/** 押品重估 reminder window before the valuation's validity ends. */
export const REVALUATION_REMINDER_DAYS = 30;
/** 无效宣告答复期: the patentee answers the request within one month (专利审查指南 第四部分第三章 4.4). */
const INVALIDATION_ANSWER_MONTHS = 1;
/** 保全裁定复议: five days from the order (民事诉讼法 (2023) art. 111); the pledgee acts within that window. */
const COURT_PRESERVATION_ACTION_DAYS = 5;
/** 权属纠纷: the pledgee reviews its position within 15 days (platform rule; 质押合同 甲方及时通知义务). */
const DISPUTE_REVIEW_DAYS = 15;

const TERMINATED_STATUSES = new Set(['invalidated', 'expired', 'abandoned']);
const RENEWABLE_KINDS = new Set(['trademark', 'collective_mark', 'certification_mark']);

function later(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}

/**
 * 押品贷后监测 (post-loan monitoring of a pledged IP asset): every condition on `today` that the pledgee must act
 * on, each with a severity and the last day to act. Annual fee: reminders from 90 days before the fee date
 * (`annualFeePaidThrough` + 1; low, medium from 30 days), 滞纳期 from the fee date for six months (high, due on
 * its last day), then 终止 (critical, due at the end of the two months for 恢复); a right ended otherwise is
 * critical; 无效宣告请求, 权属纠纷 and 查封/保全 from the day they began (high); the right ending before the
 * loan's maturity (critical; high for renewable marks, due on the expiry day); a licence or transfer while pledged
 * (民法典 art. 444: needs the pledgee's consent); 押品重估 from 30 days before the valuation's validity ends (or
 * a year after the valuation or the pledge). Due dates depend only on the facts, never on `today`, so a daily
 * rescan finds the same alerts. Sources: issue 6 item 5; 专利法实施细则 (2010) arts. 6, 98; 民法典 art. 444;
 * 商标法 art. 40; 《专利权质押登记办法》(2021) art. 17.
 */
export function detectPledgedAssetAlerts(
  asset: MonitoredAsset,
  pledge: MonitoredPledge,
  loan: MonitoredLoan | null,
  today: IsoDate,
): PledgeAlertFinding[] {
  const findings: PledgeAlertFinding[] = [];
  const add = (
    kind: PledgeAlertKind,
    severity: PledgeAlertSeverity,
    dueDate: IsoDate,
    source: string,
    params: Record<string, string> = {},
  ) => findings.push({ kind, severity, dueDate, source, params });
  const sinceOrPledge = (key: string): IsoDate =>
    later(asset.conditionSince[key] ?? pledge.pledgedOn, pledge.pledgedOn);
  const inForce = asset.legalStatus === 'granted' || asset.legalStatus === 'registered';

  // Annual fees: due a patent year in advance; six months' grace with a late fee; then the patent ends.
  const paidThrough = asset.annualFeePaidThrough;
  if (
    ANNUAL_FEE_KINDS.has(asset.kind) &&
    paidThrough !== null &&
    (inForce || asset.legalStatus === 'lapsed')
  ) {
    const feeDate = addDays(paidThrough, 1);
    const graceEnd = addDays(addMonths(feeDate, ANNUAL_FEE_GRACE_MONTHS), -1);
    const lapseDate = addDays(graceEnd, 1);
    if (asset.legalStatus === 'lapsed' || today >= lapseDate) {
      add(
        'lapsed',
        'critical',
        addDays(addMonths(lapseDate, RESTORATION_MONTHS), -1),
        '专利法实施细则 (2010) art. 6, art. 98',
        {
          paidThrough,
          lapseDate,
        },
      );
    } else if (today >= feeDate) {
      add('annual_fee_grace', 'high', graceEnd, '专利法实施细则 (2010) art. 98', { paidThrough, feeDate });
    } else if (today >= addDays(feeDate, -ANNUAL_FEE_REMINDER_DAYS)) {
      const urgent = today >= addDays(feeDate, -ANNUAL_FEE_URGENT_DAYS);
      add(
        'annual_fee_due',
        urgent ? 'medium' : 'low',
        feeDate,
        '专利法 art. 43; 专利法实施细则 (2010) art. 98',
        {
          paidThrough,
        },
      );
    }
  } else if (asset.legalStatus === 'lapsed') {
    const lapseDate = sinceOrPledge('status:lapsed');
    add(
      'lapsed',
      'critical',
      addDays(addMonths(lapseDate, RESTORATION_MONTHS), -1),
      '专利法实施细则 (2010) art. 6',
      {
        lapseDate,
      },
    );
  }
  if (TERMINATED_STATUSES.has(asset.legalStatus))
    add(
      'right_terminated',
      'critical',
      sinceOrPledge(`status:${asset.legalStatus}`),
      '《专利权质押登记办法》(2021) art. 17',
      {
        legalStatus: asset.legalStatus,
      },
    );

  // Flags: the day each began (not before the pledge) plus the time there is to act.
  if (asset.flags.includes('invalidation_requested'))
    add(
      'invalidation_requested',
      'high',
      addMonths(sinceOrPledge('invalidation_requested'), INVALIDATION_ANSWER_MONTHS),
      '专利法 art. 45; 专利审查指南 第四部分第三章 4.4',
    );
  if (asset.flags.includes('ownership_disputed'))
    add(
      'ownership_disputed',
      'high',
      addDays(sinceOrPledge('ownership_disputed'), DISPUTE_REVIEW_DAYS),
      '《专利权质押登记办法》(2021) art. 12 (5); 质押合同',
    );
  if (asset.flags.includes('court_preserved'))
    add(
      'court_preserved',
      'high',
      addDays(sinceOrPledge('court_preserved'), COURT_PRESERVATION_ACTION_DAYS),
      '民事诉讼法 (2023) art. 111',
    );

  // Term: the right must outlast the debt (registration ground 6); marks can be renewed (商标法 art. 40).
  const maturityDate = loan?.maturityDate ?? pledge.periodEndDate;
  if (
    asset.expiryDate !== null &&
    asset.expiryDate < maturityDate &&
    !TERMINATED_STATUSES.has(asset.legalStatus)
  )
    add(
      'expiry_before_maturity',
      RENEWABLE_KINDS.has(asset.kind) ? 'high' : 'critical',
      asset.expiryDate,
      RENEWABLE_KINDS.has(asset.kind) ? '商标法 art. 40' : '《专利权质押登记办法》(2021) art. 12 (6)',
      { expiryDate: asset.expiryDate, maturityDate },
    );

  // Licence or transfer while pledged needs the pledgee's consent (民法典 art. 444).
  const licenceDates = new Set(asset.undisclosedLicenceStartDates.filter((d) => d >= pledge.pledgedOn));
  const licensedSince = asset.conditionSince['licensed'];
  if (
    asset.flags.includes('licensed') &&
    licensedSince !== undefined &&
    licensedSince >= pledge.pledgedOn &&
    licenceDates.size === 0
  )
    licenceDates.add(licensedSince);
  for (const startDate of [...licenceDates].sort())
    add('licence_while_pledged', 'high', startDate, '民法典 art. 444', { startDate });
  if (!asset.pledgorIsOwner)
    add(
      'transfer_while_pledged',
      'critical',
      later(asset.ownersChangedOn, pledge.pledgedOn),
      '民法典 art. 444',
    );

  // 押品重估: the valuation's validity (usually one year), or yearly from the valuation or the pledge.
  const revaluationDate =
    pledge.valuationValidUntil ?? addDays(addMonths(pledge.valuationDate ?? pledge.pledgedOn, 12), -1);
  if (today >= addDays(revaluationDate, -REVALUATION_REMINDER_DAYS))
    add(
      'revaluation_due',
      today > revaluationDate ? 'high' : 'medium',
      revaluationDate,
      'domain-reference.md (押品重估); 商业银行押品管理指引',
      {
        valuationValidUntil: revaluationDate,
      },
    );

  return findings;
}
