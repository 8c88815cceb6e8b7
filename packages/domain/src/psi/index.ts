export * from './hash-to-curve25519.ts';
export * from './find-psi-intersection.ts';
export * from './psi-errors.ts';
