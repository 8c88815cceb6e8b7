import { describe, expect, it } from 'vitest';
import {
  caseAttachmentKinds,
  detectCaseAttachmentMimeType,
  maxCaseAttachmentBytes,
  validateCaseAttachment,
} from './case-attachment-kinds.ts';

const bytes = (...values: number[]) => Uint8Array.from(values);
const ascii = (text: string) => Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
const xlsxMime = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('case attachment file types (申请材料)', () => {
  it('recognises PDF, JPEG, PNG and xlsx by their magic bytes and nothing else', () => {
    expect(detectCaseAttachmentMimeType(ascii('%PDF-1.7\n'))).toBe('application/pdf');
    expect(detectCaseAttachmentMimeType(bytes(0xff, 0xd8, 0xff, 0xe1))).toBe('image/jpeg');
    expect(detectCaseAttachmentMimeType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).toBe(
      'image/png',
    );
    expect(
      detectCaseAttachmentMimeType(ascii('PK\u0003\u0004....[Content_Types].xml....xl/workbook.xml')),
    ).toBe(xlsxMime);
    // A zip that is not a workbook (a .docx, say), text, and a truncated PNG signature are not accepted.
    expect(
      detectCaseAttachmentMimeType(ascii('PK\u0003\u0004....[Content_Types].xml....word/document.xml')),
    ).toBe(null);
    expect(detectCaseAttachmentMimeType(ascii('hello'))).toBe(null);
    expect(detectCaseAttachmentMimeType(bytes(0x89, 0x50, 0x4e, 0x47))).toBe(null);
  });

  it('accepts up to 10 MB and refuses an empty file and one byte more', () => {
    const pdf = (size: number) => {
      const content = new Uint8Array(size);
      content.set(ascii('%PDF-').subarray(0, Math.min(5, size)));
      return {
        kind: 'business_licence',
        fileName: 'a.pdf',
        declaredMimeType: 'application/pdf',
        bytes: content,
      };
    };
    expect(validateCaseAttachment(pdf(maxCaseAttachmentBytes))).toEqual([]);
    expect(validateCaseAttachment(pdf(maxCaseAttachmentBytes + 1)).map((p) => p.code)).toEqual([
      'CASE_ATTACHMENT_TOO_LARGE',
    ]);
    expect(validateCaseAttachment(pdf(0)).map((p) => p.code)).toEqual(['CASE_ATTACHMENT_EMPTY']);
  });

  it('reports every problem at once: unknown kind, path in the name, type off the list', () => {
    const problems = validateCaseAttachment({
      kind: 'secret',
      fileName: 'dir/a.exe',
      declaredMimeType: 'application/x-msdownload',
      bytes: ascii('MZ'),
    });
    expect(problems.map((p) => p.code)).toEqual([
      'CASE_ATTACHMENT_KIND_UNKNOWN',
      'CASE_ATTACHMENT_FILE_NAME_INVALID',
      'CASE_ATTACHMENT_TYPE_NOT_ALLOWED',
    ]);
  });

  it('has unique kind codes, so a stored kind names one label', () => {
    const codes = caseAttachmentKinds.map((k) => k.code);
    expect(new Set(codes).size).toBe(codes.length);
  });
});
