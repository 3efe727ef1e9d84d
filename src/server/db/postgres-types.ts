import type { CustomTypesConfig } from 'pg';
import type { Queryable } from './types';

/**
 * How values read from PostgreSQL become JavaScript values. The portal's code
 * (and PGlite's results) expect these, which are also what the previous
 * driver returned, so the table is explicit rather than node-postgres'
 * defaults (which turn intervals and points into objects and dates into local
 * midnight):
 * - int2, int4, oid, float4, float8 → number;
 * - int8 and numeric → string (exact: ids and amounts never lose digits);
 * - bool → boolean; json, jsonb → parsed; bytea → Buffer;
 * - date, timestamp, timestamptz → Date (`new Date(text)`: a date is UTC midnight);
 * - arrays of any type → arrays of the element's JavaScript value, NULL → null;
 * - everything else (text, uuid, enums, interval, time, inet…) → the text as sent.
 */
const scalarParsers = new Map<number, (text: string) => unknown>();
const register = (oids: number[], parse: (text: string) => unknown) => {
  for (const oid of oids) scalarParsers.set(oid, parse);
};
register([21, 23, 26, 700, 701], (text) => +text);
register([16], (text) => text === 't');
register([114, 3802], (text) => JSON.parse(text) as unknown);
register([17], (text) => Buffer.from(text.slice(2), 'hex'));
register([1082, 1114, 1184], (text) => new Date(text));

/** Array type OID → element type OID and delimiter, as `pg_type` lists them. */
export type ArrayTypes = Map<number, { element: number; delimiter: string }>;

/** Built-in array types, known before the catalogue has been read. */
const builtinArrays: [number, number][] = [
  [1000, 16],
  [1001, 17],
  [1005, 21],
  [1007, 23],
  [1016, 20],
  [1021, 700],
  [1022, 701],
  [1009, 25],
  [1015, 1043],
  [1014, 1042],
  [1231, 1700],
  [1182, 1082],
  [1115, 1114],
  [1185, 1184],
  [199, 114],
  [3807, 3802],
  [2951, 2950],
  [1028, 26],
  [1003, 19],
];

/**
 * Parses a PostgreSQL array literal (`{a,"b c",NULL,{1,2}}`, optionally
 * prefixed by its bounds, `[0:1]={…}`) into nested arrays, each element
 * through `parseElement`. Quoted elements may contain escaped quotes and
 * backslashes; an unquoted NULL is SQL NULL.
 */
export function parseArrayLiteral(
  text: string,
  parseElement: (text: string) => unknown,
  delimiter = ',',
): unknown[] {
  let i = text.startsWith('[') ? text.indexOf('=') + 1 : 0;
  const parseLevel = (): unknown[] => {
    const items: unknown[] = [];
    i += 1; // the opening brace
    while (i < text.length) {
      const char = text[i];
      if (char === '}') {
        i += 1;
        return items;
      }
      if (char === delimiter) {
        i += 1;
        continue;
      }
      if (char === '{') {
        items.push(parseLevel());
        continue;
      }
      if (char === '"') {
        let value = '';
        i += 1;
        while (i < text.length && text[i] !== '"') {
          if (text[i] === '\\') i += 1;
          value += text[i];
          i += 1;
        }
        i += 1; // the closing quote
        items.push(parseElement(value));
        continue;
      }
      let end = i;
      while (end < text.length && text[end] !== delimiter && text[end] !== '}') end += 1;
      const raw = text.slice(i, end).trim();
      items.push(raw === 'NULL' ? null : parseElement(raw));
      i = end;
    }
    return items;
  };
  return parseLevel();
}

const asText = (text: string) => text;

/**
 * The type table handed to node-postgres. `arrays` is read from the
 * catalogue when the pool opens and again after scripts (migrations may
 * create enums), so arrays of the portal's own types parse too; a type the
 * table does not know stays text, never a wrong value.
 */
export function createTypeParsers(arrays: ArrayTypes): CustomTypesConfig {
  for (const [array, element] of builtinArrays) {
    if (!arrays.has(array)) arrays.set(array, { element, delimiter: ',' });
  }
  const getTypeParser = (oid: number): ((text: string) => unknown) => {
    const scalar = scalarParsers.get(oid);
    if (scalar) return scalar;
    const array = arrays.get(oid);
    if (array) {
      const element = scalarParsers.get(array.element) ?? asText;
      return (text) => parseArrayLiteral(text, element, array.delimiter);
    }
    return asText;
  };
  return { getTypeParser: getTypeParser as CustomTypesConfig['getTypeParser'] };
}

/** Reads every array type the database knows (built-in and the portal's enums and domains). */
export async function readArrayTypes(db: Queryable, into: ArrayTypes): Promise<void> {
  const rows = await db.query<{ oid: number; element: number; delimiter: string }>(
    `select t.oid::int4 as oid, t.typelem::int4 as element, t.typdelim::text as delimiter
       from pg_catalog.pg_type t
      where t.typcategory = 'A' and t.typelem <> 0`,
  );
  for (const row of rows) into.set(row.oid, { element: row.element, delimiter: row.delimiter });
}
