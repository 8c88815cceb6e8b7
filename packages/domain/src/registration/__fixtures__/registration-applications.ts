import type { RegistrationApplication, RegistrationAsset } from '../decide-registration.ts';

/**
 * Clean registration applications, one per authority, that no refusal ground or missing material touches.
 * Filing 2026-03-02 (Monday); debts mature 2027-03-01. Ground fixtures override one field each.
 */
export const patentAsset: RegistrationAsset = {
  asset: {
    assetId: 'pat-202010566088',
    kind: 'invention_patent',
    number: '202010566088.9',
    title: '一种图像识别方法',
    ipcClasses: ['G06V 10/00'],
    grantDate: '2022-03-01',
    term: { kind: 'invention_patent', filingDate: '2020-06-19', termCompensationDays: 0 },
    legalStatus: 'granted',
    flags: [],
    owners: [{ partyId: 'ent-kunpeng', name: '深圳市鲲鹏智能科技有限公司', shareBps: 10000 }],
    annualFeePaidThrough: '2026-06-18',
    similarMarkAssetIds: [],
    sameDayDualApplication: false,
    licences: [],
  },
  existingPledges: [
    {
      pledgeId: 'plg-old',
      pledgeePartyId: 'bank-zsyh',
      status: 'cancelled',
      periodStart: '2022-01-10',
      periodEnd: '2023-01-09',
    },
  ],
  coOwnerConsentPartyIds: [],
};

export const patentApplication: RegistrationApplication = {
  applicationId: 'reg-1',
  pledgor: { partyId: 'ent-kunpeng', name: '深圳市鲲鹏智能科技有限公司' },
  pledgee: { partyId: 'bank-szns', name: '某银行深圳南山支行', kind: 'bank' },
  assets: [patentAsset],
  consentsAfterNotice: { invalidationRequested: false, sameDayDualApplication: false },
  contract: {
    securedAmountFen: 2_000_000_00n,
    debtStartDate: '2026-03-01',
    debtMaturityDate: '2027-03-01',
    presentItems: ['parties', 'secured_claim', 'debt_term', 'pledged_rights', 'security_scope'],
    violatesMandatoryLaw: false,
  },
  materials: ['application_form', 'pledge_contract', 'identity_or_commitment_letter'],
  viaAgent: false,
  valuationReportDeclared: false,
  filingDate: '2026-03-02',
};

const mark = (assetId: string, number: string, similar: string): RegistrationAsset => ({
  asset: {
    assetId,
    kind: 'trademark',
    number,
    title: '海韵',
    ipcClasses: [],
    grantDate: '2019-05-07',
    term: { kind: 'trademark', registrationDate: '2019-05-07', renewalCount: 0 },
    legalStatus: 'registered',
    flags: [],
    owners: [{ partyId: 'ent-haiyun', name: '深圳市海韵时尚服饰有限公司', shareBps: 10000 }],
    annualFeePaidThrough: null,
    similarMarkAssetIds: [similar],
    sameDayDualApplication: false,
    licences: [],
  },
  existingPledges: [],
  coOwnerConsentPartyIds: [],
});

export const trademarkAssets = [
  mark('tm-30123456', '30123456', 'tm-30123457'),
  mark('tm-30123457', '30123457', 'tm-30123456'),
] as const;

/** A counter-guarantee pledge: the marks are pledged to the guarantor. */
export const trademarkApplication: RegistrationApplication = {
  ...patentApplication,
  applicationId: 'reg-2',
  pledgor: { partyId: 'ent-haiyun', name: '深圳市海韵时尚服饰有限公司' },
  pledgee: { partyId: 'grt-gaoxin', name: '某融资担保有限公司', kind: 'guarantor' },
  assets: trademarkAssets,
};

export const copyrightApplication: RegistrationApplication = {
  ...patentApplication,
  applicationId: 'reg-3',
  pledgor: { partyId: 'ent-yunsuan', name: '深圳市云算软件有限公司' },
  pledgee: { partyId: 'bank-szft', name: '某银行深圳福田支行', kind: 'bank' },
  assets: [
    {
      asset: {
        assetId: 'sw-2021SR0805085',
        kind: 'software_copyright',
        number: '2021SR0805085',
        title: '云算调度系统V1.0',
        ipcClasses: [],
        grantDate: '2021-06-01',
        term: {
          kind: 'software_copyright',
          authorship: 'legal_person',
          firstPublicationDate: '2021-03-15',
          creationDate: '2021-01-20',
        },
        legalStatus: 'registered',
        flags: [],
        owners: [{ partyId: 'ent-yunsuan', name: '深圳市云算软件有限公司', shareBps: 10000 }],
        annualFeePaidThrough: null,
        similarMarkAssetIds: [],
        sameDayDualApplication: false,
        licences: [
          {
            licenceId: 'lic-sw-1',
            licenseeName: '某物流公司',
            kind: 'ordinary',
            startDate: '2023-01-01',
            endDate: '2026-12-31',
            disclosedToPledgee: true,
          },
        ],
      },
      existingPledges: [],
      coOwnerConsentPartyIds: [],
    },
  ],
  materials: [
    'application_form',
    'pledge_contract',
    'identity_or_commitment_letter',
    'prior_licence_contracts',
  ],
};
