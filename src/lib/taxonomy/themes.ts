import { z } from 'zod';
import type { MessageKey, Translator } from '../i18n';

/**
 * The one theme taxonomy of the portal, shared by case studies, the
 * directory (organizations' offerings), procurement and the KPI catalogue,
 * so that "mobility" means the same thing everywhere and matching across
 * domains compares like with like. Keys are stable kebab-case identifiers
 * stored in the database; the words people read are i18n messages
 * (`theme.<key>` and `theme.<key>.description`).
 *
 * Adding a key is cheap; renaming one is a data migration, so keys are
 * never renamed (add the new key to `themeAliases` instead).
 */
export const themeKeys = [
  'mobility',
  'energy',
  'water',
  'waste',
  'ict-infrastructure',
  'e-government',
  'data-and-ai',
  'health',
  'education',
  'safety',
  'housing',
  'urban-planning',
  'culture',
  'environment',
  'climate',
  'economy',
  'social-inclusion',
  'participation',
  'food',
  'kpis',
] as const;
export type ThemeKey = (typeof themeKeys)[number];

const knownThemes = new Set<string>(themeKeys);

/** The issue message of `themeSchema`: an i18n key, with the refused value in `params.value`. */
export const themeIssueMessage = 'theme.error.unknown' satisfies MessageKey;

/** True for a key of the taxonomy. */
export function isThemeKey(value: string): value is ThemeKey {
  return knownThemes.has(value);
}

/** One theme key; anything else is refused with `theme.error.unknown` naming the value. */
export const themeSchema = z.string().transform((value, ctx) => {
  const key = value.trim().toLowerCase();
  if (!isThemeKey(key)) {
    ctx.addIssue({ code: 'custom', message: themeIssueMessage, params: { value } });
    return z.NEVER;
  }
  return key;
});

/** A list of theme keys without repeats, in taxonomy order. */
export const themeListSchema = z
  .array(themeSchema)
  .max(themeKeys.length)
  .transform((keys) => themeKeys.filter((key) => keys.includes(key)));

/**
 * Older free-form tags (the deliverables' `themes` in `content/`, keys in
 * existing search records) mapped to taxonomy keys. A tag that names no
 * practice theme (e.g. "toolkit", "case studies") maps to nothing.
 */
export const themeAliases: Readonly<Record<string, readonly ThemeKey[]>> = {
  ict: ['ict-infrastructure'],
  iot: ['ict-infrastructure', 'data-and-ai'],
  'digital transformation': ['e-government'],
  'digital public infrastructure': ['e-government', 'data-and-ai'],
  'e-health': ['health'],
  blockchain: ['data-and-ai'],
  'artificial intelligence': ['data-and-ai'],
  'data management': ['data-and-ai'],
  'circular economy': ['waste', 'economy'],
  'social inclusion': ['social-inclusion'],
  'gender equality': ['social-inclusion'],
  'people-centred cities': ['participation'],
  participation: ['participation'],
  innovation: ['economy'],
  investment: ['economy'],
  financing: ['economy'],
  planning: ['urban-planning'],
  environment: ['environment'],
  sustainability: ['environment'],
  kpis: ['kpis'],
  verification: ['kpis'],
  'data collection': ['kpis'],
  benchmarking: ['kpis'],
  'performance evaluation': ['kpis'],
  'assessment framework': ['kpis'],
  'maturity model': ['kpis'],
  'impact assessment': ['kpis'],
  'city prosperity index': ['kpis'],
};

/**
 * Maps free-form tags to taxonomy keys: a tag that already is a key stays,
 * an alias becomes its keys, anything else is returned in `unmapped`.
 */
export function mapToThemes(tags: readonly string[]): { themes: ThemeKey[]; unmapped: string[] } {
  const found = new Set<ThemeKey>();
  const unmapped: string[] = [];
  for (const tag of tags) {
    const normalized = tag.trim().toLowerCase();
    if (isThemeKey(normalized)) found.add(normalized);
    else if (themeAliases[normalized]) themeAliases[normalized].forEach((key) => found.add(key));
    else unmapped.push(tag);
  }
  return { themes: themeKeys.filter((key) => found.has(key)), unmapped };
}

/** The words for a theme ("ICT infrastructure"); an unknown key is shown as it is. */
export function themeLabel(t: Translator['t'], key: string): string {
  return isThemeKey(key) ? t(`theme.${key}` as MessageKey) : key;
}

/** The one-line description of a theme, for hints and tooltips. */
export function themeDescription(t: Translator['t'], key: ThemeKey): string {
  return t(`theme.${key}.description` as MessageKey);
}
