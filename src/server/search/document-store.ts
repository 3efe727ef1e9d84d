import { searchRecordSchema, type SearchRecord } from '../../lib/search/record-schema';
import type { Queryable } from '../db/types';

/**
 * Reads search records in the shared record shape, for jobs that copy them
 * to an external index (outbox worker, reindex, reconcile). Run on the
 * privileged connection: scheduled records are included, because the index
 * filters them by `visible_from` and hits are re-checked against RLS anyway.
 */
const recordColumns = `d.id, d.type, d.title, d.summary, d.body as text, d.url, d.code, d.subtype,
  d.hubs, d.country, d.region, d.sdgs::int[] as sdgs, d.themes, d.kpi_codes, d.links, d.is_demo,
  d.dated_at as date, d.visible_from, d.content_hash`;

type RecordRow = Omit<SearchRecord, 'date' | 'visible_from'> & {
  date: Date | string | null;
  visible_from: Date | string | null;
};

function iso(value: Date | string | null): string | null {
  if (value === null) return null;
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

function toRecord(row: RecordRow): SearchRecord {
  return searchRecordSchema.parse({
    ...row,
    date: iso(row.date),
    visible_from: iso(row.visible_from),
  });
}

/** The records with these ids that exist now; missing ids were deleted or unpublished. */
export async function loadSearchRecords(
  db: Queryable,
  ids: readonly string[],
): Promise<SearchRecord[]> {
  if (ids.length === 0) return [];
  const rows = await db.query<RecordRow>(
    `select ${recordColumns} from public.search_documents d where d.id = any($1::text[])`,
    [ids],
  );
  return rows.map(toRecord);
}

/** Every record, in pages of `pageSize`, ordered by id (keyset pagination, constant memory). */
export async function* iterateSearchRecords(
  db: Queryable,
  pageSize = 500,
): AsyncGenerator<SearchRecord[]> {
  let after = '';
  for (;;) {
    const rows = await db.query<RecordRow>(
      `select ${recordColumns} from public.search_documents d where d.id > $1 order by d.id limit ${pageSize}`,
      [after],
    );
    if (rows.length === 0) return;
    yield rows.map(toRecord);
    after = rows[rows.length - 1]!.id;
  }
}

/** How many records exist (for progress bars). */
export async function countSearchRecords(db: Queryable): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    'select count(*)::int as n from public.search_documents',
  );
  return row?.n ?? 0;
}

/** Content hash of every record, by id: what reconcile compares the index with. */
export async function listRecordHashes(db: Queryable): Promise<Map<string, string>> {
  const rows = await db.query<{ id: string; content_hash: string }>(
    'select id, content_hash from public.search_documents',
  );
  return new Map(rows.map((row) => [row.id, row.content_hash]));
}
