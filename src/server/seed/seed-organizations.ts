import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { sectorKeys } from '../../lib/taxonomy/sectors';
import { hashPassword } from '../auth/password';
import type { Queryable } from '../db/types';
import { deterministicId } from './deterministic-id';
import { demoUserId } from './seed-demo';

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);
const country = z.string().regex(/^[A-Z]{2}$/);

/** `supabase/seed/demo-organizations.json`: invented partners, their profiles, teams and messages. */
export const demoOrganizationsSchema = z.object({
  about: z.string(),
  organizations: z.array(
    z.object({
      slug,
      name: z.string().min(2),
      kind: z.enum(sectorKeys),
      country,
      status: z.enum(['pending', 'verified', 'declined']),
      declineReason: z.string().optional(),
      summary: z.string(),
    }),
  ),
  profiles: z.array(
    z.object({
      slug,
      websiteUrl: z.url(),
      description: z.string(),
      sizeBand: z.enum(['micro', 'small', 'medium', 'large']),
      regionsServed: z.array(z.string()),
      countriesServed: z.array(country),
      kpiDimensions: z.array(z.enum(['EC', 'EN', 'SC'])),
      recommendations: z.array(slug),
      hubs: z.array(slug),
      requestedHubs: z.array(slug),
      offerings: z
        .array(
          z.object({
            title: z.string().min(3),
            description: z.string(),
            themes: z.array(z.string()).min(1).max(5),
            sdgs: z.array(z.number().int().min(1).max(17)),
          }),
        )
        .min(1)
        .max(12),
    }),
  ),
  users: z
    .array(
      z.object({ key: slug, email: z.email(), displayName: z.string(), affiliation: z.string() }),
    )
    .default([]),
  teams: z.array(z.object({ user: slug, organization: slug, role: z.enum(['admin', 'member']) })),
  contactRequests: z.array(
    z.object({ organization: slug, sender: slug, subject: z.string(), message: z.string() }),
  ),
});

/**
 * Loads the demo partners (is_demo = true) from
 * `<seedDir>/demo-organizations.json` after the demo hubs, users and the
 * organizations of demo.json exist: organizations of every sector, their
 * profiles and offerings, hub partnerships and the hubs they chose, the
 * organization-only demo users and team roles, and a contact request. A
 * pending one waits in the Nordic hub coordinator's queue. Idempotent:
 * deterministic ids, upserts, and updates only where something differs, so
 * a second run changes nothing (memberships keep their ids).
 */
export async function seedDemoOrganizations(
  db: Queryable,
  seedDir: string,
  password: string,
): Promise<{ organizations: number; offerings: number }> {
  const demo = demoOrganizationsSchema.parse(
    JSON.parse(fs.readFileSync(path.join(seedDir, 'demo-organizations.json'), 'utf8')),
  );
  for (const org of demo.organizations) {
    await db.query(
      `insert into public.organizations (slug, name, kind, country, status, decline_reason, summary, is_demo)
       values ($1, $2, $3, $4, $5, $6, $7, true)
       on conflict (slug) do update set name = excluded.name, kind = excluded.kind, country = excluded.country,
         status = excluded.status, decline_reason = excluded.decline_reason, summary = excluded.summary, is_demo = true
       where (organizations.name, organizations.kind, organizations.country, organizations.status,
              organizations.decline_reason, organizations.summary, organizations.is_demo)
             is distinct from (excluded.name, excluded.kind, excluded.country, excluded.status,
              excluded.decline_reason, excluded.summary, true)`,
      [
        org.slug,
        org.name,
        org.kind,
        org.country,
        org.status,
        org.declineReason ?? null,
        org.summary,
      ],
    );
  }
  const ids = async (table: 'organizations' | 'hubs' | 'deliverables') =>
    new Map(
      (await db.query<{ slug: string; id: string }>(`select slug, id from public.${table}`)).map(
        (row) => [row.slug, row.id],
      ),
    );
  const [orgIds, hubIds, deliverableIds] = await Promise.all([
    ids('organizations'),
    ids('hubs'),
    ids('deliverables'),
  ]);
  const need = (map: Map<string, string>, key: string, what: string) => {
    const id = map.get(key);
    if (!id) throw new Error(`demo-organizations.json names an unknown ${what}: ${key}`);
    return id;
  };

  let offerings = 0;
  for (const profile of demo.profiles) {
    const orgId = need(orgIds, profile.slug, 'organization');
    await db.query(
      `update public.organizations set website_url = $2, description = $3, size_band = $4,
         regions_served = $5, countries_served = $6, kpi_dimensions = $7
        where id = $1 and (website_url, description, size_band, regions_served, countries_served, kpi_dimensions)
              is distinct from ($2, $3, $4, $5::text[], $6::text[], $7::text[])`,
      [
        orgId,
        profile.websiteUrl,
        profile.description,
        profile.sizeBand,
        profile.regionsServed,
        profile.countriesServed,
        profile.kpiDimensions,
      ],
    );
    for (const [position, offering] of profile.offerings.entries()) {
      offerings += 1;
      await db.query(
        `insert into public.organization_offerings (id, organization_id, title, description, themes, sdgs, position)
         values ($1, $2, $3, $4, $5, $6::smallint[], $7)
         on conflict (id) do update set title = excluded.title, description = excluded.description,
           themes = excluded.themes, sdgs = excluded.sdgs, position = excluded.position
         where (organization_offerings.title, organization_offerings.description, organization_offerings.themes,
                organization_offerings.sdgs, organization_offerings.position)
               is distinct from (excluded.title, excluded.description, excluded.themes, excluded.sdgs, excluded.position)`,
        [
          deterministicId('demo-offering', `${profile.slug}:${position}`),
          orgId,
          offering.title,
          offering.description,
          offering.themes,
          offering.sdgs,
          position,
        ],
      );
    }
    for (const hub of profile.requestedHubs) {
      await db.query(
        `insert into public.organization_hub_requests (organization_id, hub_id) values ($1, $2) on conflict do nothing`,
        [orgId, need(hubIds, hub, 'hub')],
      );
    }
    for (const hub of profile.hubs) {
      await db.query(
        `insert into public.hub_partners (hub_id, organization_id) values ($1, $2) on conflict do nothing`,
        [need(hubIds, hub, 'hub'), orgId],
      );
    }
    for (const recommendation of profile.recommendations) {
      await db.query(
        `insert into public.organization_deliverables (organization_id, deliverable_id) values ($1, $2)
         on conflict do nothing`,
        [orgId, need(deliverableIds, recommendation, 'Recommendation')],
      );
    }
  }

  if (demo.users.length > 0) {
    const passwordHash = await hashPassword(password);
    for (const user of demo.users) {
      const id = demoUserId(user.key);
      await db.query(
        `insert into auth.users (id, email, encrypted_password, email_confirmed_at, raw_app_meta_data, raw_user_meta_data)
         values ($1, $2, $3, now(), '{"provider":"email","demo":true}'::jsonb, jsonb_build_object('display_name', $4::text))
         on conflict (id) do nothing`,
        [id, user.email, passwordHash, user.displayName],
      );
      await db.query(
        `insert into public.profiles (id, display_name, affiliation, is_demo) values ($1, $2, $3, true)
         on conflict (id) do update set display_name = excluded.display_name, affiliation = excluded.affiliation
         where (profiles.display_name, profiles.affiliation) is distinct from (excluded.display_name, excluded.affiliation)`,
        [id, user.displayName, user.affiliation],
      );
    }
  }
  // Admins first, so no organization is ever left without one on the way.
  const teams = [...demo.teams].sort((a, b) =>
    a.role === b.role ? 0 : a.role === 'admin' ? -1 : 1,
  );
  for (const member of teams) {
    const userId = demoUserId(member.user);
    const orgId = need(orgIds, member.organization, 'organization');
    await db.query(
      `insert into public.memberships (user_id, role, organization_id, org_role)
       values ($1, 'org_member', $2, $3) on conflict do nothing`,
      [userId, orgId, member.role],
    );
    await db.query(
      `update public.memberships set org_role = $3
        where user_id = $1 and organization_id = $2 and role = 'org_member' and org_role is distinct from $3`,
      [userId, orgId, member.role],
    );
  }
  for (const request of demo.contactRequests) {
    const senderId = demoUserId(request.sender);
    await db.query(
      `insert into public.organization_contact_requests (id, organization_id, sender_id, sender_name, sender_email, subject, message, created_at)
       select $1, $2, u.id, p.display_name, lower(u.email), $4, $5, now() - interval '3 days'
         from auth.users u join public.profiles p on p.id = u.id where u.id = $3
       on conflict (id) do nothing`,
      [
        deterministicId('demo-contact-request', `${request.organization}:${request.subject}`),
        need(orgIds, request.organization, 'organization'),
        senderId,
        request.subject,
        request.message,
      ],
    );
  }
  return { organizations: demo.profiles.length, offerings };
}
