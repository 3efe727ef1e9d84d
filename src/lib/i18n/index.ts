import { countryNameIn } from '../taxonomy/countries';
import { en } from './messages/en';

/**
 * The one i18n module: all interface text goes through `t`. English is the
 * only locale today; the other UN languages (including right-to-left Arabic)
 * add a dictionary with the same keys and a `dir`.
 */
export const locales = ['en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'en';

export type MessageKey = keyof typeof en;
type PluralBase<K> = K extends `${infer Base}.one` ? Base : never;
export type PluralKey = PluralBase<MessageKey>;

const dictionaries: Record<Locale, Record<MessageKey, string>> = { en };
const directions: Record<Locale, 'ltr' | 'rtl'> = { en: 'ltr' };

export type Params = Record<string, string | number>;

export interface Translator {
  locale: Locale;
  dir: 'ltr' | 'rtl';
  /** The message for `key`, with `{name}` placeholders filled. Output is text: escape it when building HTML by hand. */
  t(key: MessageKey, params?: Params): string;
  /** A counted message: `key.one` or `key.other` by the locale's plural rules, with `{count}` filled. */
  tp(key: PluralKey, count: number, params?: Params): string;
  formatDate(date: Date, options?: Intl.DateTimeFormatOptions): string;
  formatNumber(value: number): string;
  /** A country's name from its ISO 3166-1 alpha-2 code ("NO" → "Norway"); unknown codes as given. */
  countryName(code: string): string;
}

function interpolate(message: string, params?: Params): string {
  if (!params) return message;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A date format for the locale and options, made once and reused: building
 * an `Intl.DateTimeFormat` costs far more than formatting with one (it loads
 * ICU data into native memory, kept as a high-water mark), and pages format
 * dates in loops. Options are few (a dozen combinations, time zones from the
 * events' own), so the map stays small; it is bounded all the same.
 */
export function dateFormat(
  locale: Locale,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    if (dateFormats.size >= 500) dateFormats.clear();
    format = new Intl.DateTimeFormat(locale, options);
    dateFormats.set(key, format);
  }
  return format;
}

const translators = new Map<Locale, Translator>();

function buildTranslator(known: Locale): Translator {
  const dictionary = dictionaries[known];
  const plurals = new Intl.PluralRules(known);
  const numberFormat = new Intl.NumberFormat(known);
  return {
    locale: known,
    dir: directions[known],
    t: (key, params) => interpolate(dictionary[key] ?? key, params),
    tp: (key, count, params) => {
      const category = plurals.select(count) === 'one' ? 'one' : 'other';
      const message = dictionary[`${key}.${category}` as MessageKey] ?? key;
      return interpolate(message, { count: numberFormat.format(count), ...params });
    },
    formatDate: (date, options = { dateStyle: 'long' }) =>
      dateFormat(known, { timeZone: 'UTC', ...options }).format(date),
    formatNumber: (value) => numberFormat.format(value),
    countryName: (code) => countryNameIn(known, code),
  };
}

/**
 * Returns the translator for a locale (unknown locales fall back to English).
 * One per locale for the process: it holds no request state, and its plural
 * rules and number format are built once instead of on every request.
 */
export function getTranslator(locale: string = defaultLocale): Translator {
  const known: Locale = (locales as readonly string[]).includes(locale)
    ? (locale as Locale)
    : defaultLocale;
  let translator = translators.get(known);
  if (!translator) {
    translator = Object.freeze(buildTranslator(known));
    translators.set(known, translator);
  }
  return translator;
}

/**
 * The text of a validation issue whose message is an i18n key, with its
 * `params` (the shared vocabularies put the refused value in `params.value`):
 * "“11.9” is not an SDG target…". Other messages are returned as they are.
 */
export function translateIssue(
  t: Translator['t'],
  issue: { message: string; params?: Record<string, unknown> },
): string {
  if (!(issue.message in dictionaries[defaultLocale])) return issue.message;
  const params: Params = {};
  for (const [name, value] of Object.entries(issue.params ?? {})) params[name] = String(value);
  return t(issue.message as MessageKey, params);
}
