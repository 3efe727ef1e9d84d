import { z } from 'zod';

/**
 * Why a website address is refused, as i18n keys of the organization form.
 * The database checks the same rules (`public.is_public_website_url`), so a
 * row written any other way cannot hold such an address either.
 */
export const websiteIssues = {
  format: 'organizations.error.websiteFormat',
  scheme: 'organizations.error.websiteScheme',
  credentials: 'organizations.error.websiteCredentials',
  privateHost: 'organizations.error.websitePrivate',
  tooLong: 'organizations.error.websiteLength',
} as const;

const blockedSuffixes = ['.localhost', '.local', '.internal', '.home.arpa'];

function ipv4ToNumber(address: string): number {
  return address.split('.').reduce((total, part) => total * 256 + Number(part), 0);
}

const privateIpv4Ranges: readonly [string, number][] = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['255.255.255.255', 32],
];

function isPrivateIpv4(address: string): boolean {
  const value = ipv4ToNumber(address);
  return privateIpv4Ranges.some(([base, bits]) => {
    const size = 2 ** (32 - bits);
    const start = ipv4ToNumber(base);
    return value >= start && value < start + size;
  });
}

/** Expands an IPv6 address to its 8 groups (numbers), so ranges can be compared. */
function ipv6Groups(address: string): number[] {
  let text = address;
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const n = ipv4ToNumber(v4[1]!);
    text = `${text.slice(0, v4.index)}${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const missing = tail === undefined ? 0 : 8 - headGroups.length - tailGroups.length;
  return [...headGroups, ...Array<string>(missing).fill('0'), ...tailGroups].map((g) =>
    parseInt(g, 16),
  );
}

function isPrivateIpv6(address: string): boolean {
  const g = ipv6Groups(address);
  const allZero = g.slice(0, 7).every((x) => x === 0);
  if (allZero && (g[7] === 0 || g[7] === 1)) return true; // :: and ::1
  if ((g[0]! & 0xfe00) === 0xfc00) return true; // fc00::/7 unique local
  if ((g[0]! & 0xffc0) === 0xfe80) return true; // fe80::/10 link-local
  // ::ffff:a.b.c.d, an IPv4 address in IPv6 clothes
  return g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff;
}

/**
 * True when `hostname` (as `URL` gives it: lower-case, IPv6 in brackets,
 * numeric IPv4 forms such as `2130706433` already turned into dotted form)
 * names a machine on the public internet: not localhost, not a local-only
 * name, not a private, loopback, link-local or unique-local address.
 */
export function isPublicHostname(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '');
  if (host === '') return false;
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(host)) return !isPrivateIpv4(host);
  if (host.includes(':')) return /^[0-9a-f:.]+$/.test(host) && !isPrivateIpv6(host);
  if (host === 'localhost' || blockedSuffixes.some((suffix) => host.endsWith(suffix))) return false;
  return /^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/.test(host);
}

/**
 * An organization's website: an absolute http(s) address of a public host.
 * "sensorwerk.example" is read as "https://sensorwerk.example/" (people type
 * addresses without the scheme); `javascript:`, `data:` and other schemes,
 * a user name or password in the address, and hosts on a private network
 * (localhost, .local, RFC 1918, link-local, IPv6 ULA…) are refused. The
 * value kept is the normalised address (`URL.href`).
 */
export const websiteUrlSchema = z.string().transform((value, ctx) => {
  const text = value.trim();
  const fail = (message: string) => {
    ctx.addIssue({ code: 'custom', message, params: { value: text } });
    return z.NEVER;
  };
  if (text.length > 500) return fail(websiteIssues.tooLong);
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) && !/^[^/:]+:\d+(\/|$)/.test(text);
  if (hasScheme && !/^https?:\/\//i.test(text)) return fail(websiteIssues.scheme);
  let url: URL;
  try {
    url = new URL(hasScheme ? text : `https://${text}`);
  } catch {
    return fail(websiteIssues.format);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return fail(websiteIssues.scheme);
  if (url.username || url.password) return fail(websiteIssues.credentials);
  if (/\s/.test(text)) return fail(websiteIssues.format);
  if (!isPublicHostname(url.hostname)) return fail(websiteIssues.privateHost);
  if (url.href.length > 500) return fail(websiteIssues.tooLong);
  return url.href;
});

/** The host of a website without "www.", as the database compares them for duplicates. */
export function websiteHost(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

/** Mail providers whose domain says nothing about the person's organization. */
const personalMailDomains = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'yahoo.com',
  'icloud.com',
  'me.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'gmx.net',
  'gmx.de',
  'web.de',
  'mail.ru',
  'yandex.ru',
  'qq.com',
  '163.com',
]);

/**
 * A website to suggest from the person's work address ("pia@sensorwerk.at"
 * → "https://sensorwerk.at/"), so the form does not ask for what it can
 * guess (WCAG 2.2 redundant entry); null for personal mail providers and
 * hosts that are not public.
 */
export function websiteFromEmail(email: string | null | undefined): string | null {
  const domain = email?.split('@')[1]?.trim().toLowerCase();
  if (!domain || personalMailDomains.has(domain) || !isPublicHostname(domain)) return null;
  return `https://${domain}/`;
}
