import { DomainError } from '@ipf/domain/errors';
import type { SubsidySchemeRow } from './subsidy-views.ts';

/**
 * A scheme version takes applications only when published (SUBSIDY_SCHEME_NOT_PUBLISHED) and, on the Shanghai
 * date `today`, within its application window when it has one (SUBSIDY_WINDOW_CLOSED with the window's ends).
 * Shared by the enterprise subsidy and the institution reward applications.
 */
export function assertSchemeOpenForApplications(schemeRow: SubsidySchemeRow, today: string): void {
  if (schemeRow.state !== 'published') throw new DomainError('SUBSIDY_SCHEME_NOT_PUBLISHED');
  if (
    (schemeRow.applicationFrom !== null && today < schemeRow.applicationFrom) ||
    (schemeRow.applicationTo !== null && today > schemeRow.applicationTo)
  )
    throw new DomainError('SUBSIDY_WINDOW_CLOSED', {
      from: schemeRow.applicationFrom ?? '—',
      to: schemeRow.applicationTo ?? '—',
    });
}
