/**
 * Turns what a person typed into the parts the Postgres engine needs. Pure,
 * so the rules (prefix on the last word, codes split at "/") are unit-tested.
 */
export interface QueryText {
  /** Every word but the last, matched as whole words. */
  head: string;
  /** The last word, matched as a prefix (search as you type). */
  last: string;
  /** The whole query, cleaned, for exact-title matches and typo correction. */
  full: string;
  /** Words for typo correction, in order. */
  words: string[];
}

/** Cleans the query and splits it into whole words and the prefix word. */
export function parseQueryText(raw: string): QueryText {
  const full = raw
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/([\p{L}\p{N}])\/([\p{L}\p{N}])/gu, '$1 $2')
    .replace(/\s+/g, ' ')
    .trim();
  const cut = full.lastIndexOf(' ');
  const head = cut === -1 ? '' : full.slice(0, cut);
  const last = cut === -1 ? full : full.slice(cut + 1);
  const words = full.split(/[^\p{L}\p{N}.]+/u).filter((word) => word !== '');
  return { head, last, full, words };
}

/**
 * Rewrites the query with corrected words (typo tolerance), keeping the
 * original where no correction is known. Returns null when nothing changed.
 */
export function applyCorrections(
  words: readonly string[],
  corrections: ReadonlyMap<string, string>,
): string | null {
  let changed = false;
  const next = words.map((word) => {
    const fixed = corrections.get(word);
    if (fixed && fixed !== word.toLowerCase()) {
      changed = true;
      return fixed;
    }
    return word;
  });
  return changed ? next.join(' ') : null;
}
