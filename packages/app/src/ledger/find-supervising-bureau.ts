import { and, asc, eq } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { tables, type Executor } from '@ipf/db';

/** The IP bureau an enterprise's application consents to. */
export interface SupervisingBureau {
  readonly id: string;
  readonly nameZh: string;
  readonly nameEn: string;
  /** `district_bureau` (区知识产权主管部门) or, as the fall-back, `ip_bureau` (the city bureau). */
  readonly kind: string;
}

/**
 * 主管知识产权局 (the supervising IP bureau) of an enterprise: the active district bureau of the district the
 * enterprise is registered in, or the city's IP bureau when that district has none (issue 5 item 2: the
 * application's consent to share its financing record with the bureau). CASE_BUREAU_NOT_FOUND when neither exists.
 */
export async function findSupervisingBureau(
  executor: Executor,
  enterpriseId: string,
): Promise<SupervisingBureau> {
  const { organisations, enterprises } = tables;
  const [enterprise] = await executor
    .select({ district: enterprises.district })
    .from(enterprises)
    .where(eq(enterprises.organisationId, enterpriseId));
  const district = enterprise?.district ?? null;
  const columns = {
    id: organisations.id,
    nameZh: organisations.nameZh,
    nameEn: organisations.nameEn,
    kind: organisations.kind,
  };
  if (district !== null) {
    const [districtBureau] = await executor
      .select(columns)
      .from(organisations)
      .where(
        and(
          eq(organisations.kind, 'district_bureau'),
          eq(organisations.district, district),
          eq(organisations.active, true),
        ),
      )
      .orderBy(asc(organisations.createdAt), asc(organisations.id))
      .limit(1);
    if (districtBureau !== undefined) return districtBureau;
  }
  const [cityBureau] = await executor
    .select(columns)
    .from(organisations)
    .where(and(eq(organisations.kind, 'ip_bureau'), eq(organisations.active, true)))
    .orderBy(asc(organisations.createdAt), asc(organisations.id))
    .limit(1);
  if (cityBureau === undefined) throw new DomainError('CASE_BUREAU_NOT_FOUND', { district: district ?? '-' });
  return cityBureau;
}
