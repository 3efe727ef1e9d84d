/**
 * Demo records are named with a "(demo)" suffix in the seed ("Fjordby
 * (demo)"), so that a demo name stays recognisable where no badge can go: a
 * select option, a mail, a CSV export, the page title. Where the page shows
 * the Demo badge beside the name, the suffix only repeats it: cards, headings
 * and the hub strip show the name through this function instead.
 */
const demoSuffix = /\s*\(demo\)\s*$/i;

/** The name without its trailing "(demo)" when the record is a demo one (and the badge says so). */
export function demoDisplayName(name: string, isDemo: boolean): string {
  if (!isDemo) return name;
  const stripped = name.replace(demoSuffix, '');
  return stripped === '' ? name : stripped;
}

/** The same for highlighted text parts (search results): the suffix is removed from the end. */
export function demoDisplayParts<T extends { text: string }>(
  parts: readonly T[],
  isDemo: boolean,
): T[] {
  if (!isDemo || parts.length === 0) return [...parts];
  const result = [...parts];
  for (let index = result.length - 1; index >= 0; index -= 1) {
    const part = result[index]!;
    const text = part.text.replace(demoSuffix, '');
    if (text === part.text) break;
    result[index] = { ...part, text };
    if (text !== '') break;
  }
  return result.filter((part, index) => part.text !== '' || index === 0);
}
