import { daysBetween, type IsoDate } from '../calendar/iso-date.ts';
import type { IpAsset } from '../ip-asset/ip-asset.ts';
import { isIpStatusInForce } from '../ip-asset/ip-legal-status.ts';

/** A finding of the health check: a stable code with parameters; texts come from `ipHealthTexts`. */
export interface IpHealthItem {
  readonly code: string;
  readonly params: Readonly<Record<string, string | number>>;
}

export interface IpHealthReport {
  readonly asOfDate: IsoDate;
  readonly assetCount: number;
  readonly inForceCount: number;
  readonly strengths: readonly IpHealthItem[];
  readonly risks: readonly IpHealthItem[];
  readonly recommendations: readonly IpHealthItem[];
}

export interface AssessIpHealthInput {
  /** The enterprise's assets (all kinds). */
  readonly assets: readonly IpAsset[];
  readonly asOfDate: IsoDate;
  /** Optional values per asset id (fen) for the concentration test; without them assets count equally. */
  readonly valuesFen?: Readonly<Record<string, bigint>>;
}

/** Expiry within this many days (≈ 24 months) is a risk: a pledge must end before the right does. */
export const EXPIRY_WARNING_DAYS = 730;
/** Concentration: the largest asset holds more than half the value, or fewer than this many are in force. */
export const MIN_DIVERSIFIED_ASSETS = 3;

/** zh-CN and en texts of the health-check codes, `{name}` placeholders filled from `params`. */
export const ipHealthTexts: Readonly<Record<string, { readonly zh: string; readonly en: string }>> = {
  STRENGTH_INVENTION_PATENTS: {
    zh: '拥有 {count} 件有效发明专利，可作为质押融资的核心资产。',
    en: '{count} invention patents in force: core collateral for IP pledge financing.',
  },
  STRENGTH_LICENSED: {
    zh: '{count} 项知识产权已许可他人实施，已有市场验证。',
    en: '{count} rights are licensed out: their value has been tested in the market.',
  },
  STRENGTH_LONG_TERM: {
    zh: '{count} 项有效权利剩余保护期超过 5 年。',
    en: '{count} rights in force have more than 5 years of term left.',
  },
  RISK_EXPIRING: {
    zh: '{number}（{title}）将于 {expiryDate} 届满，剩余约 {months} 个月。',
    en: '{number} ({title}) expires on {expiryDate}, about {months} months from now.',
  },
  RISK_FEE_UNPAID: {
    zh: '{number} 年费仅缴至 {paidThrough}，处于滞纳期，逾期未缴将终止。',
    en: 'Annual fee for {number} paid only through {paidThrough}: in the grace period; the patent lapses if unpaid.',
  },
  RISK_INVALIDATION_OR_DISPUTE: {
    zh: '{number} 存在{issue}，质押前需取得当事人同意或先行解决。',
    en: '{number} is subject to {issue}; resolve it or obtain consent before pledging.',
  },
  RISK_CONCENTRATION: {
    zh: '价值集中于少数资产（{count} 项有效权利，最大一项占 {sharePct}%）。',
    en: 'Value is concentrated in few assets ({count} in force, the largest holds {sharePct}%).',
  },
  RISK_CO_OWNED: {
    zh: '{number} 为共有权利（{owners} 位权利人），出质须经全体共有人书面同意。',
    en: "{number} is co-owned ({owners} owners): pledging needs every co-owner's written consent.",
  },
  REC_PAY_FEES: {
    zh: '尽快补缴 {count} 件专利的年费及滞纳金。',
    en: 'Pay the annual fees and surcharges of {count} patents promptly.',
  },
  REC_PLAN_RENEWAL_OR_REPLACEMENT: {
    zh: '为 {count} 项即将届满的权利安排续展、改进专利或替换质押物。',
    en: 'Plan renewals, follow-up patents or replacement collateral for {count} rights nearing expiry.',
  },
  REC_RESOLVE_DISPUTES: {
    zh: '处理 {count} 项无效宣告或权属纠纷后再用于质押。',
    en: 'Resolve {count} invalidation requests or ownership disputes before pledging them.',
  },
  REC_BUILD_PORTFOLIO: {
    zh: '围绕核心技术布局更多专利，组合质押以分散风险。',
    en: 'File more patents around the core technology and pledge a portfolio to spread the risk.',
  },
  REC_COLLECT_CONSENTS: {
    zh: '提前取得 {count} 项共有权利的共有人同意书。',
    en: "Collect co-owners' consents for {count} co-owned rights in advance.",
  },
};

const ISSUE_TEXT = {
  invalidation_requested: '无效宣告请求 invalidation request',
  ownership_disputed: '权属纠纷 ownership dispute',
  court_preserved: '查封保全 court preservation',
} as const;

/**
 * 知识产权体检 (IP health check) of an enterprise's assets as of a date: strengths (invention patents in force,
 * licensed rights, long remaining terms), risks (expiry within 24 months, annual fee in grace, invalidation
 * or dispute, concentration, co-ownership) and recommendations, each as a code with parameters.
 * The risks mirror the pledge refusal grounds of 《专利权质押登记办法》(2021) art. 12 and 《注册商标专用权质押
 * 登记程序规定》(2020) so that problems surface before an application.
 */
export function assessIpHealth(input: AssessIpHealthInput): IpHealthReport {
  const inForce = input.assets.filter((asset) => isIpStatusInForce(asset.legalStatus));
  const risks: IpHealthItem[] = [];
  let expiring = 0;
  let feesDue = 0;
  let disputed = 0;
  let coOwned = 0;
  let longTerm = 0;
  for (const asset of inForce) {
    if (asset.expiryDate !== null) {
      const daysLeft = daysBetween(input.asOfDate, asset.expiryDate);
      if (daysLeft <= EXPIRY_WARNING_DAYS) {
        expiring += 1;
        risks.push({
          code: 'RISK_EXPIRING',
          params: {
            assetId: asset.assetId,
            number: asset.number,
            title: asset.title,
            expiryDate: asset.expiryDate,
            months: Math.max(0, Math.floor(daysLeft / 30.4375)),
          },
        });
      } else if (daysLeft > 1826) longTerm += 1;
    }
    if (asset.annualFeePaidThrough !== null && asset.annualFeePaidThrough < input.asOfDate) {
      feesDue += 1;
      risks.push({
        code: 'RISK_FEE_UNPAID',
        params: { assetId: asset.assetId, number: asset.number, paidThrough: asset.annualFeePaidThrough },
      });
    }
    const issue = (['invalidation_requested', 'ownership_disputed', 'court_preserved'] as const).find(
      (flag) => asset.flags.includes(flag),
    );
    if (issue !== undefined) {
      disputed += 1;
      risks.push({
        code: 'RISK_INVALIDATION_OR_DISPUTE',
        params: { assetId: asset.assetId, number: asset.number, issue: ISSUE_TEXT[issue] },
      });
    }
    if (asset.owners.length > 1) {
      coOwned += 1;
      risks.push({
        code: 'RISK_CO_OWNED',
        params: { assetId: asset.assetId, number: asset.number, owners: asset.owners.length },
      });
    }
  }

  let total = 0n;
  let largest = 0n;
  for (const asset of inForce) {
    const value = input.valuesFen?.[asset.assetId] ?? 1n;
    total += value;
    if (value > largest) largest = value;
  }
  const sharePct = total === 0n ? 0 : Number((largest * 100n) / total);
  const concentrated = inForce.length < MIN_DIVERSIFIED_ASSETS || sharePct > 50;
  if (concentrated) risks.push({ code: 'RISK_CONCENTRATION', params: { count: inForce.length, sharePct } });

  const strengths: IpHealthItem[] = [];
  const inventions = inForce.filter((asset) => asset.kind === 'invention_patent').length;
  if (inventions > 0) strengths.push({ code: 'STRENGTH_INVENTION_PATENTS', params: { count: inventions } });
  const licensed = inForce.filter((asset) => asset.licences.length > 0).length;
  if (licensed > 0) strengths.push({ code: 'STRENGTH_LICENSED', params: { count: licensed } });
  if (longTerm > 0) strengths.push({ code: 'STRENGTH_LONG_TERM', params: { count: longTerm } });

  const recommendations: IpHealthItem[] = [];
  if (feesDue > 0) recommendations.push({ code: 'REC_PAY_FEES', params: { count: feesDue } });
  if (expiring > 0)
    recommendations.push({ code: 'REC_PLAN_RENEWAL_OR_REPLACEMENT', params: { count: expiring } });
  if (disputed > 0) recommendations.push({ code: 'REC_RESOLVE_DISPUTES', params: { count: disputed } });
  if (concentrated) recommendations.push({ code: 'REC_BUILD_PORTFOLIO', params: {} });
  if (coOwned > 0) recommendations.push({ code: 'REC_COLLECT_CONSENTS', params: { count: coOwned } });

  return {
    asOfDate: input.asOfDate,
    assetCount: input.assets.length,
    inForceCount: inForce.length,
    strengths,
    risks,
    recommendations,
  };
}

/** Renders a health-check item in one language. */
export function formatIpHealthItem(item: IpHealthItem, language: 'zh-CN' | 'en'): string {
  const text = ipHealthTexts[item.code];
  if (text === undefined) return item.code;
  return (language === 'en' ? text.en : text.zh).replace(/\{(\w+)\}/g, (whole, name: string) =>
    String(item.params[name] ?? whole),
  );
}
