/**
 * 白名单计划授权范围 (consent scope of the whitelist programme, issue 10 item 1): an enterprise's consent with this
 * scope, to the city IP bureau, lets the bureau put it into anonymised releases to the round's banks and, when a
 * bank whitelists it, push its identity and contact to that bank. Revocable; only enterprises whose consent is
 * valid on a round's release date enter the release.
 */
export const WHITELIST_PROGRAMME_SCOPE = 'whitelist_programme';

/** 授权用途 as the enterprise reads it in 我的授权. */
export const WHITELIST_PROGRAMME_PURPOSE =
  '白名单双向推送计划：市知识产权局以假名化、k-匿名数据供合作银行预评估，入选后向该银行推送企业名称与联系人';

/** The longest a programme consent may run (years from the day it is given). */
export const WHITELIST_PROGRAMME_MAX_YEARS = 3;

/** 轮次状态: `draft` → `open` → `released` → `closed`. */
export const whitelistRoundStates = ['draft', 'open', 'released', 'closed'] as const;
export type WhitelistRoundState = (typeof whitelistRoundStates)[number];

/**
 * 轮次编号 (round number) of a round created in a month: `WLR-2026-11`, the n-th of that month `WLR-2026-11-n`.
 * `month` is `YYYY-MM` (Asia/Shanghai), `ordinal` counts from 1.
 */
export function formatWhitelistRoundNumber(month: string, ordinal: number): string {
  return ordinal <= 1 ? `WLR-${month}` : `WLR-${month}-${ordinal}`;
}

/**
 * Whether a bank unit may act on a participation (issue 10, bank side): the participating organisation, any unit
 * below it (it acts for its head office or branch) and any unit above it (access.md "Bank hierarchy": a head
 * office sees its branches' data). `…Path` are materialised paths `/root/…/id/`. Another bank never matches.
 */
export function canBankUnitSeeParticipation(actorPath: string, participantPath: string): boolean {
  return actorPath.startsWith(participantPath) || participantPath.startsWith(actorPath);
}
