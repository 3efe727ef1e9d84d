import type { HighlightPart } from './query-schema';

/**
 * Highlight markers: control characters that never occur in stored text (the
 * database strips them), so engines mark matches without ever producing HTML
 * and the page renders each part as text, escaped by the template.
 */
export const highlightStart = '\u0002';
export const highlightEnd = '\u0003';

/** Turns marked text into parts; unbalanced or stray markers are dropped. */
export function parseHighlighted(marked: string): HighlightPart[] {
  const parts: HighlightPart[] = [];
  let highlighted = false;
  let buffer = '';
  const flush = () => {
    if (buffer === '') return;
    const previous = parts[parts.length - 1];
    if (previous && previous.highlighted === highlighted) previous.text += buffer;
    else parts.push({ text: buffer, highlighted });
    buffer = '';
  };
  for (const char of marked) {
    if (char === highlightStart) {
      flush();
      highlighted = true;
    } else if (char === highlightEnd) {
      flush();
      highlighted = false;
    } else if (char >= '\u0001' && char <= '\u0008') {
      continue;
    } else {
      buffer += char;
    }
  }
  flush();
  return parts;
}

/** Plain text of parts (for titles, aria labels and tests). */
export function partsToText(parts: readonly HighlightPart[]): string {
  return parts.map((part) => part.text).join('');
}

/** Unhighlighted parts for text with no match information. */
export function plainParts(text: string): HighlightPart[] {
  return text === '' ? [] : [{ text, highlighted: false }];
}
