import type { Language } from '../i18n/i18n.ts';

/** Formats an ISO timestamp in Asia/Shanghai time, `2025-11-25 19:52` style in both languages. */
export function formatDateTime(iso: string | null | undefined, language: Language): string {
  if (iso === null || iso === undefined || iso === '') return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language === 'zh-CN' ? 'zh-CN' : 'en-GB', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(date);
}
