/**
 * 合规标记种类 (kinds of enterprise compliance flag, issue 10 item 4 "compliance flags"): the public-record facts a
 * bureau records from the authority that decided them, each of which bars the whitelist while it holds.
 * - `abnormal_operation` 经营异常名录: listed by the market regulator (《企业信息公示暂行条例》 art. 17);
 * - `serious_dishonesty` 严重违法失信名单: listed by the market regulator (市场监管总局令第44号, 2021);
 * - `dishonest_debtor` 失信被执行人: listed by a people's court (最高法《关于公布失信被执行人名单信息的若干规定》);
 * - `tax_violation` 重大税收违法失信主体: published by the tax authority (税务总局公告2021年第6号);
 * - `ip_infringement` 知识产权侵权判决: an effective judgment or administrative ruling of IP infringement against it.
 */
export const recordedComplianceFlagKinds = [
  'abnormal_operation',
  'serious_dishonesty',
  'dishonest_debtor',
  'tax_violation',
  'ip_infringement',
] as const;
export type RecordedComplianceFlagKind = (typeof recordedComplianceFlagKinds)[number];

/**
 * Every kind a whitelist may cite: the recorded kinds and `platform_default` 平台贷款违约, derived from the ledger
 * when a whitelist is built (a loan on the platform in default — 次级 or worse — or in compensation, disposal or
 * written off), never recorded by hand.
 */
export const complianceFlagKinds = [...recordedComplianceFlagKinds, 'platform_default'] as const;
export type ComplianceFlagKind = (typeof complianceFlagKinds)[number];

/** Whether a string names a kind the bureau may record. */
export function isRecordedComplianceFlagKind(kind: string): kind is RecordedComplianceFlagKind {
  return (recordedComplianceFlagKinds as readonly string[]).includes(kind);
}

/** The dates that decide whether a flag holds. */
export interface ComplianceFlagPeriod {
  /** ISO date from which the flag holds (列入日期 / 判决生效日期). */
  readonly effectiveOn: string;
  /** ISO date from which it no longer holds (移出 / 撤销), or null while it holds. */
  readonly clearedOn: string | null;
}

/**
 * 标记是否有效 (is a compliance flag active on a day): effective on or before the day and not yet cleared, i.e.
 * `effectiveOn` ≤ `asOfDate` < `clearedOn`. Example: effective 2026-01-10, cleared 2026-03-01 → active on
 * 2026-02-28, not on 2026-03-01 (移出之日起不再限制) nor on 2026-01-09.
 */
export function isComplianceFlagActive(flag: ComplianceFlagPeriod, asOfDate: string): boolean {
  return flag.effectiveOn <= asOfDate && (flag.clearedOn === null || asOfDate < flag.clearedOn);
}
