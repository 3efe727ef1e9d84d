import type { Queryable } from '../db/types';

export interface PossibleDuplicate {
  id: string;
  slug: string;
  name: string;
  status: 'verified' | 'pending';
  /** Why it looks like the same organization. */
  match: 'website' | 'name';
  /** The person already belongs to it. */
  isMember: boolean;
}

/**
 * Organizations that a registration under this name and website may
 * duplicate (`private.find_organization_duplicates`): the same website host,
 * verified or under review, or a similar name (trigram similarity on the
 * name without legal forms), verified only, so typing a name never reveals
 * a registration under review. At most five, website matches first.
 */
export function findOrganizationDuplicates(
  db: Queryable,
  input: { name: string; websiteUrl: string | null },
): Promise<PossibleDuplicate[]> {
  return db.query<PossibleDuplicate>(
    `select id, slug, name, status, match, is_member as "isMember"
       from private.find_organization_duplicates($1, $2)`,
    [input.name, input.websiteUrl],
  );
}

/** Whether an organization (any, one under review too) already has this page address. */
export async function isOrganizationSlugTaken(db: Queryable, slug: string): Promise<boolean> {
  const [row] = await db.query<{ taken: boolean }>(
    'select private.is_organization_slug_taken($1) as taken',
    [slug],
  );
  return row?.taken === true;
}
