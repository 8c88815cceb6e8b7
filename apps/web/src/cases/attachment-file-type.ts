import { caseAttachmentFileTypes, maxCaseAttachmentBytes } from '@ipf/domain/ledger';

/** What the browser knows of a picked file before upload. */
export interface PickedFile {
  readonly name: string;
  readonly size: number;
  /** The browser's guess; empty for some xlsx files on some systems. */
  readonly type: string;
}

export type PickedFileCheck =
  | { readonly ok: true; readonly mimeType: string }
  | { readonly ok: false; readonly problem: 'type' | 'size' | 'empty' };

/**
 * 选择文件时的预检 (pre-check of a picked file): the MIME type from the browser or else from the extension must
 * be one the server accepts, and the size 1 byte to 10 MB. The server still checks the magic bytes.
 */
export function checkPickedFile(file: PickedFile): PickedFileCheck {
  const lower = file.name.toLowerCase();
  const byType = caseAttachmentFileTypes.find((f) => f.mimeType === file.type);
  const byExtension = caseAttachmentFileTypes.find((f) => f.extensions.some((e) => lower.endsWith(e)));
  const fileType = byType ?? byExtension;
  if (fileType === undefined) return { ok: false, problem: 'type' };
  if (file.size === 0) return { ok: false, problem: 'empty' };
  if (file.size > maxCaseAttachmentBytes) return { ok: false, problem: 'size' };
  return { ok: true, mimeType: fileType.mimeType };
}

/** `1536` → `1.5 KB`; `10485760` → `10.0 MB` (binary units, one decimal). */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
