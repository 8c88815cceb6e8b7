/** A session's state: waiting for the one-time code, waiting for enrolment, or fully logged in. */
export type SessionStatus = 'second_factor_required' | 'enrolment_required' | 'authenticated';

/** Failed attempts (password or one-time code) before the account locks, and for how long. */
export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;
