/**
 * 质押登记状态 (pledge registration states), exactly as shared/docs/states.md "Pledge registration": draft →
 * signed → submitted → correction_requested (补正) → submitted … → registered | refused; later change_pending,
 * extension_pending (trademarks) and cancellation_pending (注销) → cancelled.
 */
export const registrationStates = [
  { code: 'draft', zh: '草稿', en: 'Draft' },
  { code: 'signed', zh: '已签署', en: 'Signed' },
  { code: 'submitted', zh: '已提交', en: 'Submitted' },
  { code: 'correction_requested', zh: '待补正', en: 'Correction requested' },
  { code: 'registered', zh: '已登记', en: 'Registered' },
  { code: 'refused', zh: '不予登记', en: 'Refused' },
  { code: 'change_pending', zh: '变更登记办理中', en: 'Change pending' },
  { code: 'extension_pending', zh: '延期登记办理中', en: 'Extension pending' },
  { code: 'cancellation_pending', zh: '注销登记办理中', en: 'Cancellation pending' },
  { code: 'cancelled', zh: '已注销', en: 'Cancelled' },
] as const;

/** 登记状态 (registration state code). */
export type RegistrationState = (typeof registrationStates)[number]['code'];

/** Every registration state code. */
export const registrationStateCodes: readonly RegistrationState[] = registrationStates.map((s) => s.code);

/** 质权存续 (pledge on the register): registered, or registered with a change, extension or cancellation pending. */
export function isPledgeOnRegister(state: RegistrationState): boolean {
  return (
    state === 'registered' ||
    state === 'change_pending' ||
    state === 'extension_pending' ||
    state === 'cancellation_pending'
  );
}
