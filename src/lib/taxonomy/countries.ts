import { z } from 'zod';
import type { MessageKey } from '../i18n';
import { countryCodes } from './country-codes';

/**
 * Countries as the portal stores them: ISO 3166-1 alpha-2 codes ("NO"),
 * shown through the i18n module (`Translator.countryName`, which uses
 * `Intl.DisplayNames`). Also the region keys hubs and cities use today.
 */
export { countryCodes };
export type CountryCode = (typeof countryCodes)[number];

const knownCountries = new Set<string>(countryCodes);

/** The issue message of `countryCodeSchema`: an i18n key, with the refused value in `params.value`. */
export const countryIssueMessage = 'country.error.unknown' satisfies MessageKey;

/** True for an officially assigned ISO 3166-1 alpha-2 code (upper case). */
export function isCountryCode(value: string): value is CountryCode {
  return knownCountries.has(value);
}

/** A country code ("no" is read as "NO"); anything else is refused naming the value. */
export const countryCodeSchema = z.string().transform((value, ctx) => {
  const code = value.trim().toUpperCase();
  if (!isCountryCode(code)) {
    ctx.addIssue({ code: 'custom', message: countryIssueMessage, params: { value } });
    return z.NEVER;
  }
  return code;
});

const displayNames = new Map<string, Intl.DisplayNames>();

/**
 * The name of a country in a language, from the platform's CLDR data
 * ("NO" → "Norway", in French "Norvège"). An unknown code is returned as it
 * is. Pages use `t.countryName` from the i18n module, which calls this.
 */
export function countryNameIn(locale: string, code: string): string {
  let names = displayNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
    displayNames.set(locale, names);
  }
  if (!isCountryCode(code)) return code;
  return names.of(code) ?? code;
}

/**
 * English names in the seed and reference research that CLDR spells
 * differently (UN usage, older forms), mapped to their codes.
 */
const englishNameAliases: Readonly<Record<string, CountryCode>> = {
  'russian federation': 'RU',
  iran: 'IR',
  'iran (islamic republic of)': 'IR',
  'republic of korea': 'KR',
  'korea, republic of': 'KR',
  "democratic people's republic of korea": 'KP',
  turkey: 'TR',
  "cote d'ivoire": 'CI',
  "côte d'ivoire": 'CI',
  'czech republic': 'CZ',
  swaziland: 'SZ',
  macedonia: 'MK',
  'the former yugoslav republic of macedonia': 'MK',
  'united states of america': 'US',
  'united kingdom of great britain and northern ireland': 'GB',
  'viet nam': 'VN',
  'lao people’s democratic republic': 'LA',
  "lao people's democratic republic": 'LA',
  'syrian arab republic': 'SY',
  'republic of moldova': 'MD',
  'united republic of tanzania': 'TZ',
  'bolivia (plurinational state of)': 'BO',
  'venezuela (bolivarian republic of)': 'VE',
  'state of palestine': 'PS',
  palestine: 'PS',
  'democratic republic of the congo': 'CD',
  congo: 'CG',
  netherlands: 'NL',
  'the netherlands': 'NL',
};

let englishIndex: Map<string, CountryCode> | undefined;

/**
 * The code for an English country name, as the cities table still stores
 * them ("Norway" → "NO", "Russian Federation" → "RU"), or null. Meant for a
 * one-off data migration from names to codes, not for reading user input.
 */
export function countryCodeFromEnglishName(name: string): CountryCode | null {
  if (!englishIndex) {
    englishIndex = new Map();
    for (const code of countryCodes)
      englishIndex.set(countryNameIn('en', code).toLowerCase(), code);
    for (const [alias, code] of Object.entries(englishNameAliases)) englishIndex.set(alias, code);
  }
  const key = name.trim().toLowerCase().replace(/’/g, "'");
  return englishIndex.get(key) ?? englishIndex.get(name.trim().toLowerCase()) ?? null;
}

/** The regions hubs and cities are grouped by (ITU's regions plus "global"). */
export const regionKeys = [
  'africa',
  'americas',
  'arab-states',
  'asia-pacific',
  'europe',
  'cis',
  'global',
] as const;
export type RegionKey = (typeof regionKeys)[number];
const knownRegions = new Set<string>(regionKeys);

/** A region key; anything else is refused with `region.error.unknown` naming the value. */
export const regionSchema = z.string().transform((value, ctx) => {
  const key = value.trim().toLowerCase();
  if (!knownRegions.has(key)) {
    ctx.addIssue({ code: 'custom', message: 'region.error.unknown', params: { value } });
    return z.NEVER;
  }
  return key as RegionKey;
});

/** The words for a region ("Asia and the Pacific"). */
export function regionLabelKey(region: RegionKey): MessageKey {
  return `region.${region}`;
}
