import { districts, industryClusters, organisationKinds, roles, sizeClasses } from '@ipf/domain/party';
import type { Language } from '../i18n/i18n.ts';

/** A labelled code of a reference list (districts, clusters, kinds, roles, size classes). */
export interface ReferenceEntry {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
}

/** The reference lists of the domain package (pure data, same as GET /api/reference). */
export const referenceLists = {
  districts,
  industryClusters,
  organisationKinds,
  roles,
  sizeClasses,
} satisfies Record<string, readonly ReferenceEntry[]>;

export type ReferenceListName = keyof typeof referenceLists;

/** The label of a code in the given language; the code itself when unknown, an em dash when empty. */
export function referenceLabel(
  list: ReferenceListName,
  code: string | null | undefined,
  language: Language,
): string {
  if (code === null || code === undefined || code === '') return '—';
  const entry = (referenceLists[list] as readonly ReferenceEntry[]).find((e) => e.code === code);
  if (entry === undefined) return code;
  return language === 'zh-CN' ? entry.zh : entry.en;
}

/** Options for an Ant Design Select. */
export function referenceOptions(
  list: ReferenceListName,
  language: Language,
): { value: string; label: string }[] {
  return (referenceLists[list] as readonly ReferenceEntry[]).map((e) => ({
    value: e.code,
    label: language === 'zh-CN' ? e.zh : e.en,
  }));
}

/** Role codes that may be held in an organisation of the given kind (the server checks it again). */
export function rolesForOrganisationKind(kind: string | undefined): string[] {
  if (kind === undefined) return [];
  return roles.filter((r) => (r.orgKinds as readonly string[]).includes(kind)).map((r) => r.code);
}
