import type { OrganisationKind } from './reference-data.ts';

/** Roles of access.md; a user holds one role per organisation membership. */
export const roles = [
  { code: 'enterprise_user', zh: '企业用户', en: 'Enterprise user', orgKinds: ['enterprise'] },
  { code: 'bank_clerk', zh: '银行客户经理', en: 'Bank clerk', orgKinds: ['bank'] },
  { code: 'bank_approver', zh: '银行审批人', en: 'Bank approver', orgKinds: ['bank'] },
  {
    code: 'guarantor_user',
    zh: '担保机构用户',
    en: 'Guarantor user',
    orgKinds: ['guarantor', 're_guarantor'],
  },
  { code: 'insurer_user', zh: '保险机构用户', en: 'Insurer user', orgKinds: ['insurer'] },
  { code: 'evaluator', zh: '评估师', en: 'Evaluator', orgKinds: ['evaluation_firm'] },
  { code: 'expert', zh: '专家', en: 'Expert', orgKinds: ['expert_group', 'association'] },
  { code: 'pool_admin', zh: '资金池管理员', en: 'Pool administrator', orgKinds: ['risk_pool'] },
  {
    code: 'district_bureau',
    zh: '区主管部门用户',
    en: 'District bureau user',
    orgKinds: ['district_bureau'],
  },
  { code: 'city_bureau', zh: '市知识产权局用户', en: 'City IP bureau user', orgKinds: ['ip_bureau'] },
  {
    code: 'regulator',
    zh: '监管部门用户',
    en: 'Regulator',
    orgKinds: ['pboc', 'financial_regulator', 'local_finance_bureau'],
  },
  { code: 'platform_admin', zh: '平台管理员', en: 'Platform administrator', orgKinds: ['platform_operator'] },
] as const satisfies readonly {
  code: string;
  zh: string;
  en: string;
  orgKinds: readonly OrganisationKind[];
}[];

export type Role = (typeof roles)[number]['code'];
export const roleCodes: readonly Role[] = roles.map((r) => r.code);

/** Whether a role may be held in an organisation of the given kind. */
export function canHoldRole(role: Role, kind: OrganisationKind): boolean {
  const entry = roles.find((r) => r.code === role);
  return entry !== undefined && (entry.orgKinds as readonly string[]).includes(kind);
}

/**
 * 双因素认证 (second factor) is mandatory for users of bureaus, regulators, banks, guarantors and insurers
 * (issue 2 item 5); others may enrol voluntarily.
 */
export function isSecondFactorRequired(role: Role): boolean {
  return !['enterprise_user', 'evaluator', 'expert'].includes(role);
}
