import { count, eq, inArray } from 'drizzle-orm';
import { tables } from '@ipf/db';
import { systemActor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { createPlatformTestCa } from '../signing/create-platform-test-ca.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';

/** Organisation kinds that sign through the (test) signing service in the demo: banks and guarantors. */
const SIGNING_SERVICE_KINDS = ['bank', 'guarantor', 're_guarantor'];

/**
 * 演示签名证书 (DEMO ONLY): the built-in test CA enrols every bank unit (any unit can be a case's lender or
 * pledgee) and every guarantor, so that they sign through the CA-style signing service whose keys derive from
 * the demo secret inside the adapter (`createPlatformTestCa`). Enterprises get no certificate here: they generate
 * their keys in their browsers. Does nothing when signing-service certificates exist already.
 */
export async function seedDemoSigningCertificates(
  deps: AppDeps,
): Promise<{ readonly seeded: boolean; readonly certificates: number }> {
  const { signingCertificates, organisations } = tables;
  const [existing] = await deps.db
    .select({ n: count() })
    .from(signingCertificates)
    .where(eq(signingCertificates.keyCustody, 'signing_service'));
  if ((existing?.n ?? 0) > 0) return { seeded: false, certificates: 0 };
  const now = deps.clock.now();
  return runInTransaction(deps, async (tx) => {
    const signers = await tx
      .select({ id: organisations.id, nameZh: organisations.nameZh })
      .from(organisations)
      .where(inArray(organisations.kind, SIGNING_SERVICE_KINDS));
    const ca = createPlatformTestCa(deps, tx);
    for (const organisation of signers)
      await ca.enrolOrganisation({ orgId: organisation.id, name: organisation.nameZh });
    await deps.audit.append(
      tx,
      systemActor('demo-seed'),
      {
        action: 'demo.signing_certificates_seeded',
        entityType: 'platform',
        entityId: 'demo',
        after: { certificates: signers.length, issuer: ca.caCertificate.subject.name },
      },
      now,
    );
    return { seeded: signers.length > 0, certificates: signers.length };
  });
}
