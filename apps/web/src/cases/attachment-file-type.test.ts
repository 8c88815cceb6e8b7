import { describe, expect, it } from 'vitest';
import { checkPickedFile, formatFileSize } from './attachment-file-type.ts';

const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('pre-check of a picked attachment', () => {
  it('accepts PDF, JPEG, PNG and xlsx by type, or by extension when the browser gives no type', () => {
    expect(checkPickedFile({ name: 'a.pdf', size: 10, type: 'application/pdf' })).toEqual({
      ok: true,
      mimeType: 'application/pdf',
    });
    expect(checkPickedFile({ name: '报表.XLSX', size: 10, type: '' })).toEqual({ ok: true, mimeType: xlsx });
    expect(checkPickedFile({ name: 'photo.jpeg', size: 10, type: '' })).toEqual({
      ok: true,
      mimeType: 'image/jpeg',
    });
  });

  it('refuses other types, empty files and files over 10 MB', () => {
    expect(checkPickedFile({ name: 'a.docx', size: 10, type: 'application/msword' })).toEqual({
      ok: false,
      problem: 'type',
    });
    expect(checkPickedFile({ name: 'a.pdf', size: 0, type: 'application/pdf' })).toEqual({
      ok: false,
      problem: 'empty',
    });
    expect(checkPickedFile({ name: 'a.pdf', size: 10 * 1024 * 1024, type: 'application/pdf' }).ok).toBe(true);
    expect(checkPickedFile({ name: 'a.pdf', size: 10 * 1024 * 1024 + 1, type: 'application/pdf' })).toEqual({
      ok: false,
      problem: 'size',
    });
  });

  it('formats sizes in binary units', () => {
    expect(formatFileSize(512)).toBe('512 B');
    expect(formatFileSize(1536)).toBe('1.5 KB');
    expect(formatFileSize(10 * 1024 * 1024)).toBe('10.0 MB');
  });
});
