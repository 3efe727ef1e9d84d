import type { Queryable } from '../db/types';
import { hashPassword } from '../auth/password';
import { deterministicId } from './deterministic-id';
import type { DemoSeed } from './seed-data-schema';
import { upsertCities, upsertHubs } from './upsert-places';

/** Stable id of a demo user, for tests and scripts: `demoUserId('coordinator')`. */
export function demoUserId(key: string): string {
  return deterministicId('demo-user', key);
}

/**
 * Loads the invented demo records (is_demo = true): hubs, cities,
 * organizations, one user per role with a local-only password, and their roles.
 * Existing demo users keep their password hash, so re-seeding is cheap.
 */
export async function seedDemo(
  db: Queryable,
  demo: DemoSeed,
  knownHubs: ReadonlyMap<string, string>,
): Promise<{ users: number }> {
  const hubIds = new Map([...knownHubs, ...(await upsertHubs(db, demo.hubs, true))]);
  const cityIds = await upsertCities(db, demo.cities, hubIds, true);

  const orgIds = new Map<string, string>();
  for (const org of demo.organizations) {
    const [row] = await db.query<{ id: string }>(
      `insert into public.organizations (slug, name, kind, country, status, summary, is_demo)
       values ($1, $2, $3, $4, $5, $6, true)
       on conflict (slug) do update set
         name = excluded.name, kind = excluded.kind, country = excluded.country,
         status = excluded.status, summary = excluded.summary, is_demo = true
       returning id`,
      [org.slug, org.name, org.kind, org.country, org.status, org.summary],
    );
    orgIds.set(org.slug, row!.id);
  }

  const passwordHash = await hashPassword(demo.password);
  for (const user of demo.users) {
    const id = demoUserId(user.key);
    await db.query(
      `insert into auth.users (id, email, encrypted_password, email_confirmed_at, raw_app_meta_data, raw_user_meta_data)
       values ($1, $2, $3, now(), '{"provider":"email","demo":true}'::jsonb, jsonb_build_object('display_name', $4::text))
       on conflict (id) do update set email = excluded.email`,
      [id, user.email, passwordHash, user.displayName],
    );
    await db.query(
      `insert into public.profiles (id, display_name, affiliation, is_demo) values ($1, $2, $3, true)
       on conflict (id) do update set display_name = excluded.display_name, affiliation = excluded.affiliation`,
      [id, user.displayName, user.affiliation ?? null],
    );
    // Only the difference is written, so a second seed changes nothing (and
    // the audit log records no grant or revoke).
    const wanted: {
      role: string;
      hub: string | null;
      city: string | null;
      organization: string | null;
    }[] = [];
    for (const role of user.roles) {
      const target = {
        hub: 'hub' in role ? hubIds.get(role.hub) : null,
        city: 'city' in role ? cityIds.get(role.city) : null,
        organization: 'organization' in role ? orgIds.get(role.organization) : null,
      };
      if (Object.values(target).some((value) => value === undefined)) {
        throw new Error(
          `Demo user ${user.key} has a role in an unknown place: ${JSON.stringify(role)}`,
        );
      }
      wanted.push({
        role: role.role,
        hub: target.hub ?? null,
        city: target.city ?? null,
        organization: target.organization ?? null,
      });
    }
    await db.query(
      `delete from public.memberships m
        where m.user_id = $1
          and not exists (
            select 1 from jsonb_to_recordset($2::text::jsonb)
              as w(role text, hub uuid, city uuid, organization uuid)
            where w.role = m.role and w.hub is not distinct from m.hub_id
              and w.city is not distinct from m.city_id and w.organization is not distinct from m.organization_id)`,
      [id, JSON.stringify(wanted)],
    );
    for (const role of wanted) {
      await db.query(
        `insert into public.memberships (user_id, role, hub_id, city_id, organization_id)
         values ($1, $2, $3, $4, $5) on conflict do nothing`,
        [id, role.role, role.hub, role.city, role.organization],
      );
    }
  }
  return { users: demo.users.length };
}
