import type { TransitionResult } from './transition-result.ts';

/** 处置方式 (disposition paths): 反向许可, 挂牌拍卖, 转让, 质押转股权 (domain-reference.md "Disposition"). */
export type DispositionPath = 'reverse_licence' | 'auction' | 'transfer' | 'debt_to_equity';

export const DISPOSITION_PATHS: readonly DispositionPath[] = [
  'reverse_licence',
  'auction',
  'transfer',
  'debt_to_equity',
];

/**
 * 处置案件状态 (disposition states), states.md: `opened` → path chosen → `in_progress` → `proceeds_received` →
 * `distributed` → `closed`.
 */
export type DispositionStatus =
  'opened' | 'path_chosen' | 'in_progress' | 'proceeds_received' | 'distributed' | 'closed';

/** A disposition case's state: its status and, once chosen, its path. */
export interface DispositionState {
  readonly status: DispositionStatus;
  readonly path: DispositionPath | null;
}

/** Events that move a disposition case. */
export type DispositionEvent =
  | { readonly kind: 'choose_path'; readonly path: DispositionPath }
  | { readonly kind: 'start' }
  | { readonly kind: 'receive_proceeds' }
  | { readonly kind: 'distribute' }
  | { readonly kind: 'close' };

/** The opening state of a case for a defaulted loan. */
export const OPENED_DISPOSITION: DispositionState = { status: 'opened', path: null };

function refuse(from: DispositionState, event: DispositionEvent): TransitionResult<DispositionState> {
  return {
    ok: false,
    code: 'DISPOSITION_TRANSITION_NOT_ALLOWED',
    params: { from: from.status, event: event.kind },
  };
}

/**
 * 处置状态流转 (disposition transition): the next state or the refusal DISPOSITION_TRANSITION_NOT_ALLOWED
 * `{ from, event }` (DISPOSITION_PATH_INVALID for an unknown path). Rules: a path is chosen when opened, may be
 * changed before work starts, and may be changed while in progress (an auction without a bid 流拍 → transfer);
 * proceeds may arrive again after a distribution (reverse-licence royalties come in instalments); a case closes
 * only after its proceeds are distributed. Source: states.md "Claims and disposition"; issue 8 item 5.
 */
export function transitionDisposition(
  from: DispositionState,
  event: DispositionEvent,
): TransitionResult<DispositionState> {
  switch (event.kind) {
    case 'choose_path':
      if (!DISPOSITION_PATHS.includes(event.path))
        return { ok: false, code: 'DISPOSITION_PATH_INVALID', params: { path: String(event.path) } };
      if (from.status !== 'opened' && from.status !== 'path_chosen' && from.status !== 'in_progress')
        return refuse(from, event);
      return { ok: true, state: { status: 'path_chosen', path: event.path } };
    case 'start':
      return from.status === 'path_chosen'
        ? { ok: true, state: { ...from, status: 'in_progress' } }
        : refuse(from, event);
    case 'receive_proceeds':
      return from.status === 'in_progress' || from.status === 'distributed'
        ? { ok: true, state: { ...from, status: 'proceeds_received' } }
        : refuse(from, event);
    case 'distribute':
      return from.status === 'proceeds_received'
        ? { ok: true, state: { ...from, status: 'distributed' } }
        : refuse(from, event);
    case 'close':
      return from.status === 'distributed'
        ? { ok: true, state: { ...from, status: 'closed' } }
        : refuse(from, event);
  }
}
