import type { z } from 'zod';
import { isMessageKey, type FieldError } from './form-errors';
import { bodyLimits, formatByteLimit } from './limits';
import { BodyTooLargeError, readBodyBytes } from './read-body';
import type { BodyAccess } from './read-form';

/** The outcome of reading a JSON body; `field` in errors is the JSON path ("items.0.title"). */
export type JsonSubmission<T> =
  { ok: true; data: T } | { ok: false; status: 400 | 413 | 422; errors: FieldError[] };

/**
 * Reads a JSON body (API routes) through the byte-counting reader and
 * validates it with `schema`. Not JSON, not UTF-8 or nested beyond reason:
 * 400. Over `limit`: 413. Fails the schema, or a string holds a NUL byte
 * (PostgreSQL cannot store it): 422.
 */
export async function readJson<S extends z.ZodType>(
  access: BodyAccess,
  schema: S,
  options: { limit?: number } = {},
): Promise<JsonSubmission<z.output<S>>> {
  const { request } = access;
  const limit = options.limit ?? bodyLimits.json;
  const mediaType = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  const unreadable: JsonSubmission<never> = {
    ok: false,
    status: 400,
    errors: [{ field: 'body', message: 'form.error.unreadable' }],
  };
  if (mediaType !== 'application/json' && !mediaType.endsWith('+json')) return unreadable;
  let value: unknown;
  try {
    const bytes = await readBodyBytes(request, limit);
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      return {
        ok: false,
        status: 413,
        errors: [
          {
            field: 'body',
            message: 'form.error.tooLarge',
            params: { size: formatByteLimit(limit) },
          },
        ],
      };
    }
    return unreadable;
  }
  const nul = findNul(value);
  if (nul !== null)
    return { ok: false, status: 422, errors: [{ field: nul, message: 'form.error.nul' }] };
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, data: parsed.data };
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  for (const issue of parsed.error.issues) {
    const field = issue.path.map(String).join('.') || 'body';
    if (seen.has(field)) continue;
    seen.add(field);
    errors.push({
      field,
      message: isMessageKey(issue.message) ? issue.message : 'form.error.invalid',
    });
  }
  return { ok: false, status: 422, errors };
}

/** The path of the first string (or key) holding a NUL byte, walked without recursion. */
function findNul(root: unknown): string | null {
  const stack: { value: unknown; path: string }[] = [{ value: root, path: '' }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return path || 'body';
    } else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        const childPath = path ? `${path}.${key}` : key;
        if (key.includes('\u0000')) return path || 'body';
        stack.push({ value: child, path: childPath });
      }
    }
  }
  return null;
}
