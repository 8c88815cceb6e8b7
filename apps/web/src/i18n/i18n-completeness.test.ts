import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** Every UI string exists in both languages (issue 2, "How it is judged"). Reads files only: no DOM. */

const sourceRoot = fileURLToPath(new URL('..', import.meta.url));
const catalogues = {
  'zh-CN': JSON.parse(readFileSync(join(sourceRoot, 'i18n/zh-CN.json'), 'utf8')) as unknown,
  en: JSON.parse(readFileSync(join(sourceRoot, 'i18n/en.json'), 'utf8')) as unknown,
};

/** Flattens `{a: {b: 'x'}}` into `{'a.b': 'x'}`; non-string leaves are kept as they are so the test can flag them. */
function flatten(value: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    out.set(prefix, value);
    return out;
  }
  for (const [key, child] of Object.entries(value)) {
    for (const [k, v] of flatten(child, prefix === '' ? key : `${prefix}.${key}`)) out.set(k, v);
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** `t('a.b')`, `i18n.t("a.b", …)` and `i18nKey="a.b"` with a literal key; a template literal key is returned as dynamic. */
function usedKeys(source: string): { keys: string[]; dynamic: string[] } {
  const keys: string[] = [];
  const dynamic: string[] = [];
  for (const match of source.matchAll(/\bt\(\s*(['"`])((?:\\.|(?!\1).)*)\1/g)) {
    const [, quote, key = ''] = match;
    if (quote === '`' && key.includes('${')) dynamic.push(key);
    else keys.push(key);
  }
  for (const match of source.matchAll(/\bt\(\s*(?![\s'"`)])([^,)]+)/g)) dynamic.push(match[1]?.trim() ?? '');
  for (const match of source.matchAll(/\bi18nKey=(['"])([^'"]+)\1/g)) keys.push(match[2] ?? '');
  return { keys, dynamic };
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

const zh = flatten(catalogues['zh-CN']);
const en = flatten(catalogues.en);
const usage = sourceFiles(sourceRoot).map((file) => ({
  file: relative(sourceRoot, file),
  ...usedKeys(readFileSync(file, 'utf8')),
}));

describe('i18n catalogues zh-CN and en', () => {
  it('have the same keys', () => {
    const onlyZh = [...zh.keys()].filter((key) => !en.has(key));
    const onlyEn = [...en.keys()].filter((key) => !zh.has(key));
    expect({ onlyZh, onlyEn }).toEqual({ onlyZh: [], onlyEn: [] });
  });

  it('hold a non-empty string for every key', () => {
    const bad = [...zh, ...en]
      .filter(([, value]) => typeof value !== 'string' || value.trim() === '')
      .map(([key]) => key);
    expect(bad).toEqual([]);
  });

  it('use the same {{placeholders}} in both languages', () => {
    const mismatched = [...zh]
      .filter(([key, value]) => typeof value === 'string' && typeof en.get(key) === 'string')
      .filter(
        ([key, value]) => placeholders(value as string).join() !== placeholders(en.get(key) as string).join(),
      )
      .map(([key]) => key);
    expect(mismatched).toEqual([]);
  });

  it('contain every key that the source passes to t()', () => {
    const missing = usage.flatMap(({ file, keys }) =>
      keys.filter((key) => !zh.has(key) || !en.has(key)).map((key) => `${file}: ${key}`),
    );
    expect(usage.flatMap((u) => u.keys).length).toBeGreaterThan(100);
    expect(missing).toEqual([]);
  });

  it('are only ever looked up with literal keys, so this check sees every key', () => {
    const dynamic = usage.flatMap(({ file, dynamic: keys }) => keys.map((key) => `${file}: ${key}`));
    expect(dynamic).toEqual([]);
  });

  it('detects a key missing from one language and a t() key missing from both', () => {
    const probe = flatten({ a: { b: 'x', c: 'y' } });
    const other = flatten({ a: { b: 'x' } });
    expect([...probe.keys()].filter((key) => !other.has(key))).toEqual(['a.c']);
    expect(usedKeys(`t('nav.home'); i18n.t("nope.missing", { x: 1 }); t(\`dyn.\${x}\`); t(key)`)).toEqual({
      keys: ['nav.home', 'nope.missing'],
      dynamic: ['dyn.${x}', 'key'],
    });
  });
});
