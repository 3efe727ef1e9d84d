import type { Queryable } from '../db/types';

/**
 * Everything the portal holds about the signed-in person, as one JSON
 * document: `private.export_my_personal_data()` calls every domain's
 * registered source (identity, hubs, organizations…; a domain that stores
 * personal data registers its own, see docs/directory.md "Personal data").
 */
export async function exportMyData(db: Queryable): Promise<Record<string, unknown>> {
  const [row] = await db.query<{ data: Record<string, unknown> }>(
    'select private.export_my_personal_data() as data',
  );
  return row?.data ?? {};
}

/**
 * The organizations where the person is the last admin while others remain:
 * their account cannot be deleted until someone else is made an admin.
 */
export function listSoleAdminOrganizations(
  db: Queryable,
): Promise<{ slug: string; name: string }[]> {
  return db.query<{ slug: string; name: string }>(
    'select slug, name from private.my_sole_admin_organizations()',
  );
}
