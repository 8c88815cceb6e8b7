import { defineErrors } from '../errors/error-catalogue.ts';

/** Errors of the IP asset registry (R2): identifiers, classes and the reasons an asset cannot be pledged. */
export const ipAssetErrors = defineErrors({
  PATENT_NUMBER_FORMAT_INVALID: {
    status: 400,
    zh: '“{input}”不是专利申请号或专利号（应为 12 位或 8 位数字、小数点和校验位，可带 ZL/CN 前缀）。',
    en: '"{input}" is not a patent application or patent number (12 or 8 digits, a dot and a check digit, optionally prefixed ZL/CN).',
  },
  PATENT_NUMBER_LENGTH_INVALID: {
    status: 400,
    zh: '专利申请号应为 12 位（2003 年 10 月 1 日起）或 8 位（此前）数字，实际为 {length} 位。',
    en: 'A patent application number has 12 digits (since 2003-10-01) or 8 (before), not {length}.',
  },
  PATENT_TYPE_DIGIT_INVALID: {
    status: 400,
    zh: '专利申请种类号“{digit}”无效：应为 1 发明、2 实用新型、3 外观设计、8 PCT 发明或 9 PCT 实用新型。',
    en: 'Application type digit "{digit}" is invalid: 1 invention, 2 utility model, 3 design, 8 PCT invention or 9 PCT utility model.',
  },
  PATENT_FILING_YEAR_INVALID: {
    status: 400,
    zh: '申请年份 {year} 与 {format} 位申请号格式不符（12 位自 2003 年起，8 位为 1985–2003 年），或晚于今天。',
    en: 'Filing year {year} does not fit the {format}-digit form (12 digits from 2003, 8 digits 1985–2003) or lies in the future.',
  },
  PATENT_CHECK_DIGIT_MISSING: {
    status: 400,
    zh: '专利申请号缺少校验位（小数点后一位），按号码计算应为 {expected}，请核对证书。',
    en: 'The check digit after the dot is missing; the number computes to {expected}; check the certificate.',
  },
  PATENT_CHECK_DIGIT_MISMATCH: {
    status: 400,
    zh: '专利申请号校验位错误：应为 {expected}，实际为 {actual}，号码可能抄错。',
    en: 'Patent number check digit is wrong: expected {expected}, got {actual}; the number is probably mistyped.',
  },
  PATENT_PUBLICATION_NUMBER_FORMAT_INVALID: {
    status: 400,
    zh: '“{input}”不是专利公布/公告号（应为 CN + 9 位数字 + 文献种类代码，如 CN111234567A）。',
    en: '"{input}" is not a patent publication number (CN + 9 digits + kind code, e.g. CN111234567A).',
  },
  PATENT_PUBLICATION_KIND_CODE_INVALID: {
    status: 400,
    zh: '文献种类代码“{kindCode}”无效：应为 A、B、C、U、Y 或 S。',
    en: 'Kind code "{kindCode}" is invalid: expected A, B, C, U, Y or S.',
  },
  PATENT_PUBLICATION_KIND_MISMATCH: {
    status: 400,
    zh: '文献种类代码 {kindCode} 与号码首位 {digit} 不符（1 发明 A/B/C，2 实用新型 U/Y，3 外观设计 S）。',
    en: 'Kind code {kindCode} does not match the first digit {digit} (1 invention A/B/C, 2 utility model U/Y, 3 design S).',
  },
  TRADEMARK_NUMBER_FORMAT_INVALID: {
    status: 400,
    zh: '“{input}”不是商标注册号（应为纯数字）。',
    en: '"{input}" is not a trademark registration number (digits only).',
  },
  TRADEMARK_NUMBER_LENGTH_INVALID: {
    status: 400,
    zh: '商标注册号应为不以 0 开头、至多 {max} 位的数字，实际为 {length} 位。',
    en: 'A trademark registration number has at most {max} digits and no leading zero; this one has {length}.',
  },
  NICE_CLASS_INVALID: {
    status: 400,
    zh: '尼斯分类 {value} 无效：应为 {min}–{max} 的整数。',
    en: 'Nice class {value} is invalid: expected an integer {min}–{max}.',
  },
  NICE_CLASS_DUPLICATE: {
    status: 400,
    zh: '尼斯分类 {value} 重复。',
    en: 'Nice class {value} is listed twice.',
  },
  COPYRIGHT_NUMBER_FORMAT_INVALID: {
    status: 400,
    zh: '“{input}”不是著作权登记号（软件如 2021SR0805085，作品如 国作登字-2021-F-00012345）。',
    en: '"{input}" is not a copyright registration number (software e.g. 2021SR0805085, works e.g. 国作登字-2021-F-00012345).',
  },
  COPYRIGHT_REGISTRATION_YEAR_INVALID: {
    status: 400,
    zh: '登记年份 {year} 不可能（早于登记制度开始或晚于今天）。',
    en: 'Registration year {year} is impossible (before registration began or in the future).',
  },
  PLEDGE_PLEDGOR_NOT_OWNER: {
    status: 422,
    zh: '出质人不是资产 {assetId} 登记的权利人。',
    en: 'The pledgor is not the owner of record of asset {assetId}.',
  },
  PLEDGE_PLEDGOR_NAME_MISMATCH: {
    status: 422,
    zh: '出质人名称“{name}”与登记簿记载的“{registeredName}”不一致，请先办理著录项目变更。',
    en: 'The pledgor\'s name "{name}" differs from the register ("{registeredName}"); record the change of name first.',
  },
  PLEDGE_PLEDGEE_IS_PLEDGOR: {
    status: 422,
    zh: '质权人与出质人不能是同一主体。',
    en: 'The pledgee cannot be the pledgor.',
  },
  PLEDGE_ASSET_NOT_GRANTED: {
    status: 422,
    zh: '该知识产权尚未授权或注册，不能出质。',
    en: 'The right is not yet granted or registered and cannot be pledged.',
  },
  PLEDGE_ASSET_TERMINATED: {
    status: 422,
    zh: '该知识产权已终止、无效或放弃（状态：{status}），不能出质。',
    en: 'The right has ended, been invalidated or abandoned (status {status}) and cannot be pledged.',
  },
  PLEDGE_TERM_EXPIRED: {
    status: 422,
    zh: '该知识产权保护期已于 {expiryDate} 届满。',
    en: 'The term of protection ended on {expiryDate}.',
  },
  PLEDGE_ANNUAL_FEE_UNPAID: {
    status: 422,
    zh: '专利年费未按规定缴纳（已缴至 {paidThrough}）。',
    en: 'The annual fee is unpaid (paid through {paidThrough}).',
  },
  PLEDGE_OWNERSHIP_DISPUTED: {
    status: 422,
    zh: '该知识产权存在权属纠纷，不能出质。',
    en: 'Ownership of the right is disputed; it cannot be pledged.',
  },
  PLEDGE_ASSET_SEIZED_OR_PRESERVED: {
    status: 422,
    zh: '该知识产权已被人民法院查封、冻结或采取保全措施。',
    en: 'The right has been seized, frozen or preserved by a court.',
  },
  PLEDGE_DEBT_MATURES_AFTER_EXPIRY: {
    status: 422,
    zh: '债务履行期限 {debtMaturityDate} 超过了该知识产权的保护期（含期限补偿，届满日 {expiryDate}）。',
    en: "The debt matures on {debtMaturityDate}, after the right's term ends on {expiryDate} (compensation included).",
  },
  PLEDGE_CO_OWNER_CONSENT_MISSING: {
    status: 422,
    zh: '共有知识产权出质须经全体共有人同意，尚缺 {count} 位共有人的书面同意（{missingPartyIds}）。',
    en: "Co-owned rights need every co-owner's consent; {count} written consent(s) missing ({missingPartyIds}).",
  },
  PLEDGE_ALREADY_PLEDGED: {
    status: 422,
    zh: '该知识产权已经出质且仍在质押期内（{pledgeIds}）。',
    en: 'The right is already pledged and still within the pledge period ({pledgeIds}).',
  },
  PLEDGE_SAME_DAY_DUAL_APPLICATION: {
    status: 422,
    zh: '该专利属同日申请的发明和实用新型（一案两请），须经通知后当事人同意方可出质。',
    en: 'Invention and utility model filed the same day for the same invention: the parties must consent after notice.',
  },
  PLEDGE_INVALIDATION_REQUESTED: {
    status: 422,
    zh: '该专利已被请求宣告无效，须经通知后当事人同意方可出质。',
    en: 'Invalidation of the patent has been requested: the parties must consent after notice.',
  },
  PLEDGE_SIMILAR_MARKS_NOT_PLEDGED_TOGETHER: {
    status: 422,
    zh: '在相同或类似商品上注册的相同或近似商标须一并出质，尚缺：{missingAssetIds}。',
    en: 'Same or similar marks on same or similar goods must be pledged together; missing: {missingAssetIds}.',
  },
  PLEDGE_PRIOR_LICENCE_NOT_DISCLOSED: {
    status: 422,
    zh: '出质前已许可他人使用的，须向质权人提交许可合同（未提交：{licenceIds}）。',
    en: 'Licences granted before the pledge must be disclosed to the pledgee (missing: {licenceIds}).',
  },
});
