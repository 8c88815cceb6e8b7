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

/**
 * 状态变更原因 (reasons of a status change) the platform and its imports record, with their labels. A reason not
 * in this list is still kept (a registry may report others) and is shown as its code.
 */
export const ipStatusChangeReasons = [
  { code: 'filed', zh: '提出申请', en: 'Filed' },
  { code: 'granted', zh: '授权公告', en: 'Granted' },
  { code: 'registered', zh: '核准注册/登记', en: 'Registered' },
  { code: 'recorded', zh: '录入平台', en: 'Recorded on the platform' },
  { code: 'imported', zh: '批量导入', en: 'Imported' },
  { code: 'term_ended', zh: '保护期届满', en: 'Term ended' },
  { code: 'annual_fee_unpaid', zh: '未缴年费', en: 'Annual fee unpaid' },
  { code: 'fee_paid', zh: '已缴费', en: 'Fee paid' },
  { code: 'restored', zh: '权利恢复', en: 'Restored' },
  { code: 'invalidation_filed', zh: '提出无效宣告请求', en: 'Invalidation requested' },
  { code: 'invalidated_in_whole', zh: '宣告全部无效', en: 'Invalidated in whole' },
  { code: 'abandoned', zh: '放弃/撤回/注销', en: 'Abandoned' },
  { code: 'flags_changed', zh: '状态标记变更', en: 'Flags changed' },
  { code: 'court_order', zh: '法院裁定', en: 'Court order' },
  { code: 'dispute_filed', zh: '发生权属纠纷', en: 'Ownership dispute filed' },
  { code: 'dispute_resolved', zh: '权属纠纷已解决', en: 'Ownership dispute resolved' },
  { code: 'ownership_transferred', zh: '权利转移（质押处置）', en: 'Transferred (pledge realised)' },
  { code: 'pledge_released', zh: '质押解除', en: 'Pledge released' },
] as const;
