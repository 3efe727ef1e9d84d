const base = 'http://portal.invalid';

/**
 * One pass: a path on this site, as the URL parser normalises it (dot
 * segments resolved, unsafe characters percent-encoded), or null.
 * Control characters and backslashes are refused before parsing, because
 * the parser drops tabs and newlines and reads `\` as `/`, which is how
 * "/\t/evil.example" or "/\\evil.example" become another origin. The result
 * is refused when it would read as scheme-relative ("//…"), which dot
 * segments can produce: "/.//evil.example" normalises to "//evil.example".
 */
function normalisePath(value: string): string | null {
  if (value.length === 0 || value.length > 500 || !value.startsWith('/')) return null;
  if ([...value].some((ch) => ch.charCodeAt(0) < 0x20 || ch === '\x7f' || ch === '\\')) return null;
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return null;
  }
  if (url.origin !== base) return null;
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (!path.startsWith('/') || path.startsWith('//') || path.length > 1000) return null;
  return path;
}

/**
 * Where to go after signing in: only a path on this site ("/account",
 * "/hubs/austria?tab=news"), never another origin ("//evil.example",
 * "https://…", "/\\evil", "/.//evil"), so the login form cannot be used as an
 * open redirect. Idempotent: a value it returns comes back unchanged when
 * passed again (it is refused otherwise), so a `next` carried through a
 * form and read a second time cannot turn into something else.
 */
export function safeNextPath(value: unknown, fallback = '/'): string {
  const safeFallback = normalisePath(fallback) === fallback ? fallback : '/';
  if (typeof value !== 'string') return safeFallback;
  const once = normalisePath(value);
  if (once === null || normalisePath(once) !== once) return safeFallback;
  return once;
}
