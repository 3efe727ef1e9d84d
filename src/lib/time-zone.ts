/**
 * Converting between a wall-clock time in a named time zone (what a form's
 * `datetime-local` field and a time zone select give) and an instant (what
 * the database stores), with the platform's IANA data through Intl.
 */

const wallTimePattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** True when the runtime knows this IANA time zone name. */
export function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Time zone names for a select, UTC first. */
export function listTimeZones(): string[] {
  const zones =
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return ['UTC', ...zones.filter((zone) => zone !== 'UTC')];
}

function zoneOffsetMs(instant: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
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
 * An ambiguous time (clocks falling back) resolves to its second occurrence;
 * null for malformed input or an unknown zone.
 */
export function wallTimeToInstant(wallTime: string, zone: string): Date | null {
  const match = wallTimePattern.exec(wallTime);
  if (!match || !isKnownTimeZone(zone)) return null;
  const [, y, mo, d, h, mi, s] = match;
  const naive = Date.UTC(
    Number(y),
    Number(mo) - 1,
    Number(d),
    Number(h),
    Number(mi),
    Number(s ?? 0),
  );
  if (Number.isNaN(naive)) return null;
  let guess = naive - zoneOffsetMs(naive, zone);
  guess = naive - zoneOffsetMs(guess, zone);
  return new Date(guess);
}

/** The wall-clock time in `zone` of an instant, as a `datetime-local` value with seconds. */
export function instantToWallTime(instant: Date, zone: string): string {
  const shifted = new Date(instant.getTime() + zoneOffsetMs(instant.getTime(), zone));
  return shifted.toISOString().slice(0, 19);
}
