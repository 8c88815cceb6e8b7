import { sm2 } from 'sm-crypto-v2';

/**
 * SM2 signer identity ID_A: the GM/T 0009-2012 default, the same as `SM2_DEFAULT_USER_ID` that the server's
 * `verifySignedDocument` checks with (packages/app/src/signing/signature-records.ts). Change both or neither.
 */
export const SM2_SIGNER_ID = '1234567812345678';

/**
 * 签名 (sign a digest) in the browser: SM2 (GB/T 32918.2) with ID_A over the document's SM3 digest as bytes,
 * i.e. e = SM3(Z_A ‖ digest), returning r ‖ s as 128 hex digits — exactly what the server verifies against the
 * signer's certificate. The document itself is never signed whole: its digest stands for its exact bytes.
 */
export function signDigest(
  digestHex: string,
  key: { readonly privateKeyHex: string; readonly publicKeyHex: string },
): string {
  if (!/^[0-9a-f]{64}$/i.test(digestHex)) throw new Error('an SM3 digest is 64 hex digits');
  return sm2.doSignature(sm2.hexToArray(digestHex.toLowerCase()), key.privateKeyHex, {
    hash: true,
    publicKey: key.publicKeyHex,
    userId: SM2_SIGNER_ID,
  });
}
