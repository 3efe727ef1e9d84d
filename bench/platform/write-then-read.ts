import http from 'node:http';
import type { Session } from '../lib/http-session';

export interface WriteThenRead {
  kind: string;
  writes: number;
  /** Reads that showed the write just made. */
  seen: number;
  /** The first few reads that did not, for the report. */
  misses: string[];
}

/** GET on a fresh connection (no keep-alive): another connection than the write's. */
export function getOnNewConnection(
  url: string,
): Promise<{ status: number; body: string; cache: string | null }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            cache: (response.headers['x-render-cache'] as string) ?? null,
          }),
        );
        response.on('error', reject);
      })
      .on('error', reject);
  });
}

/**
 * `count` times: a coordinator saves a news item with a new title through the
 * real edit form, then a visitor reads the item's page on a new connection
 * (through `readBaseUrl`, which may be another app server on the same
 * database); the page must show the new title every time.
 */
export async function writeThroughFormThenRead(options: {
  writeBaseUrl: string;
  readBaseUrl: string;
  session: Session;
  slug: string;
  count: number;
}): Promise<WriteThenRead> {
  const outcome: WriteThenRead = { kind: 'form write, then read', writes: 0, seen: 0, misses: [] };
  const run = Date.now().toString(36);
  const pagePath = `/news/${options.slug}`;
  // Prime the cache with the page as it is.
  await getOnNewConnection(`${options.readBaseUrl}${pagePath}`);
  for (let i = 0; i < options.count; i += 1) {
    const title = `Bench write ${run} ${i}`;
    const response = await fetch(`${options.writeBaseUrl}${pagePath}/edit`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: options.writeBaseUrl,
        cookie: options.session.cookie,
      },
      body: new URLSearchParams({
        title,
        summary: 'Written by the benchmark.',
        body: '',
        cover_alt: '',
        action: 'save',
      }),
    });
    await response.arrayBuffer();
    if (response.status !== 303) throw new Error(`The edit form answered ${response.status}`);
    outcome.writes += 1;
    const read = await getOnNewConnection(`${options.readBaseUrl}${pagePath}`);
    if (read.status === 200 && read.body.includes(title)) outcome.seen += 1;
    else if (outcome.misses.length < 5) outcome.misses.push(`${i}: ${read.status} ${read.cache}`);
  }
  return outcome;
}

/**
 * `count` times: the title changes by SQL on another database connection
 * (`write`), then a visitor reads the page on a new HTTP connection.
 */
export async function writeBySqlThenRead(options: {
  readBaseUrl: string;
  slug: string;
  count: number;
  write: (title: string) => Promise<void>;
}): Promise<WriteThenRead> {
  const outcome: WriteThenRead = {
    kind: 'SQL write (another connection), then read',
    writes: 0,
    seen: 0,
    misses: [],
  };
  const run = Date.now().toString(36);
  const pagePath = `/news/${options.slug}`;
  await getOnNewConnection(`${options.readBaseUrl}${pagePath}`);
  for (let i = 0; i < options.count; i += 1) {
    const title = `Bench SQL write ${run} ${i}`;
    await options.write(title);
    outcome.writes += 1;
    const read = await getOnNewConnection(`${options.readBaseUrl}${pagePath}`);
    if (read.status === 200 && read.body.includes(title)) outcome.seen += 1;
    else if (outcome.misses.length < 5) outcome.misses.push(`${i}: ${read.status} ${read.cache}`);
  }
  return outcome;
}
