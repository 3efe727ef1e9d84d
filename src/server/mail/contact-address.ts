import type { Queryable } from '../db/types';

/**
 * Writes the operators' contact address (CONTACT_EMAIL) where the database
 * function that queues contact messages reads it (`private.settings`), or
 * removes it, so that messages go to the platform admins instead. Run at
 * start on the owner connection: requests cannot write the setting, so no
 * request can choose where a contact message goes.
 */
export async function writeContactAddress(
  db: Queryable,
  address: string | undefined,
): Promise<void> {
  if (address) {
    await db.query(
      `insert into private.settings (key, value) values ('contact_email', $1)
       on conflict (key) do update set value = excluded.value, updated_at = now()
       where private.settings.value is distinct from excluded.value`,
      [address],
    );
  } else {
    await db.query("delete from private.settings where key = 'contact_email'");
  }
}
