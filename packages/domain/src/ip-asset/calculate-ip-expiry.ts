import { addDays, lastDayOfTerm, minDate, type IsoDate } from './iso-date.ts';

/** Design patents filed from this day get 15 years (专利法 2020 amendment, in force 2021-06-01). */
export const DESIGN_15_YEAR_TERM_FROM: IsoDate = '2021-06-01';

/**
 * 保护期事实 (facts that fix the term) per kind. A discriminated union so that a kind can never be computed
 * with another kind's rule and every date a rule needs is present.
 */
export type IpTermFacts =
  | {
      readonly kind: 'invention_patent';
      /** 申请日; for a PCT national-phase application the international filing date (专利法实施细则 art. 102). */
      readonly filingDate: IsoDate;
      /** 专利权期限补偿 granted by CNIPA (专利法 art. 42 ¶2 delay, ¶3 new drugs), in days; 0 when none. */
      readonly termCompensationDays: number;
    }
  | { readonly kind: 'utility_model_patent' | 'design_patent'; readonly filingDate: IsoDate }
  | {
      readonly kind: 'trademark' | 'geographical_indication';
      /** 核准注册日 (GI: registration as a collective/certification mark, or null for a GI product without one). */
      readonly registrationDate: IsoDate | null;
      /** 续展次数 already registered. */
      readonly renewalCount: number;
    }
  | {
      readonly kind: 'software_copyright' | 'work_copyright';
      readonly authorship: 'legal_person';
      /** 首次发表日; null while unpublished. */
      readonly firstPublicationDate: IsoDate | null;
      /** 创作/开发完成日. */
      readonly creationDate: IsoDate;
    }
  | {
      readonly kind: 'software_copyright' | 'work_copyright';
      readonly authorship: 'natural_person';
      /** Death of the (last surviving) author; null while living, so no fixed end is known. */
      readonly authorDeathDate: IsoDate | null;
      readonly creationDate: IsoDate;
    }
  | {
      readonly kind: 'ic_layout_design';
      /** 登记申请日. */
      readonly filingDate: IsoDate;
      /** 首次商业利用日, anywhere in the world; null when not yet exploited. */
      readonly firstCommercialUseDate: IsoDate | null;
      /** 创作完成日, when known. */
      readonly creationDate: IsoDate | null;
    }
  | {
      readonly kind: 'data_ip';
      /** 登记证书有效期至: the end of validity on the data-IP registration record. */
      readonly validUntil: IsoDate;
    }
  | {
      readonly kind: 'licence_revenue_right';
      /** Last day of the named licence contract that yields the fees. */
      readonly contractEndDate: IsoDate;
    };

/** Which rule produced the expiry: for the asset detail page and the audit trail. */
export type IpTermBasis =
  | 'invention_20_years'
  | 'utility_model_10_years'
  | 'design_15_years'
  | 'design_10_years'
  | 'trademark_10_years'
  | 'gi_no_term'
  | 'copyright_legal_person_50_years_after_publication'
  | 'copyright_legal_person_unpublished_50_years_after_creation'
  | 'copyright_natural_person_50_years_after_death'
  | 'copyright_natural_person_author_living'
  | 'ic_layout_10_years'
  | 'ic_layout_15_years_after_creation'
  | 'data_ip_record'
  | 'licence_contract';

export interface IpExpiry {
  /** Last day on which the right is in force (inclusive), compensation included; null when no fixed end. */
  readonly expiryDate: IsoDate | null;
  /** The term without compensation (equal to `expiryDate` except for compensated inventions). */
  readonly baseExpiryDate: IsoDate | null;
  readonly basis: IpTermBasis;
}

function fixed(expiryDate: IsoDate | null, basis: IpTermBasis): IpExpiry {
  return { expiryDate, baseExpiryDate: expiryDate, basis };
}

/** 31 December of the 50th year after `date`'s year. */
function endOfFiftiethYearAfter(date: IsoDate): IsoDate {
  return `${String(Number(date.slice(0, 4)) + 50).padStart(4, '0')}-12-31`;
}

/**
 * 保护期届满日 (expiry date): the last day the right is in force, counted per kind. A term of N years from a
 * start day ends the day before the N-th anniversary (《专利审查指南》: filed 1999-09-06 → in force until
 * 2019-09-05; a trademark registered 2010-03-14 is valid until 2020-03-13).
 * - Invention: 20 years from filing + granted term compensation days (《专利法》(2020) art. 42 ¶1–3).
 * - Utility model: 10 years from filing; design: 15 years if filed from 2021-06-01, else 10 (art. 42 ¶1).
 * - Trademark: 10 years from registration, each renewal adds 10 (《商标法》 art. 39–40). A GI registered as a
 *   collective or certification mark follows the trademark rule; a GI without one has no term.
 * - Copyright of a legal person (works and software): ends 31 December of the 50th year after first
 *   publication; unpublished for 50 years after creation it is no longer protected (《著作权法》(2020) art. 23,
 *   《计算机软件保护条例》 art. 14). Natural person: 31 December of the 50th year after the author's death.
 * - IC layout design: 10 years from the earlier of filing and first commercial use, and never more than 15
 *   years after creation (《集成电路布图设计保护条例》 art. 12).
 * - Data IP: the record's validity (《深圳市数据知识产权登记管理暂行办法》); licence revenue right: the licence
 *   contract's end (a receivable, 民法典 art. 440(6)).
 */
export function calculateIpExpiry(facts: IpTermFacts): IpExpiry {
  switch (facts.kind) {
    case 'invention_patent': {
      const base = lastDayOfTerm(facts.filingDate, 20);
      return {
        expiryDate: addDays(base, facts.termCompensationDays),
        baseExpiryDate: base,
        basis: 'invention_20_years',
      };
    }
    case 'utility_model_patent':
      return fixed(lastDayOfTerm(facts.filingDate, 10), 'utility_model_10_years');
    case 'design_patent':
      return facts.filingDate >= DESIGN_15_YEAR_TERM_FROM
        ? fixed(lastDayOfTerm(facts.filingDate, 15), 'design_15_years')
        : fixed(lastDayOfTerm(facts.filingDate, 10), 'design_10_years');
    case 'trademark':
    case 'geographical_indication':
      if (facts.registrationDate === null) return fixed(null, 'gi_no_term');
      return fixed(
        lastDayOfTerm(facts.registrationDate, 10 * (facts.renewalCount + 1)),
        'trademark_10_years',
      );
    case 'software_copyright':
    case 'work_copyright':
      if (facts.authorship === 'natural_person') {
        return facts.authorDeathDate === null
          ? fixed(null, 'copyright_natural_person_author_living')
          : fixed(
              endOfFiftiethYearAfter(facts.authorDeathDate),
              'copyright_natural_person_50_years_after_death',
            );
      }
      return facts.firstPublicationDate === null
        ? fixed(
            lastDayOfTerm(facts.creationDate, 50),
            'copyright_legal_person_unpublished_50_years_after_creation',
          )
        : fixed(
            endOfFiftiethYearAfter(facts.firstPublicationDate),
            'copyright_legal_person_50_years_after_publication',
          );
    case 'ic_layout_design': {
      const start =
        facts.firstCommercialUseDate === null
          ? facts.filingDate
          : minDate(facts.filingDate, facts.firstCommercialUseDate);
      const tenYears = lastDayOfTerm(start, 10);
      if (facts.creationDate === null) return fixed(tenYears, 'ic_layout_10_years');
      const cap = lastDayOfTerm(facts.creationDate, 15);
      return cap < tenYears
        ? fixed(cap, 'ic_layout_15_years_after_creation')
        : fixed(tenYears, 'ic_layout_10_years');
    }
    case 'data_ip':
      return fixed(facts.validUntil, 'data_ip_record');
    case 'licence_revenue_right':
      return fixed(facts.contractEndDate, 'licence_contract');
  }
}
