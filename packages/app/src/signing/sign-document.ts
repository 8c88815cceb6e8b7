import { calculateSm3DigestHex } from './calculate-sm3-digest.ts';
import type { SignatureRecord, SigningService } from './signature-records.ts';

/** Who signs: the signing service holding the key, and the key's handle there. */
export interface DocumentSigner {
  readonly service: SigningService;
  readonly keyId: string;
}

/**
 * 签署文件 (sign a document): the SM3 digest of the exact PDF bytes, signed with SM2 by the signer's signing
 * service. The PDF itself never leaves the platform; only its digest goes to the service.
 */
export function signDocument(pdf: Uint8Array, signer: DocumentSigner): Promise<SignatureRecord> {
  return signer.service.sign(calculateSm3DigestHex(pdf), signer.keyId);
}
