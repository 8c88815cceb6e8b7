import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import { formatYuan } from '@ipf/domain/money';
import { districts } from '@ipf/domain/party';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';

export interface FindSubsidyReportInput {
  /** Only applications for this subsidy year. */
  readonly year?: number;
  /** Only this scheme (all versions). */
  readonly schemeId?: string;
}

/** One group of a subsidy report: granted (approved, not clawed back), paid, and clawed back. */
export interface SubsidyReportRow {
  readonly key: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly grantedCount: number;
  readonly grantedYuan: string;
  readonly paidCount: number;
  readonly paidYuan: string;
  readonly clawedBackCount: number;
  readonly clawedBackYuan: string;
}

export interface SubsidyReportView {
  readonly year: number | null;
  readonly schemeId: string | null;
  readonly total: SubsidyReportRow;
  readonly byScheme: SubsidyReportRow[];
  readonly byDistrict: SubsidyReportRow[];
  readonly byEnterprise: SubsidyReportRow[];
  readonly byInstitution: SubsidyReportRow[];
}

interface Sums {
  nameZh: string;
  nameEn: string;
  grantedCount: number;
  grantedFen: bigint;
  paidCount: number;
  paidFen: bigint;
  clawedBackCount: number;
  clawedBackFen: bigint;
}

const emptySums = (nameZh: string, nameEn: string): Sums => ({
  nameZh,
  nameEn,
  grantedCount: 0,
  grantedFen: 0n,
  paidCount: 0,
  paidFen: 0n,
  clawedBackCount: 0,
  clawedBackFen: 0n,
});

function toRow(key: string, s: Sums): SubsidyReportRow {
  return {
    key,
    nameZh: s.nameZh,
    nameEn: s.nameEn,
    grantedCount: s.grantedCount,
    grantedYuan: formatYuan(s.grantedFen),
    paidCount: s.paidCount,
    paidYuan: formatYuan(s.paidFen),
    clawedBackCount: s.clawedBackCount,
    clawedBackYuan: formatYuan(s.clawedBackFen),
  };
}

/** Groups, largest granted amount first, then by key. */
function rowsOf(groups: Map<string, Sums>): SubsidyReportRow[] {
  return [...groups.entries()]
    .sort(([ka, a], [kb, b]) =>
      a.grantedFen === b.grantedFen ? ka.localeCompare(kb) : a.grantedFen > b.grantedFen ? -1 : 1,
    )
    .map(([key, s]) => toRow(key, s));
}

/**
 * 补贴统计报表 (subsidy report, issue 9 item 6): granted and paid amounts and counts by scheme, district,
 * enterprise and institution (the bank of the loan), from the applications granted (approved or paid), their
 * payments, and those clawed back; institutions' rewards count by scheme and institution (the rewarded one). A
 * district bureau sees its district's applications, the city and regulators all.
 */
export async function findSubsidyReport(
  input: FindSubsidyReportInput,
  actor: Actor,
  deps: AppDeps,
): Promise<SubsidyReportView> {
  const scope = authorize(actor, 'subsidy_report.read');
  const { subsidyApplications: apps, subsidyPayments, subsidySchemes, financingCases, enterprises } = tables;
  const conditions: SQL[] = [inArray(apps.state, ['approved', 'paid', 'clawed_back'])];
  if (scope === 'district') conditions.push(eq(apps.district, actor.district ?? ''));
  if (input.year !== undefined) conditions.push(eq(apps.subsidyYear, input.year));
  if (input.schemeId !== undefined) conditions.push(eq(apps.schemeId, input.schemeId));
  const rows = await deps.db
    .select({
      state: apps.state,
      grantedFen: apps.grantedFen,
      district: apps.district,
      schemeId: apps.schemeId,
      schemeNameZh: subsidySchemes.nameZh,
      schemeNameEn: subsidySchemes.nameEn,
      enterpriseId: apps.enterpriseId,
      enterpriseName: enterprises.name,
      bankId: financingCases.bankId,
      paidFen: subsidyPayments.amountFen,
    })
    .from(apps)
    .innerJoin(subsidySchemes, eq(subsidySchemes.id, apps.schemeVersionId))
    .innerJoin(financingCases, eq(financingCases.id, apps.caseId))
    .innerJoin(enterprises, eq(enterprises.organisationId, apps.enterpriseId))
    .leftJoin(subsidyPayments, eq(subsidyPayments.applicationId, apps.id))
    .where(and(...conditions))
    .orderBy(asc(apps.createdAt));
  const bankIds = [...new Set(rows.map((r) => r.bankId))];
  const banks =
    bankIds.length === 0
      ? []
      : await deps.db
          .select({
            id: tables.organisations.id,
            nameZh: tables.organisations.nameZh,
            nameEn: tables.organisations.nameEn,
          })
          .from(tables.organisations)
          .where(inArray(tables.organisations.id, bankIds));

  const total = emptySums('合计', 'Total');
  const byScheme = new Map<string, Sums>();
  const byDistrict = new Map<string, Sums>();
  const byEnterprise = new Map<string, Sums>();
  const byInstitution = new Map<string, Sums>();
  const groupOf = (map: Map<string, Sums>, key: string, nameZh: string, nameEn: string) => {
    let sums = map.get(key);
    if (sums === undefined) {
      sums = emptySums(nameZh, nameEn);
      map.set(key, sums);
    }
    return sums;
  };
  for (const r of rows) {
    const bank = banks.find((b) => b.id === r.bankId);
    const district = districts.find((d) => d.code === r.district);
    const groups = [
      total,
      groupOf(byScheme, r.schemeId, r.schemeNameZh, r.schemeNameEn),
      groupOf(byDistrict, r.district, district?.zh ?? r.district, district?.en ?? r.district),
      groupOf(byEnterprise, r.enterpriseId, r.enterpriseName, r.enterpriseName),
      groupOf(byInstitution, r.bankId, bank?.nameZh ?? '', bank?.nameEn ?? ''),
    ];
    const granted = r.grantedFen ?? 0n;
    for (const g of groups) {
      if (r.state === 'clawed_back') {
        g.clawedBackCount += 1;
        g.clawedBackFen += granted;
        continue;
      }
      g.grantedCount += 1;
      g.grantedFen += granted;
      if (r.paidFen !== null) {
        g.paidCount += 1;
        g.paidFen += r.paidFen;
      }
    }
  }
  // 机构奖励 (issue 9 item 2): rewards count in the total, by scheme and by institution (the rewarded bank,
  // guarantor, insurer or evaluation firm); they belong to no district or enterprise, so a district sees none.
  if (scope !== 'district') {
    const rewards = tables.subsidyRewardApplications;
    const rewardConditions: SQL[] = [inArray(rewards.state, ['approved', 'paid', 'clawed_back'])];
    if (input.year !== undefined) rewardConditions.push(eq(rewards.rewardYear, input.year));
    if (input.schemeId !== undefined) rewardConditions.push(eq(rewards.schemeId, input.schemeId));
    const rewardRows = await deps.db
      .select({
        state: rewards.state,
        grantedFen: rewards.grantedFen,
        schemeId: rewards.schemeId,
        schemeNameZh: subsidySchemes.nameZh,
        schemeNameEn: subsidySchemes.nameEn,
        institutionId: rewards.institutionId,
        institutionNameZh: tables.organisations.nameZh,
        institutionNameEn: tables.organisations.nameEn,
      })
      .from(rewards)
      .innerJoin(subsidySchemes, eq(subsidySchemes.id, rewards.schemeVersionId))
      .innerJoin(tables.organisations, eq(tables.organisations.id, rewards.institutionId))
      .where(and(...rewardConditions))
      .orderBy(asc(rewards.createdAt));
    for (const r of rewardRows) {
      const granted = r.grantedFen ?? 0n;
      const groups = [
        total,
        groupOf(byScheme, r.schemeId, r.schemeNameZh, r.schemeNameEn),
        groupOf(byInstitution, r.institutionId, r.institutionNameZh, r.institutionNameEn),
      ];
      for (const g of groups) {
        if (r.state === 'clawed_back') {
          g.clawedBackCount += 1;
          g.clawedBackFen += granted;
          continue;
        }
        g.grantedCount += 1;
        g.grantedFen += granted;
        if (r.state === 'paid') {
          g.paidCount += 1;
          g.paidFen += granted;
        }
      }
    }
  }
  return {
    year: input.year ?? null,
    schemeId: input.schemeId ?? null,
    total: toRow('total', total),
    byScheme: rowsOf(byScheme),
    byDistrict: rowsOf(byDistrict),
    byEnterprise: rowsOf(byEnterprise),
    byInstitution: rowsOf(byInstitution),
  };
}
