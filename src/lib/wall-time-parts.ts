/**
 * A wall-clock date and time entered as four plain fields (GOV.UK's date
 * input plus a time): day, month, year and "14:30". Four Tab stops in every
 * browser, the same order whatever the browser's locale, and no seconds,
 * where a `datetime-local` control showed an American mm/dd/yyyy with
 * seconds and eight stops. The parts are named `<name>-day`, `<name>-month`,
 * `<name>-year` and `<name>-time`; the server composes them into the
 * `YYYY-MM-DDTHH:mm` value the schemas read (`withComposedWallTimes`), so a
 * client may also send `<name>` itself in that form.
 */
export const wallTimeParts = ['day', 'month', 'year', 'time'] as const;
export type WallTimePart = (typeof wallTimeParts)[number];

/** The field name of one part. */
export function wallTimePartName(name: string, part: WallTimePart): string {
  return `${name}-${part}`;
}

/** Written for a value that names no real date or time: the schemas refuse it (never a date they would guess). */
export const unreadableWallTime = 'unreadable';

const timePattern = /^([01]?\d|2[0-3])(?:[:.h]?([0-5]\d))?$/;

/** "9:05", "0905", "09.05", "9h05" and "9" → "09:05" (or "09:00"); null for anything else. */
export function normaliseTime(text: string): string | null {
  const match = timePattern.exec(text.trim());
  if (!match) return null;
  return `${match[1]!.padStart(2, '0')}:${match[2] ?? '00'}`;
}

/**
 * The `YYYY-MM-DDTHH:mm` value of the four parts of `name`: `undefined` when
 * none was sent, `''` when all are empty (no time given), the value when they
 * read as numbers and a time, `unreadableWallTime` otherwise. Whether the date
 * exists (31 April) is for `wallTimeToInstant` to decide.
 */
export function composeWallTime(
  fields: Readonly<Record<string, unknown>>,
  name: string,
): string | undefined {
  const raw = wallTimeParts.map((part) => fields[wallTimePartName(name, part)]);
  if (raw.every((value) => value === undefined)) return undefined;
  const [day, month, year, time] = raw.map((value) =>
    typeof value === 'string' ? value.trim() : '',
  );
  if (!day && !month && !year && !time) return '';
  const clock = normaliseTime(time!);
  if (!/^\d{1,2}$/.test(day!) || !/^\d{1,2}$/.test(month!) || !/^\d{4}$/.test(year!) || !clock)
    return unreadableWallTime;
  return `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}T${clock}`;
}

/**
 * The fields with each named wall time composed from its parts, when its
 * parts were sent and the value itself was not (a client sending
 * `publish_at=2027-03-14T09:30` directly keeps its value).
 */
export function withComposedWallTimes<T extends Record<string, unknown>>(
  fields: T,
  names: readonly string[],
): T {
  const composed: Record<string, unknown> = { ...fields };
  for (const name of names) {
    const value = composeWallTime(fields, name);
    if (value !== undefined && (fields[name] === undefined || fields[name] === ''))
      composed[name] = value;
  }
  return composed as T;
}

/** The parts to show for a stored `YYYY-MM-DDTHH:mm[:ss]` value (empty parts for none). */
export function splitWallTime(value: string | null | undefined): Record<WallTimePart, string> {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value ?? '');
  if (!match) return { day: '', month: '', year: '', time: '' };
  return {
    day: String(Number(match[3])),
    month: String(Number(match[2])),
    year: match[1]!,
    time: `${match[4]}:${match[5]}`,
  };
}
