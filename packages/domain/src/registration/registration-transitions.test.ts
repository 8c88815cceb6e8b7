import { describe, expect, it } from 'vitest';
import { registrationAuthorities } from './registration-authorities.ts';
import { registrationStateCodes, type RegistrationState } from './registration-states.ts';
import {
  applyRegistrationEvent,
  registrationEvents,
  registrationTransitions,
} from './registration-transitions.ts';

const trademark = registrationAuthorities.find((a) => a.authorityId === 'cnipa_trademark')!;
const patent = registrationAuthorities.find((a) => a.authorityId === 'cnipa_patent')!;

describe('registration transitions', () => {
  it("allows exactly the (state, event) pairs of the table for trademarks, leading to the row's state", () => {
    for (const state of registrationStateCodes) {
      for (const event of registrationEvents) {
        const row = registrationTransitions.find((t) => t.from === state && t.event === event);
        const result = applyRegistrationEvent({ state, event, authority: trademark });
        expect(result, `${state}/${event}`).toEqual(
          row === undefined
            ? {
                allowed: false,
                from: state,
                problem: expect.objectContaining({
                  code: 'REGISTRATION_EVENT_NOT_ALLOWED_IN_STATE',
                }) as unknown,
              }
            : { allowed: true, from: state, to: row.to },
        );
      }
    }
  });

  it('refuses extension and lapse for patents, which have no registration period to extend', () => {
    expect(
      applyRegistrationEvent({ state: 'registered', event: 'request_extension', authority: patent }),
    ).toMatchObject({ allowed: false, problem: { code: 'REGISTRATION_EXTENSION_NOT_SUPPORTED' } });
    expect(applyRegistrationEvent({ state: 'registered', event: 'lapse', authority: patent })).toMatchObject({
      allowed: false,
      problem: { code: 'REGISTRATION_PERIOD_NOT_APPLICABLE' },
    });
  });

  it('reaches every state from draft and leaves cancelled and refused for good', () => {
    const seen = new Set<RegistrationState>(['draft']);
    const queue: RegistrationState[] = ['draft'];
    for (let s = queue.shift(); s !== undefined; s = queue.shift()) {
      for (const t of registrationTransitions.filter((row) => row.from === s && !seen.has(row.to))) {
        seen.add(t.to);
        queue.push(t.to);
      }
    }
    expect([...seen].sort()).toEqual([...registrationStateCodes].sort());
    expect(registrationTransitions.filter((t) => t.from === 'cancelled' || t.from === 'refused')).toEqual([]);
  });

  it('returns a pending change, extension or cancellation to registered when the authority rejects it', () => {
    for (const [state, event] of [
      ['change_pending', 'reject_change'],
      ['extension_pending', 'reject_extension'],
      ['cancellation_pending', 'reject_cancellation'],
    ] as const) {
      expect(applyRegistrationEvent({ state, event, authority: trademark })).toMatchObject({
        allowed: true,
        to: 'registered',
      });
    }
  });
});
