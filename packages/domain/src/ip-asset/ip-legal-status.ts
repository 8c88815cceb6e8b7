/**
 * 法律状态 (legal status) of an IP asset: exactly one at a time (shared/docs/states.md "IP asset").
 * `granted` is used for rights granted after examination (patents, IC layouts), `registered` for rights that
 * exist by registration (trademarks, copyright records, GIs, data IP, licence revenue rights). Partial
 * invalidation keeps `granted` with narrowed claims; only invalidation in whole is `invalidated`.
 */
export const ipLegalStatuses = [
  { code: 'pending', inForce: false, zh: '审查中/申请中', en: 'Pending' },
  { code: 'granted', inForce: true, zh: '已授权', en: 'Granted' },
  { code: 'registered', inForce: true, zh: '已注册/已登记', en: 'Registered' },
  {
    code: 'lapsed',
    inForce: false,
    zh: '未缴年费终止（可请求恢复）',
    en: 'Lapsed (fee unpaid, restorable for a time)',
  },
  { code: 'invalidated', inForce: false, zh: '全部无效', en: 'Invalidated in whole' },
  { code: 'expired', inForce: false, zh: '期限届满', en: 'Expired' },
  { code: 'abandoned', inForce: false, zh: '放弃/撤回/注销', en: 'Abandoned' },
] as const;

export type IpLegalStatus = (typeof ipLegalStatuses)[number]['code'];
export const ipLegalStatusCodes: readonly IpLegalStatus[] = ipLegalStatuses.map((s) => s.code);

/** 权利有效 (in force): granted or registered. */
export function isIpStatusInForce(status: IpLegalStatus): boolean {
  return status === 'granted' || status === 'registered';
}

/**
 * 状态标记 (flags): independent of the legal status and of each other; several may hold at once
 * (states.md). Eligibility to pledge reads both the status and the flags.
 */
export const ipAssetFlags = [
  { code: 'invalidation_requested', zh: '无效宣告请求中', en: 'Invalidation requested' },
  { code: 'ownership_disputed', zh: '权属纠纷', en: 'Ownership disputed' },
  { code: 'court_preserved', zh: '查封/保全', en: 'Seized or preserved by a court' },
  { code: 'pledged', zh: '已质押', en: 'Pledged' },
  { code: 'licensed', zh: '已许可', en: 'Licensed' },
] as const;

export type IpAssetFlag = (typeof ipAssetFlags)[number]['code'];
export const ipAssetFlagCodes: readonly IpAssetFlag[] = ipAssetFlags.map((f) => f.code);
