/**
 * Phrases of the reference research's working notes ("title and year come
 * from memory…"), which readers must never see (issue 11, item 7). Used on
 * the content files (tests/unit/research-notes-stay-out-of-pages.test.ts) and
 * on the rendered pages (tests/e2e/visitor-reads-public-service-pages.test.ts).
 */
export const workingNotePhrases: readonly RegExp[] = [
  /from memory/i,
  /searched (corpus|sources)/i,
  /research(ers?)? file/i,
  /\bentry (note|summary)\b/i,
  /\brecalled\b/i,
  /\bcompiler\b/i,
  /\bthe brief\b/i,
  /reference research/i,
  /\bunverified\b/i,
];

/** The working-note phrases found in a text (none, for reader text). */
export function workingNotePhrasesIn(text: string): string[] {
  return workingNotePhrases.filter((phrase) => phrase.test(text)).map(String);
}
