import type {
  RegistrationApplication,
  RegistrationAuthority,
  RegistrationAuthorityId,
  RegistrationDecision,
} from '@ipf/domain/registration';

/** What the platform gives an adapter besides the application. */
export interface RegistrationFilingContext {
  /**
   * The authority's next registration number for `year` (登记号流水, from `registration_sequences` in the
   * filing's transaction). Call it only for a registration, so the register's numbers have no gaps.
   */
  readonly allocateSequence: (year: number) => Promise<number>;
}

/**
 * The authority's answer to a filing: its decision at once (registered with a notice, refused with every ground,
 * or 补正 with the missing materials), or `pending` when it answers later through `recordRegistrationDecision`.
 */
export type RegistrationAdapterAnswer =
  { readonly status: 'decided'; readonly decision: RegistrationDecision } | { readonly status: 'pending' };

/**
 * 登记机关接口 (registration authority adapter), one per authority (issue 5 item 6): CNIPA patents and
 * trademarks, the copyright centre, the receivables registry, the data-IP platform. `file` submits an
 * application (the first filing, or the corrected one after a 补正 notice, which carries `correction`).
 */
export interface RegistrationAuthorityAdapter {
  readonly authorityId: RegistrationAuthorityId;
  /** The authority's published rules (kinds, time limits, notice), shown with every registration. */
  readonly authority: RegistrationAuthority;
  file(
    application: RegistrationApplication,
    context: RegistrationFilingContext,
  ): Promise<RegistrationAdapterAnswer>;
}
