import type { ExtendLoanInput, RenewLoanInput } from './case-loan-api.ts';

/** 展期 (extension: the remaining term made longer) or 续贷 (renewal: the balance as a new loan from today). */
export type RestructuringKind = 'extension' | 'renewal';

/** The 展期 / 续贷 form as the user left it; the field names are the API's, so its problems land on them. */
export interface RestructuringValues {
  /** 展期月数: months added to the remaining term (extension). */
  readonly extensionMonths?: number | null | undefined;
  /** 续贷期限: months of the new loan from today (renewal). */
  readonly termMonths?: number | null | undefined;
  /** 利差 over the LPR in basis points; empty keeps the loan's. */
  readonly spreadBps?: number | null | undefined;
  readonly repaymentMethod?: string | null | undefined;
  readonly borrowerInDifficulty?: boolean | undefined;
  /** 展期 / 续贷原因. */
  readonly note?: string | undefined;
}

/** The loan's terms in force, which an unchanged field keeps. */
export interface RestructuringCurrentTerms {
  readonly spreadBps: number;
  readonly repaymentMethod: string;
  /** The case version read, sent so a case changed meanwhile is refused with CONFLICT. */
  readonly caseVersion?: number | undefined;
}

export type RestructuringRequest =
  | { readonly kind: 'extension'; readonly body: ExtendLoanInput }
  | { readonly kind: 'renewal'; readonly body: RenewLoanInput };

const methods = ['annuity', 'equalPrincipal', 'interestOnly', 'bullet'] as const;
type Method = (typeof methods)[number];
const isMethod = (value: string): value is Method => (methods as readonly string[]).includes(value);
const isWholeMonths = (value: number | null | undefined): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 360;

/**
 * 展期/续贷请求 (the request body of an extension or renewal) from the form: the months as a whole number
 * (1–360, the contract's range), a spread or method only when it differs from the loan's (the server keeps the
 * loan's otherwise), 借款人财务困难 as a boolean (it makes the loan restructured, at least 关注), the reason
 * trimmed and left out when empty, and the case version read. Null when the months are missing or not whole.
 * Source: issue 6 item 2; contracts `ExtendLoanBody`, `RenewLoanBody`.
 */
export function buildRestructuringBody(
  kind: RestructuringKind,
  values: RestructuringValues,
  current: RestructuringCurrentTerms,
): RestructuringRequest | null {
  const months = kind === 'extension' ? values.extensionMonths : values.termMonths;
  if (!isWholeMonths(months)) return null;
  const spread = values.spreadBps;
  const method = values.repaymentMethod ?? '';
  const note = values.note?.trim() ?? '';
  const common = {
    ...(typeof spread === 'number' && Number.isInteger(spread) && spread !== current.spreadBps
      ? { spreadBps: spread }
      : {}),
    ...(isMethod(method) && method !== current.repaymentMethod ? { repaymentMethod: method } : {}),
    borrowerInDifficulty: values.borrowerInDifficulty === true,
    ...(note === '' ? {} : { note }),
    ...(current.caseVersion === undefined ? {} : { version: current.caseVersion }),
  };
  return kind === 'extension'
    ? { kind, body: { extensionMonths: months, ...common } }
    : { kind, body: { termMonths: months, ...common } };
}
