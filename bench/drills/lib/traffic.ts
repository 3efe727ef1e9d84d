import type { Session } from '../../lib/http-session';

export { signIn, type Session } from '../../lib/http-session';
/**
 * Real HTTP traffic for the drills: readers walking public and signed-in
 * pages, writers creating news drafts through the same form a coordinator
 * uses. Every request is recorded (when it started and ended, its status or
 * the network error) so a drill can say afterwards what happened when.
 */

/** Pages the readers cycle through: listings, details, search, a hub. */
export const readerPaths = [
  '/',
  '/news',
  '/events',
  '/hubs/austria',
  '/deliverables',
  '/cities',
  '/search?q=city',
  '/directory',
];

export interface RequestRecord {
  kind: 'read' | 'write';
  path: string;
  startedAt: number;
  endedAt: number;
  /** HTTP status; 0 when no response came (refused, reset, timed out). */
  status: number;
  error?: string;
  retryAfter?: string | null;
}

const requestTimeoutMs = Number(process.env.DRILL_REQUEST_TIMEOUT_MS ?? 15_000);

export interface AcknowledgedWrite {
  title: string;
  slug: string;
  at: number;
}

async function timedFetch(
  kind: RequestRecord['kind'],
  url: string,
  init: RequestInit,
): Promise<{ record: RequestRecord; response?: Response }> {
  const startedAt = performance.now();
  const path = new URL(url).pathname;
  try {
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      signal: AbortSignal.timeout(requestTimeoutMs),
    });
    await response.arrayBuffer();
    return {
      record: {
        kind,
        path,
        startedAt,
        endedAt: performance.now(),
        status: response.status,
        retryAfter: response.headers.get('retry-after'),
      },
      response,
    };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    return {
      record: {
        kind,
        path,
        startedAt,
        endedAt: performance.now(),
        status: 0,
        error: cause?.code ?? (error as Error).name ?? String(error),
      },
    };
  }
}

export interface TrafficOptions {
  baseUrl: string;
  readers: number;
  /** One session per writer: each writer creates drafts in `hubId`. */
  writers: Session[];
  hubId: string;
  /** A signed-in reader's session (reads /account, which checks the session in the database). */
  memberSession?: Session;
  runId: string;
  /** Traffic stops at this moment (performance.now()) or when `stop()` is called. */
  until: number;
}

export interface Traffic {
  records: RequestRecord[];
  acknowledged: AcknowledgedWrite[];
  /** Resolves when every loop has finished its last request. */
  done: Promise<void>;
  stop(): void;
}

/**
 * Runs readers and writers until `until`. A write is acknowledged when the
 * portal answered 303 to /news/<slug>?saved=save: the draft was committed
 * before the response left (the request's transaction commits first), so an
 * acknowledged write that is missing afterwards is a lost write.
 */
export function runTraffic(options: TrafficOptions): Traffic {
  const records: RequestRecord[] = [];
  const acknowledged: AcknowledgedWrite[] = [];
  let stopped = false;
  const running = () => !stopped && performance.now() < options.until;
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  const reader = async (index: number) => {
    let step = index;
    while (running()) {
      const signedIn = index === 0 && options.memberSession;
      const path =
        signedIn && step % 3 === 0 ? '/account' : readerPaths[step % readerPaths.length]!;
      step += 1;
      const { record } = await timedFetch('read', `${options.baseUrl}${path}`, {
        headers: signedIn ? { cookie: options.memberSession!.cookie } : {},
      });
      records.push(record);
      // A 503 comes back in milliseconds: a short pause keeps the outage from
      // drowning the figures, and is still fine-grained enough to time recovery.
      if (record.status === 0 || record.status === 503) await pause(100);
    }
  };

  const writer = async (index: number, session: Session) => {
    let n = 0;
    while (running()) {
      n += 1;
      const title = `Drill ${options.runId} writer ${index} draft ${n}`;
      const { record, response } = await timedFetch('write', `${options.baseUrl}/news/new`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          origin: options.baseUrl,
          cookie: session.cookie,
        },
        body: new URLSearchParams({
          hub: options.hubId,
          title,
          summary: 'Written by the resilience drill.',
          body: '',
          action: 'save',
        }),
      });
      records.push(record);
      const location = response?.headers.get('location') ?? '';
      const match = /^\/news\/([^/?]+)\?saved=save$/.exec(location);
      if (record.status === 303 && match) {
        acknowledged.push({ title, slug: decodeURIComponent(match[1]!), at: record.endedAt });
      }
      if (record.status === 0 || record.status === 503) await pause(100);
    }
  };

  const done = Promise.all([
    ...Array.from({ length: options.readers }, (_, i) => reader(i)),
    ...options.writers.map((session, i) => writer(i + 1, session)),
  ]).then(() => undefined);
  return {
    records,
    acknowledged,
    done,
    stop() {
      stopped = true;
    },
  };
}

/** Whether a response counts as served: any 2xx, or the 303 a saved form answers with. */
export function isSuccess(record: RequestRecord): boolean {
  return record.status >= 200 && record.status < 400;
}
