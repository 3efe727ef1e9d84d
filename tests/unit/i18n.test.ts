import { describe, expect, it } from 'vitest';
import { getTranslator } from '../../src/lib/i18n';
import { englishSources } from '../../src/lib/i18n/messages/en';

describe('i18n', () => {
  it('defines every key once across the area files', () => {
    const seen = new Map<string, string>();
    const duplicates: string[] = [];
    for (const [area, messages] of Object.entries(englishSources)) {
      for (const key of Object.keys(messages)) {
        if (seen.has(key)) duplicates.push(`${key} (${seen.get(key)} and ${area})`);
        seen.set(key, area);
      }
    }
    expect(duplicates).toEqual([]);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    const { t } = getTranslator('en');
    expect(t('pagination.page', { page: 3 })).toBe('Page 3');
    expect(t('pagination.page')).toBe('Page {page}');
  });

  it('chooses the plural form by count', () => {
    const { tp } = getTranslator('en');
    expect(tp('results.count', 1)).toBe('1 result');
    expect(tp('results.count', 1234)).toBe('1,234 results');
    expect(tp('results.count', 0)).toBe('0 results');
  });

  it('falls back to English for an unknown locale', () => {
    const translator = getTranslator('xx');
    expect(translator.locale).toBe('en');
    expect(translator.dir).toBe('ltr');
  });

  it('has a one and an other form for every plural key', () => {
    const keys = Object.keys(englishSources).flatMap((area) =>
      Object.keys(englishSources[area as keyof typeof englishSources]),
    );
    const bases = new Set(
      keys
        .filter((k) => k.endsWith('.one') || k.endsWith('.other'))
        .map((k) => k.replace(/\.(one|other)$/, '')),
    );
    for (const base of bases) {
      expect(keys).toContain(`${base}.one`);
      expect(keys).toContain(`${base}.other`);
    }
  });
});
