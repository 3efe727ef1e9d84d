import { describe, expect, it } from 'vitest';
import {
  composeWallTime,
  normaliseTime,
  splitWallTime,
  unreadableWallTime,
  withComposedWallTimes,
} from '../../src/lib/wall-time-parts';
import {
  publicationFieldsSchema,
  resolvePublishedAt,
} from '../../src/server/publishing/publication';
import { parseEventForm } from '../../src/server/events/event-form';

const parts = (day: string, month: string, year: string, time: string) => ({
  'publish_at-day': day,
  'publish_at-month': month,
  'publish_at-year': year,
  'publish_at-time': time,
});

describe('a date and time typed as day, month, year and time', () => {
  it('reads the times people type on a 24-hour clock', () => {
    expect(normaliseTime('9:05')).toBe('09:05');
    expect(normaliseTime('0905')).toBe('09:05');
    expect(normaliseTime('14.30')).toBe('14:30');
    expect(normaliseTime('9h30')).toBe('09:30');
    expect(normaliseTime('9')).toBe('09:00');
    expect(normaliseTime(' 23:59 ')).toBe('23:59');
    for (const bad of ['24:00', '12:60', '2pm', '', '1:2', '12:345'])
      expect(normaliseTime(bad), bad).toBeNull();
  });

  it('composes the value the schemas read, and says when nothing or something unreadable was typed', () => {
    expect(composeWallTime(parts('7', '3', '2027', '9:30'), 'publish_at')).toBe('2027-03-07T09:30');
    expect(composeWallTime(parts('', '', '', ''), 'publish_at')).toBe('');
    expect(composeWallTime({}, 'publish_at')).toBeUndefined();
    expect(composeWallTime(parts('7', 'March', '2027', '9:30'), 'publish_at')).toBe(
      unreadableWallTime,
    );
    expect(composeWallTime(parts('7', '3', '27', '9:30'), 'publish_at')).toBe(unreadableWallTime);
    expect(composeWallTime(parts('7', '3', '2027', ''), 'publish_at')).toBe(unreadableWallTime);
  });

  it('keeps a value sent whole, and shows a stored value as parts again', () => {
    expect(
      withComposedWallTimes(
        { publish_at: '2027-01-01T10:00', ...parts('2', '2', '2028', '11:00') },
        ['publish_at'],
      ).publish_at,
    ).toBe('2027-01-01T10:00');
    expect(splitWallTime('2027-03-07T09:30:00')).toEqual({
      day: '7',
      month: '3',
      year: '2027',
      time: '09:30',
    });
    expect(splitWallTime('')).toEqual({ day: '', month: '', year: '', time: '' });
  });

  it('schedules news at the typed time in its time zone, and refuses a date that does not exist', () => {
    const fields = {
      action: 'schedule',
      publish_tz: 'Europe/Vienna',
      ...parts('14', '6', '2031', '09:00'),
    };
    expect(resolvePublishedAt(publicationFieldsSchema.parse(fields), null)).toEqual({
      ok: true,
      publishedAt: new Date('2031-06-14T07:00:00Z'),
    });
    expect(
      resolvePublishedAt(
        publicationFieldsSchema.parse({ ...fields, ...parts('31', '4', '2031', '09:00') }),
        null,
      ),
    ).toEqual({ ok: false, field: 'publish_at', message: 'publish.error.time' });
  });

  it('reads an event’s start and end from their parts', () => {
    const event = {
      title: 'KPI clinic',
      time_zone: 'UTC',
      'starts_at-day': '15',
      'starts_at-month': '6',
      'starts_at-year': '2031',
      'starts_at-time': '9:00',
      'ends_at-day': '15',
      'ends_at-month': '6',
      'ends_at-year': '2031',
      'ends_at-time': '8:00',
      venue_name: 'Rathaus',
      registration_mode: 'none',
    };
    expect(parseEventForm(event)).toEqual({
      ok: false,
      errors: [{ field: 'ends_at', message: 'events.form.error.endsBeforeStart' }],
    });
    const fixed = parseEventForm({ ...event, 'ends_at-time': '12:30' });
    expect(fixed.ok && fixed.input.endsAt.toISOString()).toBe('2031-06-15T12:30:00.000Z');
  });
});
