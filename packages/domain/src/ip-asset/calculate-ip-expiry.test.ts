import { describe, expect, it } from 'vitest';
import { calculateIpExpiry } from './calculate-ip-expiry.ts';

describe('calculateIpExpiry (last day in force, per kind)', () => {
  it('ends an invention the day before the 20th anniversary of filing (审查指南: 1999-09-06 → 2019-09-05)', () => {
    expect(
      calculateIpExpiry({ kind: 'invention_patent', filingDate: '1999-09-06', termCompensationDays: 0 }),
    ).toEqual({
      expiryDate: '2019-09-05',
      baseExpiryDate: '2019-09-05',
      basis: 'invention_20_years',
    });
  });

  it('adds granted term compensation days to an invention (专利法 art. 42)', () => {
    expect(
      calculateIpExpiry({ kind: 'invention_patent', filingDate: '2020-06-19', termCompensationDays: 120 }),
    ).toMatchObject({
      expiryDate: '2040-10-16',
      baseExpiryDate: '2040-06-18',
    });
  });

  it('ends a term started on 29 February on 28 February of a common year', () => {
    expect(calculateIpExpiry({ kind: 'utility_model_patent', filingDate: '2020-02-29' }).expiryDate).toBe(
      '2030-02-28',
    );
  });

  it('gives utility models 10 years', () => {
    expect(calculateIpExpiry({ kind: 'utility_model_patent', filingDate: '2023-03-10' }).expiryDate).toBe(
      '2033-03-09',
    );
  });

  it('gives designs filed from 2021-06-01 15 years and designs filed the day before 10', () => {
    expect(calculateIpExpiry({ kind: 'design_patent', filingDate: '2021-06-01' })).toMatchObject({
      expiryDate: '2036-05-31',
      basis: 'design_15_years',
    });
    expect(calculateIpExpiry({ kind: 'design_patent', filingDate: '2021-05-31' })).toMatchObject({
      expiryDate: '2031-05-30',
      basis: 'design_10_years',
    });
  });

  it('gives a trademark 10 years from registration and 10 more per renewal (商标法 art. 39–40)', () => {
    expect(
      calculateIpExpiry({ kind: 'trademark', registrationDate: '2010-03-14', renewalCount: 0 }).expiryDate,
    ).toBe('2020-03-13');
    expect(
      calculateIpExpiry({ kind: 'trademark', registrationDate: '2010-03-14', renewalCount: 1 }).expiryDate,
    ).toBe('2030-03-13');
  });

  it('gives a geographical indication without a mark registration no term', () => {
    expect(
      calculateIpExpiry({ kind: 'geographical_indication', registrationDate: null, renewalCount: 0 }),
    ).toMatchObject({ expiryDate: null, basis: 'gi_no_term' });
  });

  it("ends a legal person's software copyright on 31 December of the 50th year after first publication", () => {
    expect(
      calculateIpExpiry({
        kind: 'software_copyright',
        authorship: 'legal_person',
        firstPublicationDate: '2021-05-08',
        creationDate: '2021-03-01',
      }).expiryDate,
    ).toBe('2071-12-31');
  });

  it("ends an unpublished legal person's work 50 years after creation", () => {
    expect(
      calculateIpExpiry({
        kind: 'work_copyright',
        authorship: 'legal_person',
        firstPublicationDate: null,
        creationDate: '2000-07-01',
      }).expiryDate,
    ).toBe('2050-06-30');
  });

  it("ends a natural person's copyright on 31 December of the 50th year after death, and has no fixed end while the author lives", () => {
    expect(
      calculateIpExpiry({
        kind: 'work_copyright',
        authorship: 'natural_person',
        authorDeathDate: '1990-02-01',
        creationDate: '1970-01-01',
      }).expiryDate,
    ).toBe('2040-12-31');
    expect(
      calculateIpExpiry({
        kind: 'work_copyright',
        authorship: 'natural_person',
        authorDeathDate: null,
        creationDate: '2020-01-01',
      }).expiryDate,
    ).toBeNull();
  });

  it("counts an IC layout design's 10 years from the earlier of filing and first commercial use", () => {
    expect(
      calculateIpExpiry({
        kind: 'ic_layout_design',
        filingDate: '2022-05-01',
        firstCommercialUseDate: '2021-11-15',
        creationDate: null,
      }).expiryDate,
    ).toBe('2031-11-14');
  });

  it('ends an IC layout design 15 years after creation when that comes first', () => {
    expect(
      calculateIpExpiry({
        kind: 'ic_layout_design',
        filingDate: '2022-05-01',
        firstCommercialUseDate: null,
        creationDate: '2016-01-10',
      }),
    ).toEqual({
      expiryDate: '2031-01-09',
      baseExpiryDate: '2031-01-09',
      basis: 'ic_layout_15_years_after_creation',
    });
  });

  it('takes data IP and licence revenue right terms from their record and contract', () => {
    expect(calculateIpExpiry({ kind: 'data_ip', validUntil: '2027-12-31' }).expiryDate).toBe('2027-12-31');
    expect(
      calculateIpExpiry({ kind: 'licence_revenue_right', contractEndDate: '2028-06-30' }).expiryDate,
    ).toBe('2028-06-30');
  });
});
