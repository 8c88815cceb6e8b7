import { formatYuan, parseYuan } from '@ipf/domain/money';
import type { CaseClaims } from './claim-api.ts';

/** One party's book of a defaulted loan, in yuan strings exact to the fen. */
export interface PartyBook {
  readonly organisationId: string;
  readonly name: string;
  /** `bank` or the payer role of its claim (`guarantor`, `re_guarantor`, `insurer`, `evaluator`, `pool`). */
  readonly role: string;
  /** The loss base the bank starts with (zero for every other party). */
  readonly lossBaseYuan: string;
  /** 代偿/理赔/补偿 it paid. */
  readonly paidYuan: string;
  /** 代偿/理赔/补偿 it received (the bank from the payers, the guarantor from the re-guarantee fund). */
  readonly receivedYuan: string;
  /** Disposition proceeds and recoveries shared back to it. */
  readonly recoveredYuan: string;
  /** What it bears in the end: loss base + paid − received − recovered. */
  readonly netYuan: string;
}

export interface PartyBooks {
  readonly lossBaseYuan: string;
  readonly recoveredYuan: string;
  readonly rows: readonly PartyBook[];
  /** The parties' net losses together: always the loss base less everything recovered. */
  readonly totalNetYuan: string;
}

/**
 * 各方损失核算 (every party's books of a defaulted loan) from the case's claims and recoveries, as the disposition
 * fixes its ratios (disposition-party-borne.ts): the bank starts with the loss base its first paid claim was
 * computed on; each paid claim moves its amount from the claimant to the payer; each share of proceeds or of a
 * recovery goes back to its party. Null while no claim is paid.
 */
export function partyBooks(data: CaseClaims): PartyBooks | null {
  const paid = data.claims
    .filter((c) => c.paidYuan !== null)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const first = paid[0];
  if (first === undefined) return null;
  const lossBaseFen =
    parseYuan(first.lossPrincipalYuan) +
    (data.lossBase === 'principal_and_interest' ? parseYuan(first.lossInterestYuan) : 0n);
  const bankClaim = paid.find((c) => c.payerRole !== 're_guarantor') ?? first;

  type Book = { name: string; role: string; base: bigint; paid: bigint; received: bigint; recovered: bigint };
  const books = new Map<string, Book>();
  const bookOf = (id: string, name: string, role: string) => {
    const known = books.get(id);
    if (known !== undefined) return known;
    const book: Book = { name, role, base: 0n, paid: 0n, received: 0n, recovered: 0n };
    books.set(id, book);
    return book;
  };
  bookOf(bankClaim.claimantOrganisationId, bankClaim.claimantName, 'bank').base = lossBaseFen;
  for (const c of paid) {
    const amount = parseYuan(c.paidYuan!);
    bookOf(c.payerOrganisationId, c.payerName, c.payerRole).paid += amount;
    const claimantRole = c.claimantOrganisationId === bankClaim.claimantOrganisationId ? 'bank' : 'guarantor';
    bookOf(c.claimantOrganisationId, c.claimantName, claimantRole).received += amount;
  }
  let recoveredFen = 0n;
  for (const r of data.recoveries) {
    const amount = parseYuan(r.amountYuan);
    bookOf(r.organisationId, r.organisationName, r.role).recovered += amount;
    recoveredFen += amount;
  }
  const rows = [...books].map(([organisationId, b]) => ({
    organisationId,
    name: b.name,
    role: b.role,
    lossBaseYuan: formatYuan(b.base),
    paidYuan: formatYuan(b.paid),
    receivedYuan: formatYuan(b.received),
    recoveredYuan: formatYuan(b.recovered),
    netYuan: formatYuan(b.base + b.paid - b.received - b.recovered),
  }));
  const totalNetFen = rows.reduce((sum, r) => sum + parseYuan(r.netYuan), 0n);
  return {
    lossBaseYuan: formatYuan(lossBaseFen),
    recoveredYuan: formatYuan(recoveredFen),
    rows,
    totalNetYuan: formatYuan(totalNetFen),
  };
}
