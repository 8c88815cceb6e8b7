import { describe, expect, it } from 'vitest';
import { renderPdf } from '../documents/render-pdf.ts';
import { calculateSm3DigestHex } from './calculate-sm3-digest.ts';
import { createTestCa, type TestCa } from './create-test-ca.ts';
import { signDocument } from './sign-document.ts';
import type { SignatureRecord } from './signature-records.ts';
import { verifySignedDocument } from './verify-signed-document.ts';

const now = new Date('2026-03-02T02:00:00.000Z');
const clock = () => now;
const secret = (fill: number) => new Uint8Array(32).fill(fill);
const pdf = Buffer.from('%PDF-1.3\n借款合同 壹佰万元整\n%%EOF\n', 'utf8');

async function enrolBoth(ca: TestCa) {
  const enterprise = await ca.enrolOrganisation({ orgId: 'ent-1', name: '深圳市星河光电科技有限公司' });
  const bank = await ca.enrolOrganisation({ orgId: 'bank-unit-1', name: '银湾银行深圳分行' });
  return { enterprise, bank };
}

async function signedByBoth() {
  const ca = createTestCa({ masterSecret: secret(7), caName: '平台测试CA', clock });
  const { enterprise, bank } = await enrolBoth(ca);
  const records = [
    await signDocument(pdf, { service: ca, keyId: enterprise.keyId }),
    await signDocument(pdf, { service: ca, keyId: bank.keyId }),
  ];
  return { ca, records };
}

describe('calculateSm3DigestHex', () => {
  it('matches the GB/T 32905 test vector for "abc"', () => {
    expect(calculateSm3DigestHex(Buffer.from('abc'))).toBe(
      '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0',
    );
  });
});

describe('verifySignedDocument', () => {
  it('verifies the signatures of both parties with only the PDF, the records and the CA certificate', async () => {
    const { ca, records } = await signedByBoth();
    const stored = JSON.parse(JSON.stringify({ records, ca: ca.caCertificate })) as {
      records: SignatureRecord[];
      ca: typeof ca.caCertificate;
    };

    const verification = verifySignedDocument(pdf, stored.records, stored.ca);

    expect(verification.valid).toBe(true);
    expect(verification.digestHex).toBe(calculateSm3DigestHex(pdf));
    expect(verification.signers.map((s) => [s.signerName, s.valid, s.problems])).toEqual([
      ['深圳市星河光电科技有限公司', true, []],
      ['银湾银行深圳分行', true, []],
    ]);
  });

  it('keeps the private key out of the records: they hold the digest, the signature and public data only', async () => {
    const { records } = await signedByBoth();
    const serialised = JSON.stringify(records);
    expect(Object.keys(records[0]!).sort()).toEqual(
      [
        'certificate',
        'digestAlgorithm',
        'digestHex',
        'signatureAlgorithm',
        'signatureHex',
        'signedAt',
        'signerKeyId',
        'signerOrgId',
        'userId',
      ].sort(),
    );
    expect(serialised).not.toMatch(/private/i);
  });

  it('fails every signature when one byte of the PDF changes', async () => {
    const { ca, records } = await signedByBoth();
    const changed = Buffer.from(pdf);
    changed[12] = changed[12]! ^ 0x01;

    const verification = verifySignedDocument(changed, records, ca.caCertificate);

    expect(verification.valid).toBe(false);
    for (const signer of verification.signers) {
      expect(signer.problems).toEqual(['DIGEST_MISMATCH', 'SIGNATURE_INVALID']);
    }
  });

  it('fails a signature made with a key the CA never certified', async () => {
    const { ca, records } = await signedByBoth();
    const rogueCa = createTestCa({ masterSecret: secret(9), caName: '平台测试CA', clock });
    const rogue = await rogueCa.enrolOrganisation({ orgId: 'bank-unit-1', name: '银湾银行深圳分行' });
    const rogueRecord = await signDocument(pdf, { service: rogueCa, keyId: rogue.keyId });

    const ownCertificate = verifySignedDocument(pdf, [rogueRecord], ca.caCertificate);
    const borrowedCertificate = verifySignedDocument(
      pdf,
      [{ ...rogueRecord, certificate: records[1]!.certificate }],
      ca.caCertificate,
    );

    expect(ownCertificate.valid).toBe(false);
    expect(ownCertificate.signers[0]!.problems).toEqual([
      'CERTIFICATE_NOT_FROM_CA',
      'CERTIFICATE_SIGNATURE_INVALID',
    ]);
    expect(borrowedCertificate.signers[0]!.problems).toEqual(['SIGNATURE_INVALID']);
  });

  it('fails a certificate changed after issuance', async () => {
    const { ca, records } = await signedByBoth();
    const [first] = records;
    const renamed = {
      ...first!,
      certificate: { ...first!.certificate, subject: { orgId: 'ent-1', name: '别的公司' } },
    };
    const extended = {
      ...first!,
      certificate: { ...first!.certificate, notAfter: '2099-12-31T00:00:00.000Z' },
    };

    for (const tampered of [renamed, extended]) {
      const verification = verifySignedDocument(pdf, [tampered], ca.caCertificate);
      expect(verification.signers[0]!.problems).toEqual(['CERTIFICATE_SIGNATURE_INVALID']);
    }
  });

  it('fails against a CA certificate that was changed, and when the record claims another signer', async () => {
    const { ca, records } = await signedByBoth();
    const forgedCa = { ...ca.caCertificate, notAfter: '2099-12-31T00:00:00.000Z' };

    expect(verifySignedDocument(pdf, records, forgedCa).signers[0]!.problems).toContain(
      'CA_CERTIFICATE_INVALID',
    );
    expect(
      verifySignedDocument(pdf, [{ ...records[0]!, signerOrgId: 'bank-unit-1' }], ca.caCertificate)
        .signers[0]!.problems,
    ).toEqual(['SIGNER_NOT_CERTIFICATE_SUBJECT']);
  });

  it('fails a signature made outside the certificate validity', async () => {
    const { ca, records } = await signedByBoth();
    const late = { ...records[0]!, signedAt: '2030-01-01T00:00:00.000Z' };
    expect(verifySignedDocument(pdf, [late], ca.caCertificate).signers[0]!.problems).toEqual([
      'CERTIFICATE_NOT_VALID_AT_SIGNING',
    ]);
  });

  it('verifies a rendered contract PDF signed by both parties, and fails it after a one-byte change', async () => {
    const ca = createTestCa({ masterSecret: secret(7), caName: '平台测试CA', clock });
    const { enterprise, bank } = await enrolBoth(ca);
    const contract = await renderPdf({ info: { creationDate: now }, content: ['借款合同', '壹佰万元整'] });
    const records = [
      await signDocument(contract, { service: ca, keyId: enterprise.keyId }),
      await signDocument(contract, { service: ca, keyId: bank.keyId }),
    ];
    const changed = Buffer.from(contract);
    changed[changed.length - 10] = changed[changed.length - 10]! ^ 0x20;

    expect(verifySignedDocument(contract, records, ca.caCertificate).valid).toBe(true);
    expect(verifySignedDocument(changed, records, ca.caCertificate).valid).toBe(false);
  });

  it('is not valid without any signature', async () => {
    const { ca } = await signedByBoth();
    expect(verifySignedDocument(pdf, [], ca.caCertificate).valid).toBe(false);
  });
});

describe('createTestCa', () => {
  it('derives the same keys from the same secret in another process, so no private key is stored', async () => {
    const first = createTestCa({ masterSecret: secret(7), caName: '平台测试CA', clock });
    const second = createTestCa({ masterSecret: secret(7), caName: '平台测试CA', clock });
    const a = await first.enrolOrganisation({ orgId: 'ent-1', name: '深圳市星河光电科技有限公司' });
    const b = await second.enrolOrganisation({ orgId: 'ent-1', name: '深圳市星河光电科技有限公司' });
    expect(a.certificate.publicKeyHex).toBe(b.certificate.publicKeyHex);
    expect(first.caCertificate.publicKeyHex).toBe(second.caCertificate.publicKeyHex);
  });

  it('refuses to sign with a key it never enrolled, or a digest that is not SM3 hex', async () => {
    const ca = createTestCa({ masterSecret: secret(7), caName: '平台测试CA', clock });
    const { keyId } = await ca.enrolOrganisation({ orgId: 'ent-1', name: '深圳市星河光电科技有限公司' });
    await expect(ca.sign(calculateSm3DigestHex(pdf), 'test-ca/unknown')).rejects.toThrow('NOT_FOUND');
    await expect(ca.sign('not-a-digest', keyId)).rejects.toThrow('FIELD_INVALID_FORMAT');
  });
});
