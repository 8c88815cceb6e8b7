import type { ProblemDetail } from '../errors/index.ts';
import type { RegistrationAuthority } from './registration-authorities.ts';
import type { RegistrationState } from './registration-states.ts';

/** 登记事件 (registration events): what the parties or the authority do to a registration. */
export const registrationEvents = [
  'sign',
  'submit',
  'request_correction',
  'submit_correction',
  'correction_lapsed',
  'register',
  'refuse',
  'request_change',
  'complete_change',
  'reject_change',
  'request_extension',
  'complete_extension',
  'reject_extension',
  'request_cancellation',
  'complete_cancellation',
  'reject_cancellation',
  'lapse',
] as const;

/** 登记事件代码 (registration event code). */
export type RegistrationEvent = (typeof registrationEvents)[number];

/** One row of the registration transition table; `requires` names a capability the authority must have. */
export interface RegistrationTransition {
  readonly from: RegistrationState;
  readonly event: RegistrationEvent;
  readonly to: RegistrationState;
  readonly requires?: 'supports_extension' | 'lapses_at_period_end';
}

/**
 * 登记状态流转表 (registration transition table), states.md "Pledge registration". A rejected change, extension
 * or cancellation leaves the pledge registered; an uncorrected application is deemed abandoned (refused) when the
 * correction window runs out (trademarks: 30 days, 2020 rules); only trademarks (and the receivables registry)
 * have a registration period that is extended or lapses.
 */
export const registrationTransitions: readonly RegistrationTransition[] = [
  { from: 'draft', event: 'sign', to: 'signed' },
  { from: 'signed', event: 'submit', to: 'submitted' },
  { from: 'submitted', event: 'request_correction', to: 'correction_requested' },
  { from: 'correction_requested', event: 'submit_correction', to: 'submitted' },
  { from: 'correction_requested', event: 'correction_lapsed', to: 'refused' },
  { from: 'submitted', event: 'register', to: 'registered' },
  { from: 'submitted', event: 'refuse', to: 'refused' },
  { from: 'registered', event: 'request_change', to: 'change_pending' },
  { from: 'change_pending', event: 'complete_change', to: 'registered' },
  { from: 'change_pending', event: 'reject_change', to: 'registered' },
  { from: 'registered', event: 'request_extension', to: 'extension_pending', requires: 'supports_extension' },
  { from: 'extension_pending', event: 'complete_extension', to: 'registered' },
  { from: 'extension_pending', event: 'reject_extension', to: 'registered' },
  { from: 'registered', event: 'request_cancellation', to: 'cancellation_pending' },
  { from: 'cancellation_pending', event: 'complete_cancellation', to: 'cancelled' },
  { from: 'cancellation_pending', event: 'reject_cancellation', to: 'registered' },
  { from: 'registered', event: 'lapse', to: 'cancelled', requires: 'lapses_at_period_end' },
];

/** Outcome of {@link applyRegistrationEvent}. */
export type RegistrationEventResult =
  | { readonly allowed: true; readonly from: RegistrationState; readonly to: RegistrationState }
  | { readonly allowed: false; readonly from: RegistrationState; readonly problem: ProblemDetail };

/**
 * 登记状态流转 (apply a registration event): the next state from `registrationTransitions`, or
 * REGISTRATION_EVENT_NOT_ALLOWED_IN_STATE, or REGISTRATION_EXTENSION_NOT_SUPPORTED / REGISTRATION_PERIOD_NOT_APPLICABLE
 * when the authority has no registration period to extend or let lapse.
 */
export function applyRegistrationEvent(input: {
  readonly state: RegistrationState;
  readonly event: RegistrationEvent;
  readonly authority: RegistrationAuthority;
}): RegistrationEventResult {
  const { state, event, authority } = input;
  const row = registrationTransitions.find((t) => t.from === state && t.event === event);
  if (row === undefined)
    return {
      allowed: false,
      from: state,
      problem: { code: 'REGISTRATION_EVENT_NOT_ALLOWED_IN_STATE', field: 'event', params: { event, state } },
    };
  if (row.requires === 'supports_extension' && !authority.supportsExtension) {
    return {
      allowed: false,
      from: state,
      problem: {
        code: 'REGISTRATION_EXTENSION_NOT_SUPPORTED',
        field: 'event',
        params: { authorityId: authority.authorityId },
      },
    };
  }
  if (row.requires === 'lapses_at_period_end' && !authority.lapsesAtPeriodEnd) {
    return {
      allowed: false,
      from: state,
      problem: {
        code: 'REGISTRATION_PERIOD_NOT_APPLICABLE',
        field: 'event',
        params: { authorityId: authority.authorityId },
      },
    };
  }
  return { allowed: true, from: state, to: row.to };
}
