import { and, eq, exists, ilike, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { tables } from '@ipf/db';
import { likePattern } from '../support/page.ts';
import { DISPUTE_FLAGS, EXPIRY_WARNING_MONTHS, FEE_KINDS, FEE_WARNING_MONTHS } from './ip-asset-health.ts';
import { addMonthsToIsoDate } from './iso-date-text.ts';

const { ipAssets, ipAssetOwners } = tables;

export type IpAssetHealthFilter = 'expiring' | 'fees_due' | 'disputed';

/** 组合检索条件 (search criteria) shared by the list, the export and the health summary. */
export interface IpAssetSearchCriteria {
  /** Number or title, partial; a patent number may be typed with `ZL`, dots or spaces. */
  readonly q?: string;
  /** Owner name, partial. */
  readonly owner?: string;
  readonly ownerEnterpriseId?: string;
  /** IPC class prefix (`G06F`) or a Nice class number (`9`). */
  readonly classCode?: string;
  readonly kind?: string;
  readonly legalStatus?: string;
  readonly flag?: string;
  readonly health?: IpAssetHealthFilter;
}

const jsonArray = (values: readonly (string | number)[]): SQL => sql`${JSON.stringify(values)}::jsonb`;

/** The health indicators as SQL, kept equal to `calculateIpAssetHealth`. */
export function healthCondition(filter: IpAssetHealthFilter, today: string): SQL {
  switch (filter) {
    case 'expiring':
      return sql`${ipAssets.legalStatus} in ('granted', 'registered') and ${ipAssets.expiryDate} >= ${today} and ${ipAssets.expiryDate} <= ${addMonthsToIsoDate(today, EXPIRY_WARNING_MONTHS)}`;
    case 'fees_due':
      return and(
        inArray(ipAssets.kind, [...FEE_KINDS]),
        eq(ipAssets.legalStatus, 'granted'),
        or(
          isNull(ipAssets.annualFeePaidThrough),
          lt(ipAssets.annualFeePaidThrough, addMonthsToIsoDate(today, FEE_WARNING_MONTHS)),
        ),
      )!;
    case 'disputed':
      return or(...DISPUTE_FLAGS.map((f) => sql`${ipAssets.flags} @> ${jsonArray([f])}`))!;
  }
}

/** The conditions for the criteria (combined with AND by the caller, with the visibility condition). */
export function ipAssetSearchConditions(criteria: IpAssetSearchCriteria, today: string): SQL[] {
  const conditions: SQL[] = [];
  const q = criteria.q?.trim() ?? '';
  if (q !== '') {
    const compact = q.replace(/[\s\u3000]+/g, '').replace(/^(ZL|CN)/i, '');
    conditions.push(or(ilike(ipAssets.number, likePattern(compact)), ilike(ipAssets.title, likePattern(q)))!);
  }
  const owner = criteria.owner?.trim() ?? '';
  if (owner !== '') {
    conditions.push(
      exists(
        sql`(select 1 from ${ipAssetOwners} where ${and(eq(ipAssetOwners.assetId, ipAssets.id), ilike(ipAssetOwners.name, likePattern(owner)))})`,
      ),
    );
  }
  if (criteria.ownerEnterpriseId !== undefined) {
    conditions.push(
      exists(
        sql`(select 1 from ${ipAssetOwners} where ${and(eq(ipAssetOwners.assetId, ipAssets.id), eq(ipAssetOwners.enterpriseId, criteria.ownerEnterpriseId))})`,
      ),
    );
  }
  const classCode = criteria.classCode?.trim() ?? '';
  if (/^\d{1,2}$/.test(classCode))
    conditions.push(sql`${ipAssets.niceClasses} @> ${jsonArray([Number(classCode)])}`);
  else if (classCode !== '') {
    const prefix = `${classCode.toUpperCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    conditions.push(
      sql`exists (select 1 from jsonb_array_elements_text(${ipAssets.ipcClasses}) as c(code) where c.code ilike ${prefix})`,
    );
  }
  if (criteria.kind !== undefined) conditions.push(eq(ipAssets.kind, criteria.kind));
  if (criteria.legalStatus !== undefined) conditions.push(eq(ipAssets.legalStatus, criteria.legalStatus));
  if (criteria.flag !== undefined) conditions.push(sql`${ipAssets.flags} @> ${jsonArray([criteria.flag])}`);
  if (criteria.health !== undefined) conditions.push(healthCondition(criteria.health, today));
  return conditions;
}
