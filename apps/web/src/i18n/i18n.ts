import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import zhCN from './zh-CN.json';

/** UI languages; zh-CN is the default (design.md). The value is also sent as `Accept-Language`. */
export const supportedLanguages = ['zh-CN', 'en'] as const;
export type Language = (typeof supportedLanguages)[number];

/** localStorage key that keeps the chosen language across visits. */
export const languageStorageKey = 'ipf.lang';

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (supportedLanguages as readonly string[]).includes(value);
}

function readStoredLanguage(): Language {
  try {
    const stored = globalThis.localStorage?.getItem(languageStorageKey);
    return isLanguage(stored) ? stored : 'zh-CN';
  } catch (error) {
    // Storage can be blocked (privacy mode); the default language is then the right answer.
    if (error instanceof DOMException) return 'zh-CN';
    throw error;
  }
}

const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: readStoredLanguage(),
  fallbackLng: false,
  supportedLngs: [...supportedLanguages],
  interpolation: { escapeValue: false },
  initAsync: false,
});

/** The current UI language, narrowed to the supported ones. */
export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'zh-CN';
}

/** Switches the UI language, remembers it and updates `<html lang>`. */
export async function changeLanguage(language: Language): Promise<void> {
  globalThis.localStorage?.setItem(languageStorageKey, language);
  document.documentElement.lang = language;
  await i18n.changeLanguage(language);
}

export default i18n;
