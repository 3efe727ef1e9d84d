import { describe, expect, it } from 'vitest';
import { getTranslator, translateIssue } from '../../src/lib/i18n';
import { en } from '../../src/lib/i18n/messages/en';
import {
  bandDistance,
  populationBandOf,
  populationBandSchema,
  populationBands,
  valueBandOf,
  valueBandSchema,
} from '../../src/lib/taxonomy/bands';
import {
  countryCodeFromEnglishName,
  countryCodeSchema,
  countryCodes,
  countryNameIn,
  regionSchema,
} from '../../src/lib/taxonomy/countries';
import {
  isSectorKey,
  sectorAliases,
  sectorDescription,
  sectorKeys,
  sectorLabel,
  sectorSchema,
} from '../../src/lib/taxonomy/sectors';
import {
  mapToThemes,
  themeAliases,
  themeDescription,
  themeKeys,
  themeLabel,
  themeListSchema,
  themeSchema,
} from '../../src/lib/taxonomy/themes';

const { t, countryName } = getTranslator('en');
const firstIssue = (result: { success: boolean; error?: { issues: unknown[] } }) => {
  expect(result.success).toBe(false);
  return translateIssue(
    t,
    result.error!.issues[0] as { message: string; params?: Record<string, unknown> },
  );
};

describe('theme taxonomy', () => {
  it('has a short list of stable kebab-case keys, each with a label and a one-line description', () => {
    expect(themeKeys.length).toBeGreaterThanOrEqual(15);
    expect(themeKeys.length).toBeLessThanOrEqual(20);
    for (const key of themeKeys) {
      expect(key).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(themeLabel(t, key)).not.toBe(key);
      expect(themeDescription(t, key).length).toBeGreaterThan(20);
      expect(themeDescription(t, key)).not.toContain('\n');
    }
    expect(themeLabel(t, 'ict-infrastructure')).toBe('ICT infrastructure');
    expect(themeLabel(t, 'kpis')).toBe('KPIs and monitoring');
  });

  it('refuses an unknown theme by naming it and keeps lists in taxonomy order', () => {
    expect(themeSchema.parse(' Mobility ')).toBe('mobility');
    expect(firstIssue(themeSchema.safeParse('pirates'))).toBe(
      '“pirates” is not a theme of the portal’s taxonomy.',
    );
    expect(themeListSchema.parse(['water', 'mobility', 'water'])).toEqual(['mobility', 'water']);
  });

  it('maps the old free-form tags of deliverables and search records to taxonomy keys', () => {
    expect(mapToThemes(['kpis', 'ict', 'digital transformation', 'toolkit'])).toEqual({
      themes: ['ict-infrastructure', 'e-government', 'kpis'],
      unmapped: ['toolkit'],
    });
    for (const keys of Object.values(themeAliases)) {
      for (const key of keys) expect(themeKeys).toContain(key);
    }
    // An unknown key is shown as it is rather than hidden.
    expect(themeLabel(t, 'something-new')).toBe('something-new');
  });
});

describe('organization sectors', () => {
  it('are the six sectors of the directory, each with a label and a one-line description', () => {
    expect(sectorKeys).toEqual([
      'private-sector',
      'academia',
      'civil-society',
      'public-agency',
      'international-organization',
      'investor',
    ]);
    for (const key of sectorKeys) {
      expect(sectorLabel(t, key)).not.toBe(key);
      expect(sectorDescription(t, key).length).toBeGreaterThan(20);
      expect(sectorDescription(t, key)).not.toContain('\n');
    }
    expect(sectorLabel(t, 'international-organization')).toBe('International organization');
    expect(sectorLabel(t, 'something-new')).toBe('something-new');
  });

  it('reads the old keys as their new ones and refuses anything else by naming it', () => {
    expect(sectorSchema.parse(' Academia ')).toBe('academia');
    expect(sectorSchema.parse('public-sector')).toBe('public-agency');
    expect(sectorSchema.parse('un-agency')).toBe('international-organization');
    for (const key of Object.values(sectorAliases)) expect(isSectorKey(key)).toBe(true);
    expect(isSectorKey('public-sector')).toBe(false);
    expect(firstIssue(sectorSchema.safeParse('pirates'))).toMatch(/^“pirates” is not a sector/);
  });
});

describe('countries and regions', () => {
  it('lists the 249 ISO 3166-1 alpha-2 codes, each with a name from Intl.DisplayNames', () => {
    expect(countryCodes).toHaveLength(249);
    expect(new Set(countryCodes).size).toBe(249);
    for (const code of countryCodes) expect(countryName(code), code).not.toBe(code);
    expect(countryName('NO')).toBe('Norway');
    expect(countryNameIn('fr', 'NO')).toBe('Norvège');
    expect(countryName('XK')).toBe('XK');
  });

  it('accepts codes in any case and refuses names, reserved and made-up codes', () => {
    expect(countryCodeSchema.parse('br')).toBe('BR');
    expect(firstIssue(countryCodeSchema.safeParse('Norway'))).toBe(
      '“Norway” is not an ISO 3166-1 country code such as NO or BR.',
    );
    for (const bad of ['UK', 'EU', 'XK', 'ZZ', '', 'N0']) {
      expect(countryCodeSchema.safeParse(bad).success, bad).toBe(false);
    }
  });

  it('finds the code of every English country name the seed stores today', () => {
    const names = [
      'United Arab Emirates',
      'Singapore',
      'Russian Federation',
      'Spain',
      'Tunisia',
      'Switzerland',
      'Colombia',
      'Norway',
      'Netherlands',
      'Saudi Arabia',
      'Iran',
      'Ghana',
      'Uruguay',
      'Peru',
      'Finland',
      'Austria',
      'Ecuador',
      'Denmark',
      'Iceland',
      'Sweden',
    ];
    const codes = names.map((name) => countryCodeFromEnglishName(name));
    expect(codes).toEqual([
      'AE',
      'SG',
      'RU',
      'ES',
      'TN',
      'CH',
      'CO',
      'NO',
      'NL',
      'SA',
      'IR',
      'GH',
      'UY',
      'PE',
      'FI',
      'AT',
      'EC',
      'DK',
      'IS',
      'SE',
    ]);
    expect(countryCodeFromEnglishName('Atlantis')).toBeNull();
  });

  it('reads region keys and refuses others', () => {
    expect(regionSchema.parse('Europe')).toBe('europe');
    expect(firstIssue(regionSchema.safeParse('oceania'))).toBe(
      '“oceania” is not a region of the network.',
    );
  });
});

describe('population and value bands', () => {
  it('puts each figure in exactly one band, bounds included below and excluded above', () => {
    expect(populationBandOf(0)).toBe('under-50k');
    expect(populationBandOf(49_999)).toBe('under-50k');
    expect(populationBandOf(50_000)).toBe('50k-200k');
    expect(populationBandOf(1_499_999)).toBe('500k-1-5m');
    expect(populationBandOf(1_500_000)).toBe('1-5m-plus');
    expect(populationBandOf(-1)).toBeNull();
    expect(populationBandOf(Number.NaN)).toBeNull();
    expect(valueBandOf(99_999.99)).toBe('under-100k');
    expect(valueBandOf(20_000_000)).toBe('20m-plus');
    // Bands are contiguous.
    for (let i = 1; i < populationBands.length; i += 1) {
      expect(populationBands[i]!.min).toBe(populationBands[i - 1]!.max);
    }
  });

  it('labels every band and refuses unknown band keys', () => {
    for (const band of populationBands) expect(`band.population.${band.key}` in en).toBe(true);
    expect(populationBandSchema.parse('50K-200K')).toBe('50k-200k');
    expect(firstIssue(valueBandSchema.safeParse('lots'))).toBe('“lots” is not a value band.');
    expect(bandDistance(populationBands, 'under-50k', '200k-500k')).toBe(2);
  });
});
