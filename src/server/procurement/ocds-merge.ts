/**
 * Compiles OCDS releases into the compiled release of a record, following
 * the OCDS 1.1 merging rules (https://standard.open-contracting.org/1.1/en/schema/merging/):
 * - releases are applied oldest first (by `date`);
 * - the release-level `id`, `date` and `tag` are omitted (`omitWhenMerged`),
 *   and the compiled release gets `tag: ["compiled"]`, the newest date and an
 *   id of its own;
 * - objects merge field by field; a null value removes the field;
 * - arrays of objects that all have an `id` merge by identifier (an object
 *   with a known id merges into it, a new id is appended);
 * - any other array, and the schema's `wholeListMerge` arrays
 *   (`additionalIdentifiers`, `additionalClassifications`), replace the
 *   previous value whole.
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const omitWhenMerged = new Set(['id', 'date', 'tag']);
const wholeListMerge = new Set(['additionalIdentifiers', 'additionalClassifications']);

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function identifiable(list: Json[]): list is JsonObject[] {
  return (
    list.length > 0 && list.every((item) => isObject(item) && 'id' in item && item.id !== null)
  );
}

function mergeValue(key: string, previous: Json | undefined, next: Json): Json {
  if (Array.isArray(next)) {
    if (
      !wholeListMerge.has(key) &&
      Array.isArray(previous) &&
      identifiable(next) &&
      identifiable(previous)
    ) {
      return mergeById(previous, next);
    }
    if (!wholeListMerge.has(key) && identifiable(next)) return mergeById([], next);
    return next;
  }
  if (isObject(next)) return mergeObject(isObject(previous) ? previous : {}, next);
  return next;
}

function mergeById(previous: JsonObject[], next: JsonObject[]): JsonObject[] {
  const out = previous.map((item) => ({ ...item }));
  for (const item of next) {
    const index = out.findIndex((existing) => String(existing.id) === String(item.id));
    if (index === -1) out.push(mergeObject({}, item));
    else out[index] = mergeObject(out[index]!, item);
  }
  return out;
}

function mergeObject(previous: JsonObject, next: JsonObject, top = false): JsonObject {
  const out: JsonObject = { ...previous };
  for (const [key, value] of Object.entries(next)) {
    if (top && omitWhenMerged.has(key)) continue;
    if (value === null) {
      delete out[key];
      continue;
    }
    out[key] = mergeValue(key, out[key], value);
  }
  return out;
}

/** The compiled release of one contracting process (releases of one ocid, in any order). */
export function compileReleases(releases: readonly JsonObject[]): JsonObject {
  if (releases.length === 0) throw new Error('A compiled release needs at least one release');
  const ordered = [...releases].sort((a, b) => String(a.date).localeCompare(String(b.date)));
  const ocids = new Set(ordered.map((release) => release.ocid));
  if (ocids.size !== 1) throw new Error('Releases of several ocids cannot be compiled together');
  let compiled: JsonObject = {};
  for (const release of ordered) compiled = mergeObject(compiled, release, true);
  const newest = ordered[ordered.length - 1]!;
  return {
    ocid: newest.ocid!,
    id: `${String(newest.ocid)}-compiled-${String(newest.date)}`,
    date: newest.date!,
    tag: ['compiled'],
    ...compiled,
  };
}
