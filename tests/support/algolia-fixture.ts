import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local HTTP stand-in for the parts of Algolia's Search REST API the portal
 * calls (documented at algolia.com/doc/rest-api/search): batch writes, task
 * status, settings, query and browse. It keeps objects in memory, records
 * every request so tests can assert what was sent, checks the API keys, and
 * can be told to fail requests to prove that the worker retries.
 *
 * Its search is deliberately simple (word and prefix matching with Algolia's
 * typo allowance, filters, facets, distinct, highlight/snippet markers): it is
 * enough for the contract suite, not a relevance model.
 */
export interface RecordedRequest {
  method: string;
  path: string;
  body: unknown;
  apiKey: string | undefined;
}

type AlgoliaObject = Record<string, unknown> & { objectID: string };

export interface AlgoliaFixture {
  url: string;
  appId: string;
  adminKey: string;
  searchKey: string;
  requests: RecordedRequest[];
  objects(indexName: string): Map<string, AlgoliaObject>;
  settings(indexName: string): Record<string, unknown>;
  /** Fails the next `count` requests whose path matches with this HTTP status. */
  failNext(count: number, pathPattern: RegExp, status?: number): void;
  reset(): void;
  close(): Promise<void>;
}

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/ø/gi, 'o')
    .replace(/æ/gi, 'ae')
    .replace(/ß/g, 'ss')
    .toLowerCase();

const tokenize = (text: string) =>
  fold(text)
    .split(/[^\p{L}\p{N}.]+/u)
    .filter(Boolean);

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

/** Algolia's default typo allowance: 1 typo from 4 letters, 2 from 8. */
function wordMatches(word: string, token: string, prefix: boolean): boolean {
  if (token === word || (prefix && token.startsWith(word))) return true;
  const typos = word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0;
  if (typos === 0 || /\d/.test(word)) return false;
  if (distance(word, token) <= typos) return true;
  return (
    prefix && token.length > word.length && distance(word, token.slice(0, word.length)) <= typos
  );
}

const searchable = [
  'title',
  'code',
  'themes',
  'kpi_codes',
  'subtype',
  'country',
  'summary',
  'text',
];

function textOf(object: AlgoliaObject, attribute: string): string {
  const value = object[attribute];
  if (Array.isArray(value)) return value.join(' ');
  return typeof value === 'string' ? value : '';
}

function matchesFilter(object: AlgoliaObject, filters: string | undefined): boolean {
  if (!filters) return true;
  return filters.split(' AND ').every((clause) => {
    const facet = /^(\w+):"((?:[^"\\]|\\.)*)"$/.exec(clause.trim());
    if (facet) {
      const [, attribute, raw] = facet;
      const value = raw!.replace(/\\(.)/g, '$1');
      const field = object[attribute!];
      return Array.isArray(field) ? field.map(String).includes(value) : String(field) === value;
    }
    const numeric = /^(\w+)\s*(<=|>=|=|<|>)\s*(-?\d+(?:\.\d+)?)$/.exec(clause.trim());
    if (numeric) {
      const [, attribute, op, raw] = numeric;
      const limit = Number(raw);
      const field = object[attribute!];
      const values = (Array.isArray(field) ? field : [field]).map(Number);
      return values.some((v) =>
        op === '<='
          ? v <= limit
          : op === '>='
            ? v >= limit
            : op === '<'
              ? v < limit
              : op === '>'
                ? v > limit
                : v === limit,
      );
    }
    throw new Error(`fixture cannot parse filter clause: ${clause}`);
  });
}

function highlight(
  text: string,
  words: string[],
  pre: string,
  post: string,
): { value: string; matched: boolean } {
  let matched = false;
  const value = text.replace(/[\p{L}\p{N}.]+/gu, (token) => {
    const folded = fold(token);
    const hit = words.some((word, index) => wordMatches(word, folded, index === words.length - 1));
    if (hit) matched = true;
    return hit ? `${pre}${token}${post}` : token;
  });
  return { value, matched };
}

function snippet(text: string, words: string[], pre: string, post: string, size = 30) {
  const tokens = text.split(/\s+/);
  const at = tokens.findIndex((token) =>
    words.some((word, i) => wordMatches(word, fold(token), i === words.length - 1)),
  );
  const start = Math.max(0, at - 5);
  const window = tokens.slice(start, start + size).join(' ');
  const result = highlight(window, words, pre, post);
  return { value: result.value, matchLevel: result.matched ? 'full' : 'none' };
}

/** Starts the fixture on a free port of 127.0.0.1. */
export async function startAlgoliaFixture(): Promise<AlgoliaFixture> {
  const appId = 'FIXTUREAPP';
  const adminKey = 'fixture-admin-key';
  const searchKey = 'fixture-search-key';
  const indices = new Map<
    string,
    { objects: Map<string, AlgoliaObject>; settings: Record<string, unknown> }
  >();
  const requests: RecordedRequest[] = [];
  let failures: { count: number; pattern: RegExp; status: number }[] = [];
  let taskCounter = 1000;
  const pendingPolls = new Map<number, number>();

  const index = (name: string) => {
    let entry = indices.get(name);
    if (!entry) {
      entry = { objects: new Map(), settings: {} };
      indices.set(name, entry);
    }
    return entry;
  };
  const newTask = () => {
    taskCounter += 1;
    // Each task reports "notPublished" once, so clients must poll.
    pendingPolls.set(taskCounter, 1);
    return taskCounter;
  };

  function search(name: string, params: Record<string, unknown>) {
    const { objects, settings } = index(name);
    const words = tokenize(String(params.query ?? ''));
    const pre = String(params.highlightPreTag ?? settings.highlightPreTag ?? '<em>');
    const post = String(params.highlightPostTag ?? settings.highlightPostTag ?? '</em>');
    const scored: { object: AlgoliaObject; score: number }[] = [];
    for (const object of objects.values()) {
      if (!matchesFilter(object, params.filters as string | undefined)) continue;
      let score = 0;
      const all = words.every((word, i) => {
        const prefix = i === words.length - 1;
        return searchable.some((attribute, rank) => {
          const hit = tokenize(textOf(object, attribute)).some((token) =>
            wordMatches(word, token, prefix),
          );
          if (hit) score += searchable.length - rank;
          return hit;
        });
      });
      if (all) scored.push({ object, score });
    }
    scored.sort(
      (a, b) =>
        b.score - a.score ||
        Number(a.object.chunk ?? 0) - Number(b.object.chunk ?? 0) ||
        a.object.objectID.localeCompare(b.object.objectID),
    );
    const distinctOn =
      (params.distinct ?? settings.distinct)
        ? (settings.attributeForDistinct as string | undefined)
        : undefined;
    const seen = new Set<unknown>();
    const groups = distinctOn
      ? scored.filter(({ object }) => {
          const key = object[distinctOn];
          if (seen.has(key)) return false;
          seen.add(key);
          return true;
        })
      : scored;
    const facets: Record<string, Record<string, number>> = {};
    for (const attribute of (params.facets as string[] | undefined) ?? []) {
      const counts: Record<string, number> = {};
      for (const { object } of groups) {
        const value = object[attribute];
        for (const v of Array.isArray(value) ? value : value == null ? [] : [value]) {
          counts[String(v)] = (counts[String(v)] ?? 0) + 1;
        }
      }
      facets[attribute] = counts;
    }
    const hitsPerPage = Number(params.hitsPerPage ?? settings.hitsPerPage ?? 20);
    const page = Number(params.page ?? 0);
    const retrieve = params.attributesToRetrieve as string[] | undefined;
    const hits = groups.slice(page * hitsPerPage, (page + 1) * hitsPerPage).map(({ object }) => {
      const shown: Record<string, unknown> = { objectID: object.objectID };
      for (const [key, value] of Object.entries(object)) {
        if (!retrieve || retrieve.includes('*') || retrieve.includes(key)) shown[key] = value;
      }
      return {
        ...shown,
        _highlightResult: {
          title: { value: highlight(textOf(object, 'title'), words, pre, post).value },
        },
        _snippetResult: {
          summary: snippet(textOf(object, 'summary'), words, pre, post),
          text: snippet(textOf(object, 'text'), words, pre, post),
        },
      };
    });
    return {
      hits,
      nbHits: groups.length,
      page,
      hitsPerPage,
      nbPages: Math.ceil(groups.length / Math.max(1, hitsPerPage)),
      facets,
      processingTimeMS: 1,
      query: params.query ?? '',
      params: '',
      exhaustiveNbHits: true,
    };
  }

  function handle(
    method: string,
    path: string,
    body: Record<string, unknown>,
    apiKey: string | undefined,
  ) {
    const isWrite = !(method === 'GET' || /\/(query|browse)$/.test(path));
    if (apiKey !== adminKey && (apiKey !== searchKey || isWrite || /\/browse$/.test(path))) {
      return { status: 403, body: { message: 'Invalid Application-ID or API key', status: 403 } };
    }
    let match = /^\/1\/indexes\/([^/]+)\/batch$/.exec(path);
    if (match && method === 'POST') {
      const { objects } = index(decodeURIComponent(match[1]!));
      const ids: string[] = [];
      for (const request of (body.requests as { action: string; body: AlgoliaObject }[]) ?? []) {
        const id = request.body.objectID;
        ids.push(id);
        if (request.action === 'addObject' || request.action === 'updateObject')
          objects.set(id, { ...request.body });
        else if (request.action === 'deleteObject') objects.delete(id);
        else if (request.action === 'partialUpdateObject')
          objects.set(id, { ...objects.get(id), ...request.body });
        else
          return {
            status: 400,
            body: { message: `unsupported action ${request.action}`, status: 400 },
          };
      }
      return { status: 200, body: { taskID: newTask(), objectIDs: ids } };
    }
    match = /^\/1\/indexes\/([^/]+)\/task\/(\d+)$/.exec(path);
    if (match && method === 'GET') {
      const id = Number(match[2]);
      const left = pendingPolls.get(id) ?? 0;
      pendingPolls.set(id, Math.max(0, left - 1));
      return {
        status: 200,
        body: { status: left > 0 ? 'notPublished' : 'published', pendingTask: left > 0 },
      };
    }
    match = /^\/1\/indexes\/([^/]+)\/settings$/.exec(path);
    if (match && method === 'PUT') {
      const entry = index(decodeURIComponent(match[1]!));
      entry.settings = { ...entry.settings, ...body };
      return { status: 200, body: { taskID: newTask(), updatedAt: new Date().toISOString() } };
    }
    if (match && method === 'GET')
      return { status: 200, body: index(decodeURIComponent(match[1]!)).settings };
    match = /^\/1\/indexes\/([^/]+)\/query$/.exec(path);
    if (match && method === 'POST')
      return { status: 200, body: search(decodeURIComponent(match[1]!), body) };
    match = /^\/1\/indexes\/([^/]+)\/browse$/.exec(path);
    if (match && method === 'POST') {
      const { objects } = index(decodeURIComponent(match[1]!));
      const all = [...objects.values()].sort((a, b) => a.objectID.localeCompare(b.objectID));
      const start = body.cursor ? Number(body.cursor) : 0;
      const size = Number(body.hitsPerPage ?? 1000);
      const retrieve = body.attributesToRetrieve as string[] | undefined;
      const hits = all
        .slice(start, start + size)
        .map((object) =>
          Object.fromEntries(
            Object.entries(object).filter(
              ([key]) => key === 'objectID' || !retrieve || retrieve.includes(key),
            ),
          ),
        );
      const next = start + size < all.length ? String(start + size) : undefined;
      return {
        status: 200,
        body: {
          hits,
          nbHits: all.length,
          page: 0,
          hitsPerPage: size,
          ...(next ? { cursor: next } : {}),
        },
      };
    }
    return {
      status: 404,
      body: { message: `fixture has no route for ${method} ${path}`, status: 404 },
    };
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fixture');
      const text = Buffer.concat(chunks).toString('utf8');
      const body = (text ? JSON.parse(text) : {}) as Record<string, unknown>;
      const apiKey = req.headers['x-algolia-api-key'] as string | undefined;
      requests.push({ method: req.method ?? 'GET', path: url.pathname, body, apiKey });
      const failure = failures.find((f) => f.count > 0 && f.pattern.test(url.pathname));
      let answer: { status: number; body: unknown };
      if (failure) {
        failure.count -= 1;
        answer = {
          status: failure.status,
          body: { message: 'fixture failure', status: failure.status },
        };
      } else if (req.headers['x-algolia-application-id'] !== appId) {
        answer = { status: 403, body: { message: 'Invalid Application-ID', status: 403 } };
      } else {
        answer = handle(req.method ?? 'GET', url.pathname, body, apiKey);
      }
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    appId,
    adminKey,
    searchKey,
    requests,
    objects: (name) => index(name).objects,
    settings: (name) => index(name).settings,
    failNext(count, pathPattern, status = 500) {
      failures.push({ count, pattern: pathPattern, status });
    },
    reset() {
      indices.clear();
      requests.length = 0;
      failures = [];
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
