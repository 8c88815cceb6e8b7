import type { ProblemDetail } from '@ipf/domain/errors';
import {
  calculateIpExpiry,
  ipAssetFlagCodes,
  ipAssetKindCodes,
  ipLegalStatusCodes,
  validateCopyrightNumber,
  validateNiceClasses,
  validatePatentNumber,
  validateTrademarkNumber,
  type IpAssetFlag,
  type IpAssetKind,
  type IpExpiry,
  type IpLegalStatus,
  type IpTermFacts,
  type PatentApplicationKind,
} from '@ipf/domain/ip-asset';
import { isIsoDateText } from './iso-date-text.ts';

/**
 * 知识产权登记信息 (asset facts) as a person types them, the same for the form and for an import row. The
 * dates a kind's term needs: patents and layout designs `filingDate`; trademarks and GIs `grantDate`
 * (核准注册日); copyright `creationDate` and `firstPublicationDate`; data IP the record's `validUntil`; a licence
 * revenue right the licence contract's end, also `validUntil`.
 */
export interface IpAssetInput {
  readonly kind: string;
  readonly number: string;
  readonly title: string;
  readonly legalStatus: string;
  readonly flags?: readonly string[];
  readonly filingDate?: string | null;
  readonly grantDate?: string | null;
  readonly termCompensationDays?: number | null;
  readonly renewalCount?: number | null;
  readonly firstPublicationDate?: string | null;
  readonly creationDate?: string | null;
  readonly firstCommercialUseDate?: string | null;
  readonly validUntil?: string | null;
  readonly annualFeePaidThrough?: string | null;
  readonly ipcClasses?: readonly string[];
  readonly niceClasses?: readonly number[];
  readonly sameDayDualApplication?: boolean;
}

/** A validated, normalised asset record, ready to store (owners are resolved by the use case). */
export interface NormalisedIpAsset {
  readonly kind: IpAssetKind;
  readonly number: string;
  readonly title: string;
  readonly pctNationalPhase: boolean;
  readonly legalStatus: IpLegalStatus;
  readonly flags: IpAssetFlag[];
  readonly filingDate: string | null;
  readonly grantDate: string | null;
  readonly term: IpTermFacts;
  readonly expiry: IpExpiry;
  readonly annualFeePaidThrough: string | null;
  readonly ipcClasses: string[];
  readonly niceClasses: number[];
  readonly sameDayDualApplication: boolean;
}

const PATENT_KIND_OF_APPLICATION: Readonly<Record<PatentApplicationKind, IpAssetKind>> = {
  invention: 'invention_patent',
  pct_invention: 'invention_patent',
  utility_model: 'utility_model_patent',
  pct_utility_model: 'utility_model_patent',
  design: 'design_patent',
};
const PATENT_LIKE: ReadonlySet<string> = new Set([
  'invention_patent',
  'utility_model_patent',
  'design_patent',
  'ic_layout_design',
]);
const FEE_KINDS: ReadonlySet<string> = new Set(['invention_patent', 'utility_model_patent', 'design_patent']);
/** IPC symbol, e.g. `G06F 16/00` (WIPO International Patent Classification). */
const IPC_PATTERN = /^([A-H]\d{2}[A-Z])\s*(\d{1,4})\/(\d{2,6})$/;
/** 专利法 art. 42 ¶2–3 compensation is bounded; five years is the ceiling of the drug-term compensation. */
const MAX_TERM_COMPENSATION_DAYS = 5 * 366;

const isKind = (value: string): value is IpAssetKind =>
  (ipAssetKindCodes as readonly string[]).includes(value);
const isStatus = (value: string): value is IpLegalStatus =>
  (ipLegalStatusCodes as readonly string[]).includes(value);
const isFlag = (value: string): value is IpAssetFlag =>
  (ipAssetFlagCodes as readonly string[]).includes(value);

/** Identifier text clean-up for kinds without a validator: full-width to half-width, no spaces, upper case. */
function cleanIdentifier(input: string): string {
  return input
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]+/g, '')
    .toUpperCase();
}

export interface ValidateIpAssetOptions {
  /** Today in Asia/Shanghai: no filing, grant, creation or publication date may lie after it. */
  readonly today: string;
  /** JSON path of a field: `number` for the form, `rows[12].number` for an import row. */
  readonly fieldOf?: (name: string) => string;
}

/**
 * 登记信息校验 (validate an asset's facts): kind, identifier per kind (patent check digit, type digit agreeing
 * with the kind and filing year with the filing date; trademark and copyright registration numbers), status,
 * flags, the dates the kind's term needs, classes. Returns every problem, or the normalised record with its
 * expiry computed by `calculateIpExpiry` (term compensation included).
 */
export function validateIpAssetInput(
  input: IpAssetInput,
  options: ValidateIpAssetOptions,
): { problems: ProblemDetail[]; asset: NormalisedIpAsset | null } {
  const fieldOf = options.fieldOf ?? ((name: string) => name);
  const problems: ProblemDetail[] = [];
  const add = (code: string, name: string, params?: ProblemDetail['params']): void => {
    problems.push(
      params === undefined ? { code, field: fieldOf(name) } : { code, field: fieldOf(name), params },
    );
  };

  const kindText = input.kind.trim();
  const kind = isKind(kindText) ? kindText : null;
  if (kindText === '') add('FIELD_REQUIRED', 'kind');
  else if (kind === null) add('IP_ASSET_KIND_UNKNOWN', 'kind', { value: kindText });

  const title = input.title.trim();
  if (title === '') add('FIELD_REQUIRED', 'title');
  else if (title.length > 200) add('FIELD_OUT_OF_RANGE', 'title');

  const statusText = input.legalStatus.trim();
  const legalStatus = isStatus(statusText) ? statusText : null;
  if (statusText === '') add('FIELD_REQUIRED', 'legalStatus');
  else if (legalStatus === null) add('IP_ASSET_STATUS_UNKNOWN', 'legalStatus', { value: statusText });
  else if (
    kind !== null &&
    ((legalStatus === 'granted' && !PATENT_LIKE.has(kind)) ||
      (legalStatus === 'registered' && PATENT_LIKE.has(kind)))
  ) {
    add('IP_ASSET_STATUS_NOT_FOR_KIND', 'legalStatus', { status: legalStatus });
  }

  const flags: IpAssetFlag[] = [];
  for (const [index, raw] of (input.flags ?? []).entries()) {
    const flag = raw.trim();
    if (isFlag(flag)) {
      if (!flags.includes(flag)) flags.push(flag);
    } else add('IP_ASSET_FLAG_UNKNOWN', `flags[${index}]`, { value: flag });
  }

  const date = (
    name: string,
    value: string | null | undefined,
    rule: { required?: boolean; past?: boolean } = {},
  ): string | null => {
    const text = value?.trim() ?? '';
    if (text === '') {
      if (rule.required === true) add('FIELD_REQUIRED', name);
      return null;
    }
    if (!isIsoDateText(text)) {
      add('IP_ASSET_DATE_INVALID', name, { value: text });
      return null;
    }
    if (rule.past === true && text > options.today) add('IP_ASSET_DATE_IN_FUTURE', name, { value: text });
    return text;
  };
  const integer = (name: string, value: number | null | undefined, max: number): number => {
    if (value === null || value === undefined) return 0;
    if (!Number.isInteger(value) || value < 0 || value > max) {
      add('IP_ASSET_INTEGER_INVALID', name, { value, min: 0, max });
      return 0;
    }
    return value;
  };

  const granted = legalStatus !== null && legalStatus !== 'pending';
  const patentLike = kind !== null && PATENT_LIKE.has(kind);
  const filingDate = date('filingDate', input.filingDate, { required: patentLike, past: true });
  const grantDate = date('grantDate', input.grantDate, {
    required: granted && (patentLike || kind === 'trademark'),
    past: true,
  });
  if (filingDate !== null && grantDate !== null && grantDate < filingDate)
    add('IP_ASSET_DATE_ORDER_INVALID', 'grantDate', { value: grantDate, filingDate });

  // Identifier, per kind.
  let number: string | null = null;
  let pctNationalPhase = false;
  const numberText = input.number.trim();
  if (numberText === '') add('FIELD_REQUIRED', 'number');
  else if (kind === 'invention_patent' || kind === 'utility_model_patent' || kind === 'design_patent') {
    const result = validatePatentNumber(numberText, { field: fieldOf('number'), asOfDate: options.today });
    problems.push(...result.problems);
    if (result.valid && result.kind !== null) {
      number = result.normalized;
      pctNationalPhase = result.kind === 'pct_invention' || result.kind === 'pct_utility_model';
      if (PATENT_KIND_OF_APPLICATION[result.kind] !== kind) {
        add('IP_ASSET_NUMBER_KIND_MISMATCH', 'number', { number: numberText, numberKind: result.kind, kind });
      }
      if (
        filingDate !== null &&
        result.filingYear !== null &&
        Number(filingDate.slice(0, 4)) !== result.filingYear
      ) {
        add('IP_ASSET_FILING_YEAR_MISMATCH', 'filingDate', { year: result.filingYear, filingDate });
      }
    }
  } else if (kind === 'trademark') {
    const result = validateTrademarkNumber(numberText, fieldOf('number'));
    problems.push(...result.problems);
    number = result.normalized;
  } else if (kind === 'software_copyright' || kind === 'work_copyright') {
    const result = validateCopyrightNumber(numberText, { field: fieldOf('number'), asOfDate: options.today });
    problems.push(...result.problems);
    number = result.normalized;
    const expected = kind === 'software_copyright' ? 'software' : 'work';
    if (result.valid && result.kind !== expected)
      add('IP_ASSET_NUMBER_KIND_MISMATCH', 'number', {
        number: numberText,
        numberKind: result.kind ?? '-',
        kind,
      });
  } else if (kind !== null) {
    // GIs, layout designs, data IP and licence contracts: registries without a published check rule.
    const cleaned = cleanIdentifier(numberText);
    if (!/^[\p{L}\p{N}][\p{L}\p{N}.\-/()（）]{1,63}$/u.test(cleaned))
      add('IP_ASSET_NUMBER_INVALID', 'number', { input: numberText });
    else number = cleaned;
  }

  // Term facts per kind.
  let term: IpTermFacts | null = null;
  switch (kind) {
    case 'invention_patent': {
      const termCompensationDays = integer(
        'termCompensationDays',
        input.termCompensationDays,
        MAX_TERM_COMPENSATION_DAYS,
      );
      if (filingDate !== null) term = { kind, filingDate, termCompensationDays };
      break;
    }
    case 'utility_model_patent':
    case 'design_patent':
      if (filingDate !== null) term = { kind, filingDate };
      break;
    case 'trademark':
    case 'geographical_indication':
      term = {
        kind,
        registrationDate: grantDate,
        renewalCount: integer('renewalCount', input.renewalCount, 20),
      };
      break;
    case 'software_copyright':
    case 'work_copyright': {
      const creationDate = date('creationDate', input.creationDate, { required: true, past: true });
      const firstPublicationDate = date('firstPublicationDate', input.firstPublicationDate, { past: true });
      if (creationDate !== null)
        term = { kind, authorship: 'legal_person', creationDate, firstPublicationDate };
      break;
    }
    case 'ic_layout_design': {
      const firstCommercialUseDate = date('firstCommercialUseDate', input.firstCommercialUseDate, {
        past: true,
      });
      const creationDate = date('creationDate', input.creationDate, { past: true });
      if (filingDate !== null) term = { kind, filingDate, firstCommercialUseDate, creationDate };
      break;
    }
    case 'data_ip': {
      const validUntil = date('validUntil', input.validUntil, { required: true });
      if (validUntil !== null) term = { kind, validUntil };
      break;
    }
    case 'licence_revenue_right': {
      const contractEndDate = date('validUntil', input.validUntil, { required: true });
      if (contractEndDate !== null) term = { kind, contractEndDate };
      break;
    }
    case null:
      break;
  }

  const annualFeePaidThrough = date('annualFeePaidThrough', input.annualFeePaidThrough);

  const ipcClasses: string[] = [];
  for (const [index, raw] of (input.ipcClasses ?? []).entries()) {
    const match = IPC_PATTERN.exec(cleanIdentifier(raw).replace(/^([A-H]\d{2}[A-Z])(\d)/, '$1 $2'));
    if (match === null) add('FIELD_INVALID_FORMAT', `ipcClasses[${index}]`);
    else ipcClasses.push(`${match[1]!} ${match[2]!}/${match[3]!}`);
  }
  const niceClasses = [...(input.niceClasses ?? [])];
  if (kind === 'trademark' || niceClasses.length > 0)
    problems.push(...validateNiceClasses(niceClasses, fieldOf('niceClasses')));

  if (problems.length > 0 || kind === null || legalStatus === null || number === null || term === null)
    return { problems, asset: null };
  return {
    problems,
    asset: {
      kind,
      number,
      title,
      pctNationalPhase,
      legalStatus,
      flags,
      filingDate,
      grantDate,
      term,
      expiry: calculateIpExpiry(term),
      annualFeePaidThrough: FEE_KINDS.has(kind) ? annualFeePaidThrough : null,
      ipcClasses,
      niceClasses,
      sameDayDualApplication: input.sameDayDualApplication ?? false,
    },
  };
}
