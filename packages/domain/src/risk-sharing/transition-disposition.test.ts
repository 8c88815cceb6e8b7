import { describe, expect, it } from 'vitest';
import {
  OPENED_DISPOSITION,
  transitionDisposition,
  type DispositionEvent,
  type DispositionState,
} from './transition-disposition.ts';

function run(
  events: readonly DispositionEvent[],
  from: DispositionState = OPENED_DISPOSITION,
): DispositionState {
  return events.reduce((state, event) => {
    const result = transitionDisposition(state, event);
    if (!result.ok) throw new Error(`${result.code} ${JSON.stringify(result.params)}`);
    return result.state;
  }, from);
}

describe('transitionDisposition', () => {
  it('runs opened → path chosen (auction) → in_progress → proceeds_received → distributed → closed', () => {
    expect(
      run([
        { kind: 'choose_path', path: 'auction' },
        { kind: 'start' },
        { kind: 'receive_proceeds' },
        { kind: 'distribute' },
        { kind: 'close' },
      ]),
    ).toEqual({ status: 'closed', path: 'auction' });
  });

  it('lets an auction without a bid (流拍) switch to a transfer while in progress', () => {
    expect(
      run([
        { kind: 'choose_path', path: 'auction' },
        { kind: 'start' },
        { kind: 'choose_path', path: 'transfer' },
      ]),
    ).toEqual({ status: 'path_chosen', path: 'transfer' });
  });

  it('takes reverse-licence royalties in several instalments, each distributed', () => {
    expect(
      run([
        { kind: 'choose_path', path: 'reverse_licence' },
        { kind: 'start' },
        { kind: 'receive_proceeds' },
        { kind: 'distribute' },
        { kind: 'receive_proceeds' },
        { kind: 'distribute' },
      ]),
    ).toEqual({ status: 'distributed', path: 'reverse_licence' });
  });

  it('refuses to start without a path, to close before distribution and to distribute without proceeds, with a code', () => {
    expect(transitionDisposition(OPENED_DISPOSITION, { kind: 'start' })).toEqual({
      ok: false,
      code: 'DISPOSITION_TRANSITION_NOT_ALLOWED',
      params: { from: 'opened', event: 'start' },
    });
    expect(
      transitionDisposition({ status: 'proceeds_received', path: 'auction' }, { kind: 'close' }),
    ).toMatchObject({ ok: false, code: 'DISPOSITION_TRANSITION_NOT_ALLOWED' });
    expect(
      transitionDisposition({ status: 'in_progress', path: 'auction' }, { kind: 'distribute' }),
    ).toMatchObject({ ok: false, code: 'DISPOSITION_TRANSITION_NOT_ALLOWED' });
    expect(
      transitionDisposition({ status: 'closed', path: 'auction' }, { kind: 'choose_path', path: 'transfer' }),
    ).toMatchObject({ ok: false, code: 'DISPOSITION_TRANSITION_NOT_ALLOWED' });
  });

  it('refuses an unknown disposition path', () => {
    const event = { kind: 'choose_path', path: 'barter' } as unknown as DispositionEvent;
    expect(transitionDisposition(OPENED_DISPOSITION, event)).toEqual({
      ok: false,
      code: 'DISPOSITION_PATH_INVALID',
      params: { path: 'barter' },
    });
  });
});
