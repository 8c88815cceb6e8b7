import type { ProblemDetail } from '../errors/domain-error.ts';
import type { CaseState } from './case-states.ts';

/**
 * 申请材料类型 (kinds of case attachments, issue 5 item 2): what an applicant enterprise attaches to its
 * application, and what the bank adds later (尽调材料). Stable codes with zh/en labels; `uploader` says whose
 * list the kind appears in first (either party may still choose any kind).
 */
export const caseAttachmentKinds = [
  { code: 'business_licence', zh: '营业执照', en: 'Business licence', uploader: 'enterprise' },
  { code: 'financial_statements', zh: '财务报表', en: 'Financial statements', uploader: 'enterprise' },
  { code: 'audit_report', zh: '审计报告', en: 'Audit report', uploader: 'enterprise' },
  { code: 'ip_certificate', zh: '知识产权证书', en: 'IP certificate', uploader: 'enterprise' },
  { code: 'tax_certificate', zh: '完税证明', en: 'Tax payment certificate', uploader: 'enterprise' },
  {
    code: 'shareholder_resolution',
    zh: '股东会决议',
    en: "Shareholders' resolution",
    uploader: 'enterprise',
  },
  { code: 'due_diligence', zh: '尽调材料', en: 'Due-diligence material', uploader: 'bank' },
  { code: 'valuation_report', zh: '评估报告', en: 'Valuation report', uploader: 'bank' },
  { code: 'other', zh: '其他', en: 'Other', uploader: 'enterprise' },
] as const;

/** 申请材料类型代码 (case attachment kind code). */
export type CaseAttachmentKind = (typeof caseAttachmentKinds)[number]['code'];

/** 是否为申请材料类型 (is a case attachment kind): a type guard for input from the wire. */
export function isCaseAttachmentKind(value: string): value is CaseAttachmentKind {
  return caseAttachmentKinds.some((k) => k.code === value);
}

/**
 * 允许的文件类型 (accepted file types): PDF, JPEG, PNG and xlsx, each recognised by its magic bytes — the
 * declared type alone is never trusted.
 */
export const caseAttachmentFileTypes = [
  { mimeType: 'application/pdf', extensions: ['.pdf'] },
  { mimeType: 'image/jpeg', extensions: ['.jpg', '.jpeg'] },
  { mimeType: 'image/png', extensions: ['.png'] },
  {
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['.xlsx'],
  },
] as const;

/** 单个材料大小上限 (size limit of one attachment): 10 MB. */
export const maxCaseAttachmentBytes = 10 * 1024 * 1024;

/**
 * States in which a case's attachments may still be deleted: before approval (审批通过), so the material an
 * approver decided on stays on record.
 */
export const caseAttachmentDeletableStates: readonly CaseState[] = [
  'lead',
  'applied',
  'risk_evaluated',
  'value_evaluated',
  'credit_rated',
];

const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean =>
  bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);

/** Whether the ASCII text occurs anywhere in the bytes (a zip's local headers carry entry names in clear). */
function containsAscii(bytes: Uint8Array, text: string): boolean {
  const needle = [...text].map((c) => c.charCodeAt(0));
  outer: for (let i = 0; i + needle.length <= bytes.length; i += 1) {
    for (let j = 0; j < needle.length; j += 1) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * 文件类型识别 (file type by magic bytes): `%PDF-` → PDF; `FF D8 FF` → JPEG; the PNG signature
 * `89 50 4E 47 0D 0A 1A 0A`; a zip (`PK 03 04`) holding `[Content_Types].xml` and an `xl/` part → xlsx.
 * Anything else is null.
 */
export function detectCaseAttachmentMimeType(bytes: Uint8Array): string | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (
    startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) &&
    containsAscii(bytes, '[Content_Types].xml') &&
    containsAscii(bytes, 'xl/')
  )
    return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  return null;
}

export interface CaseAttachmentCandidate {
  readonly kind: string;
  readonly fileName: string;
  readonly declaredMimeType: string;
  readonly bytes: Uint8Array;
}

/**
 * 材料校验 (validate an attachment): a known kind; a file name without path separators; a declared type on the
 * accepted list; 1 byte to `maxCaseAttachmentBytes`; and content whose magic bytes are of the declared type.
 * Returns every problem (empty when the attachment is acceptable).
 */
export function validateCaseAttachment(candidate: CaseAttachmentCandidate): ProblemDetail[] {
  const problems: ProblemDetail[] = [];
  if (!isCaseAttachmentKind(candidate.kind))
    problems.push({ code: 'CASE_ATTACHMENT_KIND_UNKNOWN', field: 'kind', params: { kind: candidate.kind } });
  const name = candidate.fileName.trim();
  // eslint-disable-next-line no-control-regex
  if (name === '' || name.length > 200 || /[\\/\u0000-\u001f]/.test(name))
    problems.push({ code: 'CASE_ATTACHMENT_FILE_NAME_INVALID', field: 'fileName' });
  const fileType = caseAttachmentFileTypes.find((f) => f.mimeType === candidate.declaredMimeType);
  if (fileType === undefined)
    problems.push({
      code: 'CASE_ATTACHMENT_TYPE_NOT_ALLOWED',
      field: 'mimeType',
      params: { mimeType: candidate.declaredMimeType },
    });
  if (candidate.bytes.length === 0) problems.push({ code: 'CASE_ATTACHMENT_EMPTY', field: 'contentBase64' });
  else if (candidate.bytes.length > maxCaseAttachmentBytes)
    problems.push({
      code: 'CASE_ATTACHMENT_TOO_LARGE',
      field: 'contentBase64',
      params: { maxMegabytes: maxCaseAttachmentBytes / (1024 * 1024) },
    });
  else if (fileType !== undefined && detectCaseAttachmentMimeType(candidate.bytes) !== fileType.mimeType)
    problems.push({
      code: 'CASE_ATTACHMENT_CONTENT_MISMATCH',
      field: 'contentBase64',
      params: { mimeType: candidate.declaredMimeType },
    });
  return problems;
}
