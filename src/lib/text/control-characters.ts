/**
 * True when `value` holds a character no text field of the portal means to
 * accept: a C0 control character (NUL included, which Postgres refuses in
 * text and which made searches fail with 503), DEL, a C1 control character,
 * or a lone UTF-16 surrogate. With `allowLineBreaks`, tab, line feed and
 * carriage return are text (multi-line fields).
 */
export function hasControlCharacters(value: string, options: { allowLineBreaks?: boolean } = {}) {
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
    if (options.allowLineBreaks && (code === 0x09 || code === 0x0a || code === 0x0d)) continue;
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return false;
}

/** For zod refinements of one-line fields: no control characters at all. */
export const isSingleLineText = (value: string): boolean => !hasControlCharacters(value);

/** For zod refinements of multi-line fields: tab and line breaks allowed, other control characters not. */
export const isMultiLineText = (value: string): boolean =>
  !hasControlCharacters(value, { allowLineBreaks: true });
