import type { tables } from '@ipf/db';

/** An organisation as use cases return it (the wire shape maps 1:1). */
export interface OrganisationView {
  readonly id: string;
  readonly kind: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly parentId: string | null;
  readonly bankLevel: string | null;
  readonly district: string | null;
  readonly uscc: string | null;
  readonly createdAt: string;
}

export function toOrganisationView(row: typeof tables.organisations.$inferSelect): OrganisationView {
  return {
    id: row.id,
    kind: row.kind,
    nameZh: row.nameZh,
    nameEn: row.nameEn,
    parentId: row.parentId,
    bankLevel: row.bankLevel,
    district: row.district,
    uscc: row.uscc,
    createdAt: row.createdAt.toISOString(),
  };
}
