import type { tables } from '@ipf/db';

export type SigningCertificateRow = typeof tables.signingCertificates.$inferSelect;

/** 签名证书 on the wire: public data only (the private key never reaches the platform). */
export interface SigningCertificateView {
  readonly id: string;
  readonly organisationId: string;
  readonly subjectName: string;
  readonly issuerName: string;
  readonly serialNumber: string;
  readonly publicKeyHex: string;
  readonly notBefore: string;
  readonly notAfter: string;
  /** `browser` | `signing_service`. */
  readonly keyCustody: string;
  readonly revokedAt: string | null;
  readonly registeredAt: string;
}

export function toSigningCertificateView(row: SigningCertificateRow): SigningCertificateView {
  const subject = (row.record as { subject?: { name?: string } }).subject;
  return {
    id: row.id,
    organisationId: row.organisationId,
    subjectName: subject?.name ?? '',
    issuerName: row.issuerName,
    serialNumber: row.serialNumber,
    publicKeyHex: row.publicKeyHex,
    notBefore: row.notBefore.toISOString(),
    notAfter: row.notAfter.toISOString(),
    keyCustody: row.keyCustody,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    registeredAt: row.registeredAt.toISOString(),
  };
}
