import { defineErrors } from '../errors/error-catalogue.ts';

/**
 * 合同与电子签名错误 (contract and electronic-signature errors, issue 5 item 5): preparing the loan and pledge
 * contracts, signing them with SM2 certificates, and the verdicts of the public verification of a signed PDF.
 */
export const caseDocumentErrors = defineErrors({
  CASE_DOCUMENTS_ALREADY_SIGNED: {
    status: 409,
    zh: '企业已签署合同，不能重新生成。',
    en: 'The enterprise has signed the contracts; they can no longer be regenerated.',
  },
  CASE_GUARANTOR_NOT_ASSIGNED: {
    status: 409,
    zh: '反担保案件尚未确定担保机构，无法生成质押反担保合同。',
    en: 'The counter-guarantee case has no guarantor assigned, so the pledge contract cannot be prepared.',
  },
  SIGNING_SERVICE_CERTIFICATE_MISSING: {
    status: 409,
    zh: '机构“{organisationName}”没有有效的签名服务证书，无法自动签章。',
    en: 'The organisation "{organisationName}" has no valid signing-service certificate to sign with.',
  },
  CASE_DOCUMENT_NOT_FOUND: {
    status: 422,
    zh: '文书 {documentId} 不属于本案件。',
    en: 'Document {documentId} does not belong to this case.',
  },
  CASE_DOCUMENT_SUPERSEDED: {
    status: 409,
    zh: '文书 {documentId} 已被新版本取代，请签署当前版本。',
    en: 'Document {documentId} has been superseded; sign the current version.',
  },
  CASE_DOCUMENT_DIGEST_MISMATCH: {
    status: 409,
    zh: '所签摘要与文书 {documentId} 当前版本的 SM3 摘要不一致。',
    en: 'The signed digest does not match the SM3 digest of the current version of document {documentId}.',
  },
  CASE_DOCUMENT_SIGNATURE_INVALID: {
    status: 422,
    zh: '文书 {documentId} 的 SM2 签名验证失败。',
    en: 'The SM2 signature on document {documentId} does not verify.',
  },
  CASE_DOCUMENT_ALREADY_SIGNED: {
    status: 409,
    zh: '本机构已签署文书 {documentId}。',
    en: 'Your organisation has already signed document {documentId}.',
  },
  CASE_DOCUMENT_NOT_SIGNER: {
    status: 403,
    zh: '本机构不是文书 {documentId} 的签署方。',
    en: 'Your organisation is not a signer of document {documentId}.',
  },
  CASE_DOCUMENT_SIGNATURE_MISSING: {
    status: 422,
    zh: '须一并签署文书 {documentId}。',
    en: 'Document {documentId} must be signed in the same request.',
  },
  CASE_DOCUMENT_SIGNATURES_INCOMPLETE: {
    status: 409,
    zh: '文书 {documentId} 尚缺“{organisationName}”的签名。',
    en: 'Document {documentId} still lacks the signature of "{organisationName}".',
  },
  SIGNING_CERTIFICATE_NOT_FOUND: {
    status: 422,
    zh: '签名证书 {certificateId} 不存在。',
    en: 'Signing certificate {certificateId} does not exist.',
  },
  SIGNING_CERTIFICATE_NOT_OWN: {
    status: 403,
    zh: '签名证书 {certificateId} 不属于本机构。',
    en: 'Signing certificate {certificateId} does not belong to your organisation.',
  },
  SIGNING_CERTIFICATE_REVOKED: {
    status: 409,
    zh: '签名证书 {certificateId} 已吊销。',
    en: 'Signing certificate {certificateId} has been revoked.',
  },
  SIGNING_CERTIFICATE_NOT_VALID: {
    status: 409,
    zh: '签名证书 {certificateId} 在签署时不在有效期内。',
    en: 'Signing certificate {certificateId} is not valid at the time of signing.',
  },
  SIGNING_CERTIFICATE_UNTRUSTED: {
    status: 422,
    zh: '签名证书 {certificateId} 不是平台信任的 CA 签发的，或已被篡改。',
    en: 'Signing certificate {certificateId} was not issued by a CA the platform trusts, or was altered.',
  },
  SIGNING_PUBLIC_KEY_INVALID: {
    status: 400,
    zh: '公钥不是有效的 SM2 公钥（应为 04 开头的 130 位十六进制）。',
    en: 'The public key is not a valid SM2 public key (130 hex digits starting with 04).',
  },
  // Verdicts of the public verification (验签), one per fault of a stored signature.
  SIGNATURE_DIGEST_MISMATCH: {
    status: 422,
    zh: '文件的 SM3 摘要与签名记录不一致（文件已被改动）。',
    en: 'The SM3 digest of the file differs from the signed one (the file was changed).',
  },
  SIGNATURE_SM2_INVALID: {
    status: 422,
    zh: 'SM2 签名与证书公钥不符。',
    en: "The SM2 signature does not verify with the certificate's public key.",
  },
  SIGNATURE_CERTIFICATE_NOT_FROM_CA: {
    status: 422,
    zh: '证书不是由平台信任的 CA 签发。',
    en: 'The certificate was not issued by a CA the platform trusts.',
  },
  SIGNATURE_CERTIFICATE_FORGED: {
    status: 422,
    zh: '证书上的 CA 签名无效（伪造或签发后被改动）。',
    en: "The CA's signature on the certificate is invalid (forged or changed after issuance).",
  },
  SIGNATURE_CERTIFICATE_NOT_VALID_AT_SIGNING: {
    status: 422,
    zh: '签署时间不在证书有效期内。',
    en: 'The signing time lies outside the certificate validity.',
  },
  SIGNATURE_SIGNER_NOT_CERTIFICATE_SUBJECT: {
    status: 422,
    zh: '签署机构不是证书持有人。',
    en: 'The signer is not the subject of the certificate.',
  },
  SIGNATURE_CA_CERTIFICATE_INVALID: {
    status: 422,
    zh: 'CA 证书无效。',
    en: 'The CA certificate is invalid.',
  },
  SIGNATURE_CERTIFICATE_REVOKED: {
    status: 422,
    zh: '证书已于签署前吊销。',
    en: 'The certificate was revoked before the signing time.',
  },
  DOCUMENT_NOT_FROM_PLATFORM: {
    status: 404,
    zh: '该文件不是本平台生成的文书（未找到相同 SM3 摘要的记录）。',
    en: 'This file is not a platform document (no record has the same SM3 digest).',
  },
});
