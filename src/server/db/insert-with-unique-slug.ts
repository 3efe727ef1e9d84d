import type { Queryable } from './types';
import { slugify } from '../../lib/slug';
import type { RequestDb } from './request-context';

/**
 * Runs an insert with a slug derived from the title, retrying with `-2`,
 * `-3`… when the slug is taken (possibly by a draft the caller cannot see).
 * Each try runs in a savepoint so a conflict does not abort the request.
 */
export async function insertWithUniqueSlug<T>(
  db: RequestDb,
  title: string,
  insert: (tx: Queryable, slug: string) => Promise<T>,
): Promise<T> {
  const base = slugify(title);
  for (let attempt = 1; attempt <= 20; attempt += 1) {
    const slug = attempt === 1 ? base : `${base}-${attempt}`;
    try {
      return await db.savepoint((tx) => insert(tx, slug));
    } catch (error) {
      const {
        code,
        constraint_name: pgConstraint,
        constraint: liteConstraint,
      } = error as {
        code?: string;
        constraint_name?: string;
        constraint?: string;
      };
      const constraint = pgConstraint ?? liteConstraint;
      const slugConflict = code === '23505' && (!constraint || constraint.endsWith('slug_key'));
      if (!slugConflict) throw error;
    }
  }
  const suffix = Math.random().toString(36).slice(2, 8);
  return db.savepoint((tx) => insert(tx, `${base}-${suffix}`));
}
