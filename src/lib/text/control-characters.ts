/**
 * True when `value` holds a character no text field of the portal means to
 * accept: a C0 control character (NUL included, which Postgres refuses in
 * text and which made searches fail with 503), DEL, a C1 control character,
 * or a lone UTF-16 surrogate. `allow` lists the ones a field takes as text:
 * a tab (pasted into any field), line breaks (multi-line fields).
 */
export function hasControlCharacters(
  value: string,
  options: { allowTab?: boolean; allowLineBreaks?: boolean } = {},
): boolean {
  for (let i = 0; i < value.length; i += 1) {
    const code = value.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i += 1;
        continue;
      }
      return true;
    }
    if (code >= 0xdc00 && code <= 0xdfff) return true;
    if (options.allowTab && code === 0x09) continue;
    if (options.allowLineBreaks && (code === 0x0a || code === 0x0d)) continue;
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return false;
}

/** For zod refinements of one-line fields: a tab is text, other control characters and line breaks are not. */
export const isSingleLineText = (value: string): boolean =>
  !hasControlCharacters(value, { allowTab: true });

/** For zod refinements of multi-line fields: tab and line breaks are text, other control characters not. */
export const isMultiLineText = (value: string): boolean =>
  !hasControlCharacters(value, { allowTab: true, allowLineBreaks: true });
