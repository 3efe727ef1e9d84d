import ICAL from 'ical.js';
import { expect } from 'vitest';

/**
 * Checks an iCalendar text against RFC 5545 rules a parser alone forgives:
 * CRLF line ends, lines of at most 75 octets, required properties; then
 * parses it with ical.js and returns the events.
 */
export function parseICalendar(text: string) {
  expect(text.endsWith('\r\n')).toBe(true);
  const lines = text.slice(0, -2).split('\r\n');
  for (const line of lines) {
    expect(line.includes('\n') || line.includes('\r'), 'bare LF/CR').toBe(false);
    expect(new TextEncoder().encode(line).length, `line too long: ${line}`).toBeLessThanOrEqual(75);
  }
  const calendar = new ICAL.Component(ICAL.parse(text));
  expect(calendar.name).toBe('vcalendar');
  expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
  expect(calendar.getFirstPropertyValue('prodid')).toBeTruthy();
  const events = calendar.getAllSubcomponents('vevent').map((component) => {
    for (const property of ['uid', 'dtstamp', 'dtstart'])
      expect(component.hasProperty(property), property).toBe(true);
    return new ICAL.Event(component);
  });
  return { calendar, events };
}
