import type { SearchRecord } from '../../../lib/search/record-schema';

/** Algolia refuses records over 10 KB on most plans; stay well below it. */
export const maxAlgoliaRecordBytes = 9_000;

/** One Algolia object: a whole search record, or one chunk of a long one. */
export interface AlgoliaObject {
  objectID: string;
  document_id: string;
  chunk: number;
  chunk_count: number;
  type: SearchRecord['type'];
  title: string;
  summary: string;
  text: string;
  url: string;
  code: string | null;
  subtype: string | null;
  hubs: string[];
  country: string | null;
  region: string | null;
  sdgs: number[];
  themes: string[];
  kpi_codes: string[];
  link_ids: string[];
  is_demo: boolean;
  date_ts: number;
  visible_from_ts: number;
  content_hash: string;
}

/** The object id of a record's n-th chunk. */
export function chunkObjectId(documentId: string, chunk: number): string {
  return `${documentId}#${chunk}`;
}

function byteLength(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}

/** Cuts text into pieces whose JSON form fits `budget` bytes, at paragraph, sentence or word ends. */
export function splitText(text: string, budget: number): string[] {
  if (byteLength(text) <= budget) return [text];
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > 0) {
    if (byteLength(rest) <= budget) {
      pieces.push(rest);
      break;
    }
    // Largest prefix that fits, found by halving, then moved back to a boundary.
    let low = 1;
    let high = rest.length;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (byteLength(rest.slice(0, mid)) <= budget) low = mid;
      else high = mid - 1;
    }
    let cut = low;
    const window = rest.slice(0, low);
    for (const boundary of ['\n\n', '. ', ' ']) {
      const at = window.lastIndexOf(boundary);
      if (at > low * 0.5) {
        cut = at + boundary.length;
        break;
      }
    }
    pieces.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trimStart();
  }
  return pieces.filter((piece) => piece !== '');
}

function toTimestamp(value: string | null): number {
  return value ? Math.floor(new Date(value).getTime() / 1000) : 0;
}

/**
 * Maps a search record to Algolia objects. A record whose text would break
 * the size limit is split into chunks that repeat the short fields; the index
 * groups them again with `distinct` on `document_id`, so a long deliverable
 * is one result however many chunks match.
 */
export function toAlgoliaObjects(
  record: SearchRecord,
  maxBytes = maxAlgoliaRecordBytes,
): AlgoliaObject[] {
  const base: AlgoliaObject = {
    objectID: chunkObjectId(record.id, 0),
    document_id: record.id,
    chunk: 0,
    chunk_count: 1,
    type: record.type,
    title: record.title,
    summary: record.summary.slice(0, 1_000),
    text: '',
    url: record.url,
    code: record.code,
    subtype: record.subtype,
    hubs: record.hubs,
    country: record.country,
    region: record.region,
    sdgs: record.sdgs,
    themes: record.themes,
    kpi_codes: record.kpi_codes,
    link_ids: record.links.map((link) => link.id),
    is_demo: record.is_demo,
    date_ts: toTimestamp(record.date),
    visible_from_ts: toTimestamp(record.visible_from),
    content_hash: record.content_hash,
  };
  // Room for the text and for ids/numbers growing with the chunk number.
  const budget = maxBytes - byteLength(base) - 64;
  if (budget < 500)
    throw new Error(`Search record ${record.id} is too large to index even without its text`);
  const texts = record.text === '' ? [''] : splitText(record.text, budget);
  return texts.map((text, chunk) => ({
    ...base,
    objectID: chunkObjectId(record.id, chunk),
    chunk,
    chunk_count: texts.length,
    text,
  }));
}
