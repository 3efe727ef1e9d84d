import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withRequestContext, type RequestDb } from '../../src/server/db/request-context';
import type { Database } from '../../src/server/db/types';
import { rateLimitRules } from '../../src/server/http/rate-limit';
import { createNewsItem } from '../../src/server/news/create-news-item';
import { parseNewsForm } from '../../src/server/news/news-form';
import { updateNewsItem } from '../../src/server/news/update-news-item';
import { createLocalDiskStorage } from '../../src/server/storage/local-disk-storage';
import { uploadImage } from '../../src/server/storage/upload-image';
import { craftedPng, makeTestFiles } from '../fixtures/test-images';
import { testTargets } from '../support/databases';
import { claimsOf, userIdOf, type Persona } from '../support/personas';

const news = (title: string) => {
  const parsed = parseNewsForm({ title, summary: 'Summary', body: '', cover_alt: 'A cover' });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.input;
};

/**
 * Runs `count` calls, four at a time: concurrent enough that the limit is
 * counted under contention, without queueing a hundred transactions behind a
 * four-connection pool (on a loaded machine their wait for a connection
 * outlasts the driver's connect timeout, and the test would measure that).
 */
async function inBatches<T>(count: number, call: () => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let done = 0; done < count; done += 4) {
    out.push(...(await Promise.all(Array.from({ length: Math.min(4, count - done) }, call))));
  }
  return out;
}

describe.each(testTargets())('uploads on $name', (target) => {
  let db: Database;
  let austria: string;
  let files: Awaited<ReturnType<typeof makeTestFiles>>;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-uploads-checks-'));
  const storage = createLocalDiskStorage(dir);
  const stored = () => fs.readdirSync(dir);
  const as = <T>(persona: Persona, fn: (rdb: RequestDb) => Promise<T>) =>
    withRequestContext(claimsOf(persona), fn, () => Promise.resolve(db));
  const upload = (persona: Exclude<Persona, 'anon'>, bytes: Uint8Array) =>
    as(persona, (rdb) =>
      uploadImage(rdb, storage, {
        bytes,
        originalName: 'photo.png',
        hubId: austria,
        userId: userIdOf(persona),
      }),
    );
  const mediaRows = async () =>
    (await db.query<{ n: number }>('select count(*)::int as n from public.media_files'))[0]!.n;

  beforeAll(async () => {
    db = await target.open();
    austria = (
      await db.query<{ id: string }>("select id from public.hubs where slug = 'austria'")
    )[0]!.id;
    files = await makeTestFiles();
  });
  afterAll(async () => {
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses someone who may not upload for the hub before looking at the file', async () => {
    // A header that parses and data that would not decode: "forbidden", not
    // "damaged", shows the file was never decoded.
    const broken = craftedPng(64, 64);
    expect(await upload('member', broken)).toEqual({ ok: false, reason: 'forbidden' });
    expect(await upload('otherCoordinator', craftedPng(6300, 6300))).toEqual({
      ok: false,
      reason: 'forbidden',
    });
    expect(await upload('coordinator', broken)).toEqual({ ok: false, reason: 'damaged' });
  });

  it('refuses a declared size beyond the limits from the header alone (decompression bombs)', async () => {
    // 6,300 × 6,300 declared in 69 bytes: decoding would fail as "damaged".
    for (const [width, height] of [
      [6300, 6300],
      [13_000, 100],
      [100, 13_000],
    ] as const) {
      expect(await upload('coordinator', craftedPng(width, height)), `${width}×${height}`).toEqual({
        ok: false,
        reason: 'too-many-pixels',
      });
    }
    expect(stored()).toEqual([]);
  });

  it('limits uploads per account, counting only files that get decoded', async () => {
    const { max } = rateLimitRules.uploadsPerAccount;
    const png = new Uint8Array(files.png);
    const results = await inBatches(max + 3, () => upload('otherCoordinator', png));
    // otherCoordinator does not coordinate Austria: refusals cost nothing and count nothing.
    expect(results.every((r) => !r.ok && r.reason === 'forbidden')).toBe(true);
    const mine = await inBatches(max + 3, () => upload('admin', png));
    expect(mine.filter((r) => r.ok)).toHaveLength(max);
    const limited = mine.filter((r) => !r.ok && r.reason === 'rate-limited');
    expect(limited).toHaveLength(3);
    expect(limited[0]).toMatchObject({ retryAfter: expect.any(Number) });
    expect(stored()).toHaveLength(max);
    expect(await mediaRows()).toBeGreaterThanOrEqual(max);
  });

  it('stores no cover when the save that carries it fails or is refused', async () => {
    const before = stored().length;
    const rowsBefore = await mediaRows();
    const cover = { bytes: new Uint8Array(files.jpeg), name: 'cover.jpg' };
    // A statement failing after the cover was checked (here: a NUL byte, which
    // Postgres refuses in text) rolls the request back.
    await expect(
      as('coordinator', (rdb) =>
        createNewsItem(rdb, storage, {
          hubId: austria,
          userId: userIdOf('coordinator'),
          news: { ...news('Has a cover'), title: 'Nul \u0000 title' },
          cover,
          publishedAt: null,
        }),
      ),
    ).rejects.toThrow();
    // An edit of an item the caller cannot see is refused.
    expect(
      await as('coordinator', (rdb) =>
        updateNewsItem(rdb, storage, {
          id: randomUUID(),
          hubId: austria,
          userId: userIdOf('coordinator'),
          currentCoverId: null,
          news: news('Nothing to update'),
          cover,
          publishedAt: null,
        }),
      ),
    ).toMatchObject({ ok: false });
    expect(stored()).toHaveLength(before);
    expect(await mediaRows()).toBe(rowsBefore);

    // The same cover with a save that works is stored once, with its row.
    const created = await as('coordinator', (rdb) =>
      createNewsItem(rdb, storage, {
        hubId: austria,
        userId: userIdOf('coordinator'),
        news: news('A cover that stays'),
        cover,
        publishedAt: null,
      }),
    );
    expect(created.ok).toBe(true);
    expect(stored()).toHaveLength(before + 1);
    expect(await mediaRows()).toBe(rowsBefore + 1);
  });
});
