import { sm2 } from 'sm-crypto-v2';

/**
 * SM2 签名 (GB/T 32918.2) of a message with signer identity `userId`: e = SM3(Z_A ‖ message), signature r ‖ s in
 * hex. Through `sm-crypto-v2` (Node's own "SM2" is ECDSA on the SM2 curve and does not interoperate).
 */
export function createSm2Signature(input: {
  messageBytes: Uint8Array;
  privateKeyHex: string;
  publicKeyHex: string;
  userId: string;
}): string {
  return sm2.doSignature(input.messageBytes, input.privateKeyHex, {
    hash: true,
    publicKey: input.publicKeyHex,
    userId: input.userId,
  });
}

/** Checks an SM2 signature; malformed keys or signatures are simply not valid. */
export function isValidSm2Signature(input: {
  messageBytes: Uint8Array;
  signatureHex: string;
  publicKeyHex: string;
  userId: string;
}): boolean {
  if (!/^[0-9a-f]{128}$/i.test(input.signatureHex) || !/^04[0-9a-f]{128}$/i.test(input.publicKeyHex)) {
    return false;
  }
  try {
    return sm2.doVerifySignature(input.messageBytes, input.signatureHex, input.publicKeyHex, {
      hash: true,
      userId: input.userId,
    });
  } catch {
    // An off-curve public key throws inside the library: that is an invalid signature, not a fault.
    return false;
  }
}

/** Is this an uncompressed SM2 public key (`04` ‖ x ‖ y, 130 hex digits) on the curve? */
export function isValidSm2PublicKey(publicKeyHex: string): boolean {
  if (!/^04[0-9a-f]{128}$/i.test(publicKeyHex)) return false;
  try {
    return sm2.verifyPublicKey(publicKeyHex);
  } catch {
    // The library throws for a point off the curve: that is simply not a valid key.
    return false;
  }
}
