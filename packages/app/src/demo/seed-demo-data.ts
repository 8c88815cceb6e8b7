import { randomUUID } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import { count } from 'drizzle-orm';
import { tables } from '@ipf/db';
import { systemActor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { encryptField } from '../crypto/field-encryption.ts';
import { deriveDemoTotpSecret } from '../crypto/totp.ts';
import { recordCustomerLink } from '../parties/record-customer-link.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { DEMO_PASSWORD, generateDemoParties, type DemoUser } from './generate-demo-parties.ts';
import { seedDemoAssets } from './seed-demo-assets.ts';
import { DEMO_LEDGER_HISTORY_DAYS, seedDemoLedger } from './seed-demo-ledger.ts';

export {
  DEFAULT_DEMO_LEDGER_CASES,
  formatDemoLedgerSummary,
  seedDemoLedger,
  type SeedDemoLedgerResult,
} from './seed-demo-ledger.ts';
import { seedDemoProducts } from './seed-demo-products.ts';
import { seedDemoEvaluators } from './seed-demo-evaluators.ts';
import { seedDemoRiskSharing } from './seed-demo-risk-sharing.ts';
import { seedDemoSubsidies } from './seed-demo-subsidies.ts';
import { seedDemoTrades } from './seed-demo-trades.ts';
import { seedDemoValuations } from './seed-demo-valuations.ts';
import { seedDemoWhitelist } from './seed-demo-whitelist.ts';
import { seedDemoComplianceFlags } from './seed-demo-compliance-flags.ts';
import { seedDemoSigningCertificates } from './seed-demo-signing-certificates.ts';

/** The demo ledger to seed with the demo city. */
export interface DemoLedgerOptions {
  /** Financing cases (`seedDemoLedger`); 0 or absent: none, and the certificates are issued today. */
  readonly cases?: number;
  /** The caller runs `seedDemoLedger(deps, cases)` itself later; the certificates are back-dated for it. */
  readonly deferred?: boolean;
}

export interface SeedDemoResult {
  readonly seeded: boolean;
  readonly organisations: number;
  readonly enterprises: number;
  readonly users: readonly DemoUser[];
}

/**
 * 演示数据: fills an empty database with the demo city (see `generateDemoParties`). Does nothing when
 * organisations exist already, so a restart keeps the data. Demo users are enrolled with TOTP secrets derived
 * from the demo seed (`demo totp <login>` prints their codes). One transaction, one audit event. Then the demo
 * ledger of `ledger.cases` cases (`seedDemoLedger`; tests pass none), whose history starts in the past, so the
 * banks' signing certificates are then issued before it starts; with `ledger.deferred` the caller seeds the
 * ledger itself later (the server does, in the background after it listens).
 */
export async function seedDemoData(
  deps: AppDeps,
  scale = 1,
  ledger: DemoLedgerOptions = {},
): Promise<SeedDemoResult> {
  const ledgerCases = ledger.cases ?? 0;
  const parties = generateDemoParties(deps.demoSeed, scale);
  const [existing] = await deps.db.select({ n: count() }).from(tables.organisations);
  if ((existing?.n ?? 0) > 0)
    return { seeded: false, organisations: 0, enterprises: 0, users: parties.users };

  const now = deps.clock.now();
  const passwordHash = await hash(DEMO_PASSWORD);
  const byId = new Map(parties.organisations.map((o) => [o.id, o]));
  const pathOf = (id: string): string => {
    const org = byId.get(id)!;
    return org.parentId === null ? `/${id}/` : `${pathOf(org.parentId)}${id}/`;
  };

  await runInTransaction(deps, async (tx) => {
    const orgRows = parties.organisations.map((o) => ({
      ...o,
      path: pathOf(o.id),
      uscc: parties.enterprises.find((e) => e.organisationId === o.id)?.uscc ?? null,
      createdAt: now,
    }));
    for (let i = 0; i < orgRows.length; i += 500)
      await tx.insert(tables.organisations).values(orgRows.slice(i, i + 500));

    const enterpriseRows = parties.enterprises.map((e) => ({
      organisationId: e.organisationId,
      name: e.name,
      uscc: e.uscc,
      district: e.district,
      cluster: e.cluster,
      sizeClass: e.sizeClass,
      highTech: e.highTech,
      specialised: e.specialised,
      firstLoan: e.firstLoan,
      preIpo: e.preIpo,
      park: e.park,
      foundedOn: e.foundedOn,
      employees: e.employees,
      registeredCapitalFen: e.registeredCapitalFen,
      address: e.address,
      contactNameEnc: encryptField(e.contactName, deps.dataKey),
      contactPhoneEnc: encryptField(e.contactPhone, deps.dataKey),
      updatedAt: now,
    }));
    for (let i = 0; i < enterpriseRows.length; i += 500)
      await tx.insert(tables.enterprises).values(enterpriseRows.slice(i, i + 500));
    for (const e of parties.enterprises) {
      for (const bankUnitId of e.appliedToBankUnitIds)
        await recordCustomerLink(
          tx,
          { enterpriseId: e.organisationId, bankUnitId, source: 'application' },
          now,
        );
    }

    for (const u of parties.users) {
      const userId = randomUUID();
      await tx.insert(tables.users).values({
        id: userId,
        login: u.login,
        displayName: u.displayName,
        passwordHash,
        isDemo: true,
        createdAt: now,
        totpSecretEnc: encryptField(deriveDemoTotpSecret(deps.demoSeed, u.login), deps.dataKey),
        totpEnrolledAt: now,
      });
      await tx
        .insert(tables.memberships)
        .values({ id: randomUUID(), userId, organisationId: u.organisationId, role: u.role, createdAt: now });
    }
    await deps.audit.append(
      tx,
      systemActor('demo-seed'),
      {
        action: 'demo.seeded',
        entityType: 'platform',
        entityId: 'demo',
        after: {
          organisations: orgRows.length,
          enterprises: enterpriseRows.length,
          users: parties.users.length,
          scale,
        },
      },
      now,
    );
  });
  await seedDemoAssets(deps);
  await seedDemoProducts(deps);
  await seedDemoEvaluators(deps);
  await seedDemoRiskSharing(deps);
  await seedDemoSubsidies(deps);
  await seedDemoTrades(deps);
  await seedDemoValuations(deps);
  await seedDemoWhitelist(deps);
  await seedDemoComplianceFlags(deps);
  const issuedAt = deps.clock.now().getTime() - (DEMO_LEDGER_HISTORY_DAYS + 30) * 86_400_000;
  await seedDemoSigningCertificates(
    ledgerCases > 0 ? { ...deps, clock: { now: () => new Date(issuedAt) } } : deps,
  );
  if (ledger.deferred !== true) await seedDemoLedger(deps, ledgerCases);
  return {
    seeded: true,
    organisations: parties.organisations.length,
    enterprises: parties.enterprises.length,
    users: parties.users,
  };
}
