import type { JwtClaims } from '../db/claims';
import type { Queryable } from '../db/types';

/**
 * Saves the signed-in user's display name and affiliation. RLS allows a
 * member to edit only their own profile; a missing row (an account created by
 * Supabase Auth) is created.
 */
export async function updateProfile(
  db: Queryable,
  claims: JwtClaims,
  input: { displayName: string; affiliation: string | null },
): Promise<void> {
  const updated = await db.query(
    'update public.profiles set display_name = $2, affiliation = $3 where id = $1 returning id',
    [claims.sub, input.displayName, input.affiliation],
  );
  if (updated.length === 0) {
    await db.query(
      'insert into public.profiles (id, display_name, affiliation) values ($1, $2, $3)',
      [claims.sub, input.displayName, input.affiliation],
    );
  }
}
