import { and, count, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '@ipf/domain/errors';
import { calculatePatentCheckDigit } from '@ipf/domain/ip-asset';
import { createTestDatabase, tables, type DatabaseHandle } from '@ipf/db';
import type { Actor } from '../actor.ts';
import { chainedAuditWriter } from '../audit/audit-writer.ts';
import type { AppDeps } from '../deps.ts';
import { seedDemoData } from '../demo/seed-demo-data.ts';
import { seedDemoAssets } from '../demo/seed-demo-assets.ts';
import { recordCustomerLink } from '../parties/record-customer-link.ts';
import { changeIpAssetStatus } from './change-ip-asset-status.ts';
import { checkIpAssetPledgeEligibility } from './check-ip-asset-pledge-eligibility.ts';
import { commitIpAssetImport } from './commit-ip-asset-import.ts';
import { createIpAsset } from './create-ip-asset.ts';
import { createIpAssetImportTemplate } from './create-ip-asset-import-template.ts';
import { exportIpAssets } from './export-ip-assets.ts';
import { findIpAssets } from './find-ip-assets.ts';
import { getIpAsset } from './get-ip-asset.ts';
import { getIpPortfolioHealth } from './get-ip-portfolio-health.ts';
import { importIpAssetFile } from './import-ip-asset-file.ts';
import { updateIpAsset } from './update-ip-asset.ts';

const patent = (year: number, type: string, serial: number) => {
  const body = `${year}${type}${String(serial).padStart(7, '0')}`;
  return `${body}.${calculatePatentCheckDigit(body)!}`;
};

async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('IP asset registry use cases (real database)', () => {
  let handle: DatabaseHandle;
  let deps: AppDeps;
  let ent1: Actor;
  let ent2: Actor;
  let clerk: Actor;
  const actorOf = async (login: string): Promise<Actor> => {
    const [row] = await handle.db
      .select({
        userId: tables.users.id,
        organisationId: tables.organisations.id,
        kind: tables.organisations.kind,
        path: tables.organisations.path,
        district: tables.organisations.district,
        role: tables.memberships.role,
      })
      .from(tables.users)
      .innerJoin(tables.memberships, eq(tables.memberships.userId, tables.users.id))
      .innerJoin(tables.organisations, eq(tables.organisations.id, tables.memberships.organisationId))
      .where(eq(tables.users.login, login));
    return {
      userId: row!.userId,
      organisationId: row!.organisationId,
      organisationKind: row!.kind as Actor['organisationKind'],
      organisationPath: row!.path,
      district: row!.district,
      role: row!.role as Actor['role'],
      requestId: `test-${login}`,
      scopes: null,
    };
  };

  beforeAll(async () => {
    handle = await createTestDatabase();
    deps = {
      db: handle.db,
      clock: { now: () => new Date('2026-03-02T02:00:00.000Z') },
      audit: chainedAuditWriter,
      log: { info: () => undefined, warn: () => undefined, error: () => undefined },
      dataKey: Buffer.alloc(32, 7),
      demoSeed: 'ip-test',
      sessionTtlMinutes: 60,
    };
    await seedDemoData(deps);
    [ent1, ent2, clerk] = await Promise.all([actorOf('ent001'), actorOf('ent002'), actorOf('bank01.clerk')]);
    // No relationship between bank01's units and ent001's enterprise, whatever the demo data says.
    await handle.db
      .delete(tables.customerLinks)
      .where(eq(tables.customerLinks.enterpriseId, ent1.organisationId));
    await handle.db.delete(tables.consents).where(eq(tables.consents.enterpriseId, ent1.organisationId));
  });
  afterAll(async () => handle.close());

  const invention = (number: string, extra: Record<string, unknown> = {}) => ({
    kind: 'invention_patent',
    number,
    title: '一种电池健康状态估计方法',
    legalStatus: 'granted',
    filingDate: `${number.replace(/^ZL\s*/, '').slice(0, 4)}-06-19`,
    grantDate: '2023-03-01',
    termCompensationDays: 120,
    annualFeePaidThrough: '2026-06-18',
    ipcClasses: ['H01M10/42'],
    ...extra,
  });

  it('records an invention with its number normalised, expiry 20 years plus term compensation and a status history', async () => {
    const number = patent(2020, '1', 566088);
    const asset = await createIpAsset(invention(`ZL ${number.replace('.', ' . ')}`), ent1, deps);
    expect(asset).toMatchObject({
      kind: 'invention_patent',
      number,
      legalStatus: 'granted',
      expiryDate: '2040-10-16',
      baseExpiryDate: '2040-06-18',
      termBasis: 'invention_20_years',
      ipcClasses: ['H01M 10/42'],
    });
    expect(asset.owners).toEqual([
      { enterpriseId: ent1.organisationId, name: expect.any(String) as string, shareBps: 10000 },
    ]);
    expect(asset.statusHistory.map((e) => [e.occurredOn, e.legalStatus, e.reason])).toEqual([
      ['2020-06-19', 'pending', 'filed'],
      ['2023-03-01', 'granted', 'granted'],
    ]);
    const [audit] = await handle.db
      .select({ n: count() })
      .from(tables.auditEvents)
      .where(
        and(eq(tables.auditEvents.action, 'ip_asset.created'), eq(tables.auditEvents.entityId, asset.id)),
      );
    expect(audit?.n).toBe(1);
  });

  it('rejects a mistyped patent number with the expected check digit, and a number already on the register', async () => {
    const number = patent(2021, '1', 1234);
    const wrong = `${number.slice(0, -1)}${number.endsWith('0') ? '1' : '0'}`;
    const error = await rejection(createIpAsset(invention(wrong), ent1, deps));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.problems).toEqual([
      expect.objectContaining({ code: 'PATENT_CHECK_DIGIT_MISMATCH', field: 'number' }),
    ]);

    await createIpAsset(invention(number), ent1, deps);
    const twice = await rejection(createIpAsset(invention(number), ent2, deps));
    expect(twice.code).toBe('IP_ASSET_ALREADY_REGISTERED');
  });

  it('rejects a utility-model number filed as an invention and a filing date from another year', async () => {
    const error = await rejection(
      createIpAsset(invention(patent(2019, '2', 77), { filingDate: '2018-01-05' }), ent1, deps),
    );
    expect(error.problems.map((p) => p.code).sort()).toEqual([
      'IP_ASSET_FILING_YEAR_MISMATCH',
      'IP_ASSET_NUMBER_KIND_MISMATCH',
    ]);
  });

  it('shows an asset to its owner only: another enterprise and a bank without relationship get NOT_FOUND, a bank with one sees it', async () => {
    const asset = await createIpAsset(invention(patent(2022, '1', 4242)), ent1, deps);
    expect((await getIpAsset(asset.id, ent1, deps)).id).toBe(asset.id);
    expect((await rejection(getIpAsset(asset.id, ent2, deps))).code).toBe('NOT_FOUND');
    expect(
      (
        await rejection(
          checkIpAssetPledgeEligibility(
            { id: asset.id, debtMaturityDate: '2027-01-01', pledgeeOrganisationId: clerk.organisationId },
            ent2,
            deps,
          ),
        )
      ).code,
    ).toBe('NOT_FOUND');
    expect((await rejection(getIpAsset(asset.id, clerk, deps))).code).toBe('NOT_FOUND');
    expect(
      (await findIpAssets({ page: 1, pageSize: 20, ownerEnterpriseId: ent1.organisationId }, clerk, deps))
        .total,
    ).toBe(0);

    await recordCustomerLink(
      handle.db,
      { enterpriseId: ent1.organisationId, bankUnitId: clerk.organisationId, source: 'application' },
      deps.clock.now(),
    );
    expect((await getIpAsset(asset.id, clerk, deps)).id).toBe(asset.id);
    const check = await checkIpAssetPledgeEligibility(
      { id: asset.id, debtMaturityDate: '2028-03-01' },
      clerk,
      deps,
    );
    expect(check).toMatchObject({
      eligible: true,
      reasons: [],
      pledgee: { id: clerk.organisationId, kind: 'bank' },
      pledgor: { id: ent1.organisationId },
    });
    await handle.db
      .delete(tables.customerLinks)
      .where(eq(tables.customerLinks.enterpriseId, ent1.organisationId));
  });

  it('records a status change with its reason in the history, and the eligibility check then names every ground', async () => {
    const asset = await createIpAsset(
      invention(patent(2018, '1', 9), { filingDate: '2018-02-01', annualFeePaidThrough: '2026-01-31' }),
      ent1,
      deps,
    );
    const changed = await changeIpAssetStatus(
      {
        id: asset.id,
        legalStatus: 'granted',
        flags: ['ownership_disputed', 'court_preserved'],
        occurredOn: '2026-02-20',
        reason: 'court_order',
        note: '（2026）粤03民初1号',
      },
      ent1,
      deps,
    );
    expect(changed.flags).toEqual(['ownership_disputed', 'court_preserved']);
    expect(changed.statusHistory.at(-1)).toMatchObject({
      occurredOn: '2026-02-20',
      reason: 'court_order',
      note: '（2026）粤03民初1号',
    });
    expect(changed.health).toMatchObject({ disputed: true, feesDue: true, feesOverdue: true });

    // Expiry: 2038-01-31 + 120 days of term compensation = 2038-05-31; the debt matures one day later.
    const check = await checkIpAssetPledgeEligibility(
      { id: asset.id, debtMaturityDate: '2038-06-01', pledgeeOrganisationId: clerk.organisationId },
      ent1,
      deps,
    );
    expect(check.eligible).toBe(false);
    expect(check.reasons.map((r) => r.code).sort()).toEqual([
      'PLEDGE_ANNUAL_FEE_UNPAID',
      'PLEDGE_ASSET_SEIZED_OR_PRESERVED',
      'PLEDGE_DEBT_MATURES_AFTER_EXPIRY',
      'PLEDGE_OWNERSHIP_DISPUTED',
    ]);
    expect(check.reasons.find((r) => r.code === 'PLEDGE_DEBT_MATURES_AFTER_EXPIRY')?.ground).toEqual({
      regulation: 'patent_pledge_measures_2021',
      item: 6,
    });

    const onExpiryDay = await checkIpAssetPledgeEligibility(
      { id: asset.id, debtMaturityDate: asset.expiryDate!, pledgeeOrganisationId: clerk.organisationId },
      ent1,
      deps,
    );
    expect(asset.expiryDate).toBe('2038-05-31');
    expect(onExpiryDay.reasons.map((r) => r.code)).not.toContain('PLEDGE_DEBT_MATURES_AFTER_EXPIRY');
    const notABank = await rejection(
      checkIpAssetPledgeEligibility(
        { id: asset.id, debtMaturityDate: '2027-01-01', pledgeeOrganisationId: ent2.organisationId },
        ent1,
        deps,
      ),
    );
    expect(notABank.problems[0]?.code).toBe('IP_ASSET_PLEDGEE_INVALID');
  });

  it("corrects an asset's facts and recomputes its expiry, but never its kind", async () => {
    const asset = await createIpAsset(
      {
        kind: 'trademark',
        number: '第12345678号',
        title: '鹏城',
        legalStatus: 'registered',
        grantDate: '2015-04-07',
        niceClasses: [9, 42],
      },
      ent1,
      deps,
    );
    expect(asset).toMatchObject({
      number: '12345678',
      expiryDate: '2025-04-06',
      health: { expiringSoon: false },
    });
    const renewed = await updateIpAsset(
      {
        id: asset.id,
        kind: 'trademark',
        number: '12345678',
        title: '鹏城',
        grantDate: '2015-04-07',
        renewalCount: 1,
        niceClasses: [9, 42],
      },
      ent1,
      deps,
    );
    expect(renewed.expiryDate).toBe('2035-04-06');
    const error = await rejection(
      updateIpAsset(
        { id: asset.id, kind: 'design_patent', number: '12345678', title: 'x', filingDate: '2020-01-01' },
        ent1,
        deps,
      ),
    );
    expect(error.problems[0]).toMatchObject({ code: 'FIELD_NOT_ALLOWED', field: 'kind' });
  });

  it('searches by number typed with ZL and spaces, by Nice and IPC class, owner, status and health', async () => {
    const number = patent(2020, '1', 566088);
    const byNumber = await findIpAssets({ page: 1, pageSize: 20, q: `ZL ${number.slice(0, 6)}` }, ent1, deps);
    expect(byNumber.items.map((a) => a.number)).toContain(number);
    const marks = await findIpAssets({ page: 1, pageSize: 20, q: '鹏城', classCode: '42' }, ent1, deps);
    expect(marks.items.map((a) => a.number)).toContain('12345678');
    expect(marks.items.every((a) => a.kind === 'trademark' && a.niceClasses.includes(42))).toBe(true);
    expect(
      (await findIpAssets({ page: 1, pageSize: 20, classCode: 'h01m' }, ent1, deps)).items.every((a) =>
        a.ipcClasses.some((c) => c.startsWith('H01M')),
      ),
    ).toBe(true);
    const disputed = await findIpAssets({ page: 1, pageSize: 200, health: 'disputed' }, ent1, deps);
    expect(disputed.items.every((a) => a.health.disputed)).toBe(true);
    const others = await findIpAssets({ page: 1, pageSize: 200 }, ent2, deps);
    expect(others.items.every((a) => a.owners.some((o) => o.enterpriseId === ent2.organisationId))).toBe(
      true,
    );
    const health = await getIpPortfolioHealth({}, ent1, deps);
    expect(health).toMatchObject({
      disputed: disputed.total,
      asOfDate: '2026-03-02',
      total: (await findIpAssets({ page: 1, pageSize: 1 }, ent1, deps)).total,
    });
    expect(health.expiringWithin24Months).toBe(
      (await findIpAssets({ page: 1, pageSize: 1, health: 'expiring' }, ent1, deps)).total,
    );
    expect(health.feesDue).toBe(
      (await findIpAssets({ page: 1, pageSize: 1, health: 'fees_due' }, ent1, deps)).total,
    );
  });

  describe('bulk import', () => {
    const header =
      'kind,number,title,legalStatus,flags,filingDate,grantDate,termCompensationDays,renewalCount,creationDate,firstPublicationDate,firstCommercialUseDate,validUntil,annualFeePaidThrough,ipcClasses,niceClasses';
    const good = [
      `invention_patent,${patent(2019, '1', 1001)},"一种散热结构,含翅片",granted,,2019-05-05,2021-07-01,0,,,,,,2026-05-04,G06F 16/00,`,
      `trademark,23456789,湾区智联,registered,licensed,,2018-09-14,,0,,,,,,,9;35`,
      `software_copyright,2021SR0805085,云算供应链协同管理系统V1.0,registered,,,2021-06-01,,,2021-03-01,2021-04-01,,,,,`,
    ];
    const broken = [
      `invention_patent,${patent(2019, '1', 1002).slice(0, -1)}X,坏校验位,granted,,2019-05-05,2021-07-01,,,,,,,2026-05-04,,`,
      `trademark,23456789,重复行,registered,,,2018-09-14,,,,,,,,,9`,
      `spaceship,1,未知类型,granted,,,,,,,,,,,,`,
      `design_patent,${patent(2022, '3', 55)},日期错,granted,,2022-02-30,2022-09-01,,,,,,,,,`,
    ];
    const csv = (rows: string[]) => Buffer.from(`\uFEFF${header}\r\n${rows.join('\r\n')}\r\n`, 'utf8');
    const importedCount = async () =>
      (
        await handle.db
          .select({ n: count() })
          .from(tables.ipAssets)
          .where(sql`${tables.ipAssets.source} like 'import:%'`)
      )[0]?.n ?? 0;

    it('reports every bad row with its field and reason and writes nothing until asked', async () => {
      const report = await importIpAssetFile(
        { file: csv([...good, ...broken]), format: 'csv', commit: false },
        ent1,
        deps,
      );
      expect(report).toMatchObject({
        totalRows: 7,
        validRows: 3,
        invalidRows: 4,
        committed: false,
        insertedRows: 0,
      });
      expect(report.problems.map((p) => [p.field, p.code])).toEqual([
        ['rows[5].number', 'PATENT_CHECK_DIGIT_MISMATCH'],
        ['rows[6].number', 'IP_IMPORT_DUPLICATE_ROW'],
        ['rows[7].kind', 'IP_ASSET_KIND_UNKNOWN'],
        ['rows[8].filingDate', 'IP_ASSET_DATE_INVALID'],
      ]);
      expect(await importedCount()).toBe(0);

      const committed = await commitIpAssetImport(report.batchId!, ent1, deps);
      expect(committed).toMatchObject({ committed: true, insertedRows: 3, alreadyRegisteredRows: 0 });
      expect(await importedCount()).toBe(3);
      expect((await rejection(commitIpAssetImport(report.batchId!, ent1, deps))).code).toBe(
        'IP_IMPORT_BATCH_ALREADY_COMMITTED',
      );
      expect((await rejection(commitIpAssetImport(report.batchId!, ent2, deps))).code).toBe('NOT_FOUND');
    });

    it('changes nothing when the same file is imported again', async () => {
      const again = await importIpAssetFile({ file: csv(good), format: 'csv', commit: true }, ent1, deps);
      expect(again).toMatchObject({
        committed: true,
        validRows: 3,
        insertedRows: 0,
        alreadyRegisteredRows: 3,
      });
      expect(await importedCount()).toBe(3);
    });

    it('refuses a file without the required columns as a whole', async () => {
      const error = await rejection(
        importIpAssetFile({ file: Buffer.from('foo,bar\n1,2\n'), format: 'csv', commit: false }, ent1, deps),
      );
      expect(error.problems[0]).toMatchObject({ code: 'IP_IMPORT_HEADER_MISSING', field: 'file' });
      const notXlsx = await rejection(
        importIpAssetFile({ file: Buffer.from('not a zip'), format: 'xlsx', commit: false }, ent1, deps),
      );
      expect(notXlsx.problems[0]).toMatchObject({ code: 'IP_IMPORT_FILE_UNREADABLE', field: 'file' });
    });

    it('reads the xlsx template filled in, and exports a portfolio that imports back without a problem or a change', async () => {
      const template = await createIpAssetImportTemplate('xlsx', 'zh-CN', ent2);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(template as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0]!;
      sheet.addRow([
        'utility_model_patent',
        patent(2023, '2', 31337),
        '一种充电桩连接器',
        'granted',
        '',
        new Date(Date.UTC(2023, 4, 6)),
        '2023-11-10',
        '',
        '',
        '',
        '',
        '',
        '',
        '2026-05-05',
        'H01R 13/00',
        '',
      ]);
      const file = Buffer.from(await workbook.xlsx.writeBuffer());
      const report = await importIpAssetFile({ file, format: 'xlsx', commit: true }, ent2, deps);
      expect(report).toMatchObject({ totalRows: 1, validRows: 1, insertedRows: 1, problems: [] });

      const out = new PassThrough();
      const chunks: Buffer[] = [];
      out.on('data', (c: Buffer) => chunks.push(c));
      const rows = await exportIpAssets({ language: 'zh-CN' }, ent2, deps, out);
      expect(rows).toBeGreaterThan(1);
      const again = await importIpAssetFile(
        { file: Buffer.concat(chunks), format: 'xlsx', commit: true },
        ent2,
        deps,
      );
      expect(again).toMatchObject({
        totalRows: rows,
        validRows: rows,
        insertedRows: 0,
        alreadyRegisteredRows: rows,
        problems: [],
      });
    });
  });

  it('seeds at least 5,000 demo assets across every kind once, with lapsed, disputed and co-owned ones', async () => {
    // seedDemoData (beforeAll) seeded them; a second run changes nothing.
    expect(await seedDemoAssets(deps)).toEqual({ seeded: false, assets: 0 });
    const [demo] = await handle.db
      .select({ n: count() })
      .from(tables.ipAssets)
      .where(eq(tables.ipAssets.source, 'demo'));
    expect(demo?.n).toBe(5000);
    const kinds = await handle.db
      .selectDistinct({ kind: tables.ipAssets.kind })
      .from(tables.ipAssets)
      .where(eq(tables.ipAssets.source, 'demo'));
    expect(kinds).toHaveLength(10);
    const [coOwned] = await handle.db
      .select({ n: count() })
      .from(tables.ipAssetOwners)
      .where(eq(tables.ipAssetOwners.position, 1));
    expect(coOwned?.n).toBeGreaterThan(100);
    const [lapsed] = await handle.db
      .select({ n: count() })
      .from(tables.ipAssets)
      .where(eq(tables.ipAssets.legalStatus, 'lapsed'));
    expect(lapsed?.n).toBeGreaterThan(50);
  });
});
