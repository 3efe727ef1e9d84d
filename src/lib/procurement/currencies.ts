import { z } from 'zod';
import type { MessageKey } from '../i18n';

/**
 * The currencies a budget, bid, award or contract may be in: the current
 * ISO 4217 codes of the OCDS 1.1.5 currency codelist (`codelists/currency.csv`,
 * the rows without a "Valid Until" date; Open Contracting Partnership, Apache
 * License 2.0). The database checks the same list (`public.is_ocds_currency`)
 * and `tests/unit/procurement-currencies.test.ts` compares both with the
 * codelist when the reference is beside the checkout.
 */
export const currencyCodes = [
  'AED',
  'AFN',
  'ALL',
  'AMD',
  'ANG',
  'AOA',
  'ARS',
  'AUD',
  'AWG',
  'AZN',
  'BAM',
  'BBD',
  'BDT',
  'BGN',
  'BHD',
  'BIF',
  'BMD',
  'BND',
  'BOB',
  'BOV',
  'BRL',
  'BSD',
  'BTN',
  'BWP',
  'BYN',
  'BZD',
  'CAD',
  'CDF',
  'CHE',
  'CHF',
  'CHW',
  'CLF',
  'CLP',
  'CNY',
  'COP',
  'COU',
  'CRC',
  'CUC',
  'CUP',
  'CVE',
  'CZK',
  'DJF',
  'DKK',
  'DOP',
  'DZD',
  'EGP',
  'ERN',
  'ETB',
  'EUR',
  'FJD',
  'FKP',
  'GBP',
  'GEL',
  'GHS',
  'GIP',
  'GMD',
  'GNF',
  'GTQ',
  'GYD',
  'HKD',
  'HNL',
  'HRK',
  'HTG',
  'HUF',
  'IDR',
  'ILS',
  'INR',
  'IQD',
  'IRR',
  'ISK',
  'JMD',
  'JOD',
  'JPY',
  'KES',
  'KGS',
  'KHR',
  'KMF',
  'KPW',
  'KRW',
  'KWD',
  'KYD',
  'KZT',
  'LAK',
  'LBP',
  'LKR',
  'LRD',
  'LSL',
  'LYD',
  'MAD',
  'MDL',
  'MGA',
  'MKD',
  'MMK',
  'MNT',
  'MOP',
  'MRU',
  'MUR',
  'MVR',
  'MWK',
  'MXN',
  'MXV',
  'MYR',
  'MZN',
  'NAD',
  'NGN',
  'NIO',
  'NOK',
  'NPR',
  'NZD',
  'OMR',
  'PAB',
  'PEN',
  'PGK',
  'PHP',
  'PKR',
  'PLN',
  'PYG',
  'QAR',
  'RON',
  'RSD',
  'RUB',
  'RWF',
  'SAR',
  'SBD',
  'SCR',
  'SDG',
  'SEK',
  'SGD',
  'SHP',
  'SLL',
  'SOS',
  'SRD',
  'SSP',
  'STN',
  'SVC',
  'SYP',
  'SZL',
  'THB',
  'TJS',
  'TMT',
  'TND',
  'TOP',
  'TRY',
  'TTD',
  'TWD',
  'TZS',
  'UAH',
  'UGX',
  'USD',
  'USN',
  'UYI',
  'UYU',
  'UYW',
  'UZS',
  'VES',
  'VND',
  'VUV',
  'WST',
  'XAF',
  'XAG',
  'XAU',
  'XBA',
  'XBB',
  'XBC',
  'XBD',
  'XCD',
  'XDR',
  'XOF',
  'XPD',
  'XPF',
  'XPT',
  'XSU',
  'XTS',
  'XUA',
  'XXX',
  'YER',
  'ZAR',
  'ZMW',
  'ZWL',
] as const;
export type CurrencyCode = (typeof currencyCodes)[number];

const known = new Set<string>(currencyCodes);

/** True for a current currency code of the codelist (upper case). */
export function isCurrencyCode(value: string): value is CurrencyCode {
  return known.has(value);
}

export const currencyIssueMessage = 'procurement.error.currency' satisfies MessageKey;

/** A currency code (`"eur"` is read as `"EUR"`); anything else is refused naming the value. */
export const currencySchema = z.string().transform((value, ctx) => {
  const code = value.trim().toUpperCase();
  if (!isCurrencyCode(code)) {
    ctx.addIssue({ code: 'custom', message: currencyIssueMessage, params: { value } });
    return z.NEVER;
  }
  return code;
});

const names = new Map<string, Intl.DisplayNames>();

/** "EUR · Euro": the code people type and the name in the reader's language. */
export function currencyLabel(locale: string, code: string): string {
  let display = names.get(locale);
  if (!display) {
    display = new Intl.DisplayNames([locale], { type: 'currency', fallback: 'none' });
    names.set(locale, display);
  }
  const name = isCurrencyCode(code) ? display.of(code) : undefined;
  return name ? `${code} · ${name}` : code;
}

/** An amount with its currency, "EUR 250,000", in the reader's language. */
export function formatMoney(locale: string, amount: number, currency: string): string {
  return `${currency} ${new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(amount)}`;
}
