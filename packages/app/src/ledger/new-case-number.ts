import { randomBytes } from 'node:crypto';

/** 台账编号: `IPF` + the Shanghai date + 8 random hex digits (`IPF20260302A1B2C3D4`); unique index backs it. */
export function newCaseNumber(today: string): string {
  return `IPF${today.replaceAll('-', '')}${randomBytes(4).toString('hex').toUpperCase()}`;
}
