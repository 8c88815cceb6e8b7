import type { ErrorParams } from '../errors/domain-error.ts';

/** The outcome of a state transition: the new state, or a coded refusal (never a throw for a business refusal). */
export type TransitionResult<S> =
  | { readonly ok: true; readonly state: S }
  | { readonly ok: false; readonly code: string; readonly params: ErrorParams };
