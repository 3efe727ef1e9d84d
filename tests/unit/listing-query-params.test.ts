import { describe, expect, it } from 'vitest';
import { parseCityFilters } from '../../src/lib/cities/city-filters';
import { parseDeliverableFilters } from '../../src/lib/deliverables/deliverable-filters';
import {
  escapeLike,
  filterChips,
  listingUrl,
  pageWindow,
  readSearchParams,
} from '../../src/lib/listing/query-params';

describe('listing query parameters', () => {
  it('reads single and repeated values and ignores blanks', () => {
    const params = new URLSearchParams('kind=recommendation&theme=&theme=kpis&theme=ict');
    expect(readSearchParams(params, ['kind', 'theme', 'year'])).toEqual({
      kind: 'recommendation',
      theme: ['kpis', 'ict'],
      year: undefined,
    });
  });

  it('changes one parameter, drops removed ones and resets the page', () => {
    const base = new URL('http://x/deliverables?kind=publication&year=2020&page=3');
    expect(listingUrl(base, { year: null })).toBe('/deliverables?kind=publication');
    expect(listingUrl(base, { page: 4 })).toBe('/deliverables?kind=publication&year=2020&page=4');
  });

  it('shows first, last and neighbours with gaps', () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(5, 10)).toEqual([1, null, 4, 5, 6, null, 10]);
    expect(pageWindow(2, 3)).toEqual([1, 2, 3]);
  });

  it('escapes LIKE wildcards so user text matches literally', () => {
    expect(escapeLike('100%_done\\')).toBe('100\\%\\_done\\\\');
  });
});

describe('filter chips', () => {
  it('makes one removable chip per filter in use', () => {
    const base = new URL('http://x/cities?region=europe&kpi=implemented&page=2');
    expect(
      filterChips(base, { region: 'Europe', country: undefined, kpi: 'KPIs implemented' }),
    ).toEqual([
      { label: 'Europe', removeHref: '/cities?kpi=implemented' },
      { label: 'KPIs implemented', removeHref: '/cities?region=europe' },
    ]);
  });
});

describe('deliverable filters', () => {
  it('reads a query string, treating a blank value ("Any") as no filter', () => {
    const { filters, invalid } = parseDeliverableFilters(
      new URLSearchParams('kind=&theme=kpis&year=2016&q=&page=3&unknown=1'),
    );
    expect(filters).toEqual({ theme: 'kpis', year: 2016, page: 3 });
    expect(invalid).toEqual([]);
  });

  it('keeps valid filters and names the invalid ones', () => {
    const { filters, invalid } = parseDeliverableFilters({
      kind: 'publication',
      year: 'abc',
      page: '2',
    });
    expect(filters).toEqual({ kind: 'publication', page: 2 });
    expect(invalid).toEqual(['year']);
  });

  it('refuses an unknown kind and a huge query', () => {
    const { filters, invalid } = parseDeliverableFilters({ kind: 'poem', q: 'x'.repeat(101) });
    expect(filters).toEqual({ page: 1 });
    expect(invalid.sort()).toEqual(['kind', 'q']);
  });

  it('treats a bad page number as the first page', () => {
    expect(parseDeliverableFilters({ page: '-4' }).filters.page).toBe(1);
    expect(parseDeliverableFilters({ page: '1e9' }).filters.page).toBe(1);
  });
});

describe('city filters', () => {
  it('accepts a known region and the KPI flag', () => {
    expect(parseCityFilters({ region: 'europe', kpi: 'implemented' }).filters).toEqual({
      region: 'europe',
      kpi: 'implemented',
      page: 1,
    });
  });

  it('drops an unknown region', () => {
    expect(parseCityFilters({ region: 'atlantis' }).invalid).toEqual(['region']);
  });
});
