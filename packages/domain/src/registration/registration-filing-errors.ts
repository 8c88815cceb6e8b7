import { defineErrors } from '../errors/error-catalogue.ts';

/**
 * 质押登记办理错误 (errors of filing a pledge registration through an authority adapter): the asset lock that
 * prevents a double pledge (民法典 art. 444; 《专利权质押登记办法》(2021) refusal ground (9)), the registration's
 * own state, and the adapter answer.
 */
export const registrationFilingErrors = defineErrors({
  ASSET_ALREADY_PLEDGED: {
    status: 409,
    zh: '知识产权 {assetId} 已被其他质押登记锁定（已提交或已登记），不能重复出质。',
    en: 'The asset {assetId} is locked by another pledge registration (filed or registered); it cannot be pledged twice.',
  },
  REGISTRATION_DEBT_NOT_PERFORMED: {
    status: 409,
    zh: '案件“{caseNumber}”尚未结清（当前状态：{state}），不能以“债务已履行”为由注销质押登记。',
    en: 'Case "{caseNumber}" is not repaid in full (state: {state}); the pledge cannot be cancelled as "debt performed".',
  },
  REGISTRATION_CASE_HAS_NO_ASSETS: {
    status: 422,
    zh: '案件没有需要办理质押登记的知识产权。',
    en: 'The case has no assets left to register.',
  },
  REGISTRATION_AUTHORITY_UNAVAILABLE: {
    status: 422,
    zh: '“{kind}”没有可用的登记机关接口。',
    en: 'No registration authority adapter is available for "{kind}".',
  },
  REGISTRATION_DECISION_ALREADY_RECORDED: {
    status: 409,
    zh: '登记处于“{state}”状态，没有待答复的申请。',
    en: 'The registration is "{state}"; no application awaits an answer.',
  },
  IP_ASSET_LOCKED_BY_PLEDGE: {
    status: 409,
    zh: '知识产权 {assetId} 已出质（质押登记锁定中），变更权利人或转让须经质权人书面同意。',
    en: "The asset {assetId} is pledged (locked by a registration); changing its owners or transferring it needs the pledgee's written consent.",
  },
});
