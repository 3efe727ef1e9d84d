import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/types';
import { withRequestContext } from '../../src/server/db/request-context';
import { findCityForMatching } from '../../src/server/organizations/match-queries';
import { buildDeadlinesCalendar, buildNoticesRss } from '../../src/server/procurement/feeds';
import {
  listNoticeDeadlines,
  listOpenNotices,
  nextNoticeDeadline,
} from '../../src/server/procurement/queries';
import { demoProcessId } from '../../src/server/seed/seed-procurement';
import { testTargets } from '../support/databases';
import { parseICalendar } from '../support/icalendar-check';
import { letNoticeDeadlinePass } from '../support/procurement';
import { parseRss } from '../support/rss-check';

/**
 * The RSS feed lists the notices open now and the iCalendar their deadlines;
 * both validate, name no draft, and a notice leaves the RSS feed when its
 * deadline passes (no job runs: the queries read the time).
 */
describe.each(testTargets())('procurement feeds on $name', (target) => {
  let db: Database;
  const asVisitor = <T>(fn: Parameters<typeof withRequestContext<T>>[1]) =>
    withRequestContext(null, fn, () => Promise.resolve(db));
  const channel = {
    title: 'Procurement',
    description: 'Open notices',
    link: 'http://localhost/procurement',
    self: 'http://localhost/procurement/rss.xml',
    origin: 'http://localhost',
    language: 'en',
  };
  const open = demoProcessId('fjordby-school-routes');

  beforeAll(async () => {
    db = await target.open();
  });
  afterAll(() => db.close());

  it('publishes the open notice in valid RSS and its deadline in valid iCalendar', async () => {
    const notices = await asVisitor((rdb) => listOpenNotices(rdb));
    expect(notices.map((n) => n.id)).toEqual([open]);
    const { items } = parseRss(
      buildNoticesRss(channel, notices, (n) => `Until ${n.deadline.toISOString()}`),
    );
    expect(items.map((item) => String(item.link))).toEqual([
      `http://localhost/procurement/${open}`,
    ]);

    const deadlines = await asVisitor((rdb) => listNoticeDeadlines(rdb));
    const { events } = parseICalendar(
      buildDeadlinesCalendar(
        {
          name: 'Deadlines',
          origin: 'http://localhost',
          uidDomain: 'localhost',
          summaryPrefix: 'Deadline',
        },
        deadlines,
      ),
    );
    // From 90 days ago on: Lakeside's closed notice (75 days ago) and the open one, not older ones.
    const lakeside = demoProcessId('lakeside-water-meters');
    expect(events.map((e) => e.uid)).toEqual([
      `procurement-deadline-${lakeside}@localhost`,
      `procurement-deadline-${open}@localhost`,
    ]);
    // iCalendar times are whole seconds.
    expect(events[1]!.endDate.toJSDate().getTime()).toBe(
      Math.floor(deadlines[1]!.deadline.getTime() / 1000) * 1000,
    );
    expect(await asVisitor((rdb) => nextNoticeDeadline(rdb))).toEqual(deadlines[1]!.deadline);
  });

  it("counts the open notice among its city's needs for matchmaking", async () => {
    const fjordby = await asVisitor((rdb) => findCityForMatching(rdb, 'demo-fjordby'));
    const notices = fjordby!.needs.filter((need) => need.kind === 'procurement');
    expect(notices.map((need) => [need.id, need.url])).toEqual([
      [`procurement:${open}`, `/procurement/${open}`],
    ]);
    expect(notices[0]!.themes.length).toBeGreaterThan(0);
  });

  it('drops a notice from the RSS feed when its deadline passes, and keeps it in the calendar', async () => {
    await letNoticeDeadlinePass(db, open);
    const fjordby = await asVisitor((rdb) => findCityForMatching(rdb, 'demo-fjordby'));
    expect(fjordby!.needs.filter((need) => need.kind === 'procurement')).toEqual([]);
    expect(await asVisitor((rdb) => listOpenNotices(rdb))).toEqual([]);
    expect((await asVisitor((rdb) => listNoticeDeadlines(rdb))).map((n) => n.id)).toContain(open);
    expect(await asVisitor((rdb) => nextNoticeDeadline(rdb))).toBeNull();
  });
});
