import { describe, expect, it } from 'vitest';
import { errorCatalogue, errorCatalogues, formatErrorMessage } from './catalogue.ts';

describe('error catalogue', () => {
  it('gives every code a 4xx/5xx status and a Chinese and an English text', () => {
    const incomplete = Object.entries(errorCatalogue).filter(
      ([, text]) =>
        !(text.status >= 400 && text.status <= 599) || text.zh.trim() === '' || text.en.trim() === '',
    );
    expect(incomplete.map(([code]) => code)).toEqual([]);
  });

  it('defines every code in one context only, so no text silently replaces another', () => {
    const codes = errorCatalogues.flatMap((catalogue) => Object.keys(catalogue));
    expect(codes.filter((code, i) => codes.indexOf(code) !== i)).toEqual([]);
  });

  it('uses SCREAMING_SNAKE codes only', () => {
    const bad = Object.keys(errorCatalogue).filter((code) => !/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/.test(code));
    expect(bad).toEqual([]);
  });

  it('uses the same placeholders in both languages', () => {
    const names = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const mismatched = Object.entries(errorCatalogue).filter(
      ([, t]) => names(t.zh).join() !== names(t.en).join(),
    );
    expect(mismatched.map(([code]) => code)).toEqual([]);
  });

  it('fills placeholders in the requested language', () => {
    expect(formatErrorMessage('VALIDATION_FAILED', { count: 3 }, 'en')).toBe(
      'The request has 3 problem(s); please correct each one.',
    );
    expect(formatErrorMessage('VALIDATION_FAILED', { count: 3 }, 'zh-CN')).toContain('3 处问题');
  });
});
