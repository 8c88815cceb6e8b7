import { DomainError } from '../errors/domain-error.ts';
import { allocateLargestRemainder } from '../money/allocate-largest-remainder.ts';
import type { PartyAmount } from './allocate-flat-split.ts';

/** Recoveries shared back: each party's part, and any surplus above the total loss borne. */
export interface RecoveryAllocation {
  readonly shares: readonly PartyAmount[];
  /** Recovered above what the parties bore in total (returned to the pledgor, not shared). */
  readonly surplusFen: bigint;
}

/**
 * 追偿款按比例返还 (recoveries shared back pro rata): splits `min(recovered, Σ borne)` in proportion to what each party
 * bore, by largest remainder (ties to the first listed); nobody gets back more than it bore. Example: 300.00
 * recovered on borne bank 400.00, guarantor 400.00, pool 200.00 → 120.00, 120.00, 60.00. Source: domain-reference.md
 * "recoveries go back pro rata"; issue 8 item 3.
 * @throws DomainError RISK_LOSS_INVALID for a negative amount, RECOVERY_BASIS_EMPTY when nobody bore anything.
 */
export function allocateRecovery(recoveredFen: bigint, borne: readonly PartyAmount[]): RecoveryAllocation {
  if (recoveredFen < 0n || borne.some((part) => part.amountFen < 0n))
    throw new DomainError('RISK_LOSS_INVALID');
  const totalBorneFen = borne.reduce((sum, part) => sum + part.amountFen, 0n);
  if (totalBorneFen === 0n) throw new DomainError('RECOVERY_BASIS_EMPTY');

  const sharedFen = recoveredFen < totalBorneFen ? recoveredFen : totalBorneFen;
  const parts = allocateLargestRemainder(
    sharedFen,
    borne.map((part) => part.amountFen),
  );
  return {
    shares: borne.map((part, index) => ({ party: part.party, amountFen: parts[index] ?? 0n })),
    surplusFen: recoveredFen - sharedFen,
  };
}
