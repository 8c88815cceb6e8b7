import { ipAssetFlags, ipAssetKinds, ipLegalStatuses, ipStatusChangeReasons } from '@ipf/domain/ip-asset';
import type { Language } from '../i18n/i18n.ts';

type Entry = { readonly code: string; readonly zh: string; readonly en: string };
const label = (list: readonly Entry[], code: string, language: Language) => {
  const entry = list.find((e) => e.code === code);
  return entry === undefined ? code : language === 'en' ? entry.en : entry.zh;
};
const options = (list: readonly Entry[], language: Language) =>
  list.map((e) => ({ value: e.code, label: language === 'en' ? e.en : e.zh }));

/** Labels of kinds, statuses and flags from the domain's lists (the same the server validates against). */
export const ipLabels = {
  kind: (code: string, language: Language) => label(ipAssetKinds, code, language),
  status: (code: string, language: Language) => label(ipLegalStatuses, code, language),
  flag: (code: string, language: Language) => label(ipAssetFlags, code, language),
  reason: (code: string, language: Language) => label(ipStatusChangeReasons, code, language),
  kindOptions: (language: Language) => options(ipAssetKinds, language),
  statusOptions: (language: Language) => options(ipLegalStatuses, language),
};
