/**
 * Converting between a wall-clock time in a named time zone (what a form's
 * `datetime-local` field and a time zone select give) and an instant (what
 * the database stores), with the platform's IANA data through Intl.
 */

const wallTimePattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** The years a wall-clock time may name: anything else is a typo (year 0 was stored as 1900). */
export const wallTimeYears = { min: 1900, max: 2199 } as const;

/** Time zone names for a select, UTC first. */
export function listTimeZones(): string[] {
  const zones =
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return ['UTC', ...zones.filter((zone) => zone !== 'UTC')];
}

let listedByLowerCase: Map<string, string> | undefined;

/**
 * The time zone's name as the select lists it, for any spelling of a listed
 * name ("europe/vienna" → "Europe/Vienna") or an alias the runtime resolves
 * to one ("US/Eastern" → "America/New_York", "Etc/UTC" → "UTC"); null for
 * anything else. IANA names are case-insensitive, but Postgres compares them
 * exactly, so only the canonical spelling may be stored.
 */
export function canonicalTimeZone(zone: string): string | null {
  const name = zone.trim();
  if (name.length === 0 || name.length > 64 || !/^[A-Za-z0-9_+\-/]+$/.test(name)) return null;
  listedByLowerCase ??= new Map(listTimeZones().map((listed) => [listed.toLowerCase(), listed]));
  const listed = listedByLowerCase.get(name.toLowerCase());
  if (listed) return listed;
  try {
    const resolved = new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone;
    return listedByLowerCase.get(resolved.toLowerCase()) ?? null;
  } catch {
    return null;
  }
}

const partsFormats = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock parts format of a zone, made once per zone (building one is the costly part). */
function partsFormat(zone: string): Intl.DateTimeFormat {
  let format = partsFormats.get(zone);
  if (!format) {
    if (partsFormats.size >= 500) partsFormats.clear();
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormats.set(zone, format);
  }
  return format;
}

function zoneOffsetMs(instant: number, zone: string): number {
  const parts = partsFormat(zone).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant at which clocks in `zone` show `wallTime` (YYYY-MM-DDTHH:mm[:ss]).
 * Strict: the date must exist (no month 13, no 31 April, 29 February only in
 * leap years), the time must be 00:00–23:59:59, and the year within
 * `wallTimeYears` (Date.UTC would roll month 13 into next year and read year
 * 0 as 1900). An ambiguous time (clocks falling back) resolves to its second
 * occurrence; null for anything else or an unknown zone.
 */
export function wallTimeToInstant(wallTime: string, zone: string): Date | null {
  const match = wallTimePattern.exec(wallTime);
  const canonical = canonicalTimeZone(zone);
  if (!match || !canonical) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0));
  if (
    year! < wallTimeYears.min ||
    year! > wallTimeYears.max ||
    hour! > 23 ||
    minute! > 59 ||
    second! > 59
  )
    return null;
  const naive = Date.UTC(year!, month! - 1, day!, hour!, minute!, second!);
  const check = new Date(naive);
  // Month 13 or 31 April would roll over into another date: refuse instead.
  if (check.getUTCMonth() !== month! - 1 || check.getUTCDate() !== day!) return null;
  let guess = naive - zoneOffsetMs(naive, canonical);
  guess = naive - zoneOffsetMs(guess, canonical);
  return new Date(guess);
}

/** The wall-clock time in `zone` of an instant, as a `datetime-local` value with seconds. */
export function instantToWallTime(instant: Date, zone: string): string {
  const shifted = new Date(instant.getTime() + zoneOffsetMs(instant.getTime(), zone));
  return shifted.toISOString().slice(0, 19);
}
