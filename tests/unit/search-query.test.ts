import { describe, expect, it } from 'vitest';
import { parseHighlighted, partsToText } from '../../src/lib/search/highlight';
import {
  maxSearchPageSize,
  readSearchParamsLenient,
  readSearchParamsStrict,
} from '../../src/lib/search/query-schema';
import { applyCorrections, parseQueryText } from '../../src/server/search/query-text';

describe('search query parameters', () => {
  it('accepts the documented parameters and applies defaults', () => {
    const parsed = readSearchParamsStrict(new URLSearchParams('q=+air+quality+&type=city&sdg=11'));
    expect(parsed).toEqual({
      ok: true,
      params: { q: 'air quality', type: 'city', sdg: 11, page: 1, pageSize: 20 },
    });
  });

  it('treats empty values from a GET form as absent', () => {
    const parsed = readSearchParamsStrict(new URLSearchParams('q=water&type=&hub='));
    expect(parsed.ok && parsed.params.type).toBeUndefined();
  });

  it('explains every bad parameter of an API call', () => {
    const parsed = readSearchParamsStrict(
      new URLSearchParams(
        `q=x&type=planet&pageSize=${maxSearchPageSize + 1}&sdg=18&page=0&foo=1&q=again`,
      ),
    );
    expect(parsed.ok).toBe(false);
    const params = !parsed.ok ? parsed.issues.map((issue) => issue.param).sort() : [];
    expect(params).toEqual(['foo', 'page', 'pageSize', 'q', 'sdg', 'type']);
  });

  it('refuses an overlong query and a hub that is not a slug', () => {
    const parsed = readSearchParamsStrict(
      new URLSearchParams({ q: 'x'.repeat(201), hub: 'Not A Slug' }),
    );
    expect(!parsed.ok && parsed.issues.map((issue) => issue.param).sort()).toEqual(['hub', 'q']);
  });

  it('keeps the good parameters of a page URL and names the bad ones', () => {
    const { params, invalid } = readSearchParamsLenient(
      new URLSearchParams('q=water&type=planet&page=2'),
    );
    expect(params).toMatchObject({ q: 'water', page: 2 });
    expect(params.type).toBeUndefined();
    expect(invalid).toEqual(['type']);
  });
});

describe('query text', () => {
  it('splits whole words from the last word, which is matched as a prefix', () => {
    expect(parseQueryText('  smart   water mana ')).toEqual({
      head: 'smart water',
      last: 'mana',
      full: 'smart water mana',
      words: ['smart', 'water', 'mana'],
    });
  });

  it('splits Recommendation codes at "/" and drops control characters', () => {
    const text = parseQueryText('Y.4903/L.1603\u0002');
    expect(text.full).toBe('Y.4903 L.1603');
    expect(text.words).toEqual(['Y.4903', 'L.1603']);
  });

  it('rewrites only the corrected words', () => {
    expect(
      applyCorrections(['procurment', 'Tunisia'], new Map([['procurment', 'procurement']])),
    ).toBe('procurement Tunisia');
    expect(applyCorrections(['water'], new Map())).toBeNull();
  });
});

describe('highlighted text', () => {
  it('turns markers into parts and never into HTML', () => {
    const parts = parseHighlighted('City of \u0002Tromsø\u0003 <b>in</b> Norway');
    expect(parts).toEqual([
      { text: 'City of ', highlighted: false },
      { text: 'Tromsø', highlighted: true },
      { text: ' <b>in</b> Norway', highlighted: false },
    ]);
    expect(partsToText(parts)).toBe('City of Tromsø <b>in</b> Norway');
  });

  it('survives unbalanced markers', () => {
    expect(parseHighlighted('\u0003a\u0002b')).toEqual([
      { text: 'a', highlighted: false },
      { text: 'b', highlighted: true },
    ]);
  });
});
