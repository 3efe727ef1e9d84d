import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { currentTermsVersion } from '../../lib/legal/terms';
import type { NoticeWording } from '../mail/notices';
import type { RequestDb } from '../db/request-context';
import { insertWithUniqueSlug } from '../db/insert-with-unique-slug';
import type { Queryable } from '../db/types';
import type { FieldError } from '../forms';
import { slugify } from '../../lib/slug';
import { reservedOrganizationSlugs } from './organization-fields';
import { tellAboutOrganization } from './notices';
import { discardRegistrationDraft, loadRegistrationDraft, stepStatus } from './registration-draft';
import type { RegistrationStep } from './registration-draft';

/** The last step: the terms (the version shown on the page is the one accepted). */
export const submitRegistrationSchema = z.object({
  acceptTerms: z.literal('yes', { message: 'organizations.error.terms' }),
  termsVersion: z.string().max(40),
});

export type SubmitOutcome =
  { ok: true; slug: string } | { ok: false; errors: FieldError[]; step?: RegistrationStep };

function errorCode(error: unknown): { code?: string; constraint?: string } {
  const e = error as { code?: string; constraint_name?: string; constraint?: string };
  return { code: e.code, constraint: e.constraint_name ?? e.constraint };
}

/**
 * Turns the person's draft into an organization waiting for review, in one
 * savepoint: the organization (its registrant becomes its admin, by
 * trigger), the hubs it chose, its offerings and Recommendations; then the
 * draft goes and the chosen hubs' coordinators (platform admins when no hub
 * was chosen) are told by mail. Anything that fails leaves nothing behind.
 */
export async function submitRegistration(
  db: RequestDb,
  context: { userId: string; wording: NoticeWording },
  input: z.output<typeof submitRegistrationSchema>,
): Promise<SubmitOutcome> {
  if (input.termsVersion !== currentTermsVersion) {
    return {
      ok: false,
      errors: [{ field: 'acceptTerms', message: 'organizations.error.termsChanged' }],
    };
  }
  const { draft } = await loadRegistrationDraft(db, context.userId);
  const done = stepStatus(draft);
  const missing = (['identity', 'profile', 'offerings', 'hubs'] as const).find(
    (step) => !done[step],
  );
  if (missing || !draft.identity || !draft.profile) {
    return {
      ok: false,
      step: missing ?? 'identity',
      errors: [{ field: 'form', message: 'organizations.error.stepMissing' }],
    };
  }
  const identity = draft.identity;
  const profile = draft.profile;
  const id = randomUUID();
  // Without RETURNING: the new row is visible to its registrant only once the
  // trigger has made them its admin, at the end of the statement.
  const insert = (tx: Queryable, slug: string) =>
    tx
      .query(
        `insert into public.organizations (id, slug, name, kind, country, website_url, summary, description,
           size_band, regions_served, countries_served, kpi_dimensions, created_by, terms_version)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
        [
          id,
          slug,
          identity.name,
          identity.kind,
          identity.country,
          identity.websiteUrl,
          profile.summary,
          profile.description,
          profile.sizeBand,
          profile.regionsServed,
          profile.countriesServed,
          profile.kpiDimensions,
          context.userId,
          currentTermsVersion,
        ],
      )
      .then(() => slug);
  let slug: string;
  try {
    slug = await db.savepoint(async (tx) => {
      const created = identity.slug
        ? await insert(tx, identity.slug)
        : await insertWithUniqueSlug(
            db,
            reservedOrganizationSlugs.includes(slugify(identity.name))
              ? `${identity.name} organization`
              : identity.name,
            insert,
          );
      await tx.query(
        `insert into public.organization_hub_requests (organization_id, hub_id)
         select $1, h.id from public.hubs h where h.slug = any($2::text[])`,
        [id, draft.hubs],
      );
      for (const [position, offering] of draft.offerings.entries()) {
        await tx.query(
          `insert into public.organization_offerings (organization_id, title, description, themes, sdgs, position, created_by)
           values ($1, $2, $3, $4, $5::smallint[], $6, $7)`,
          [
            id,
            offering.title,
            offering.description,
            offering.themes,
            offering.sdgs,
            position,
            context.userId,
          ],
        );
      }
      await tx.query(
        `insert into public.organization_deliverables (organization_id, deliverable_id)
         select $1, d.id from public.deliverables d
          where d.slug = any($2::text[]) and d.kind = 'recommendation'`,
        [id, profile.recommendations],
      );
      await discardRegistrationDraft(tx, context.userId);
      return created;
    });
  } catch (error) {
    const { code, constraint } = errorCode(error);
    if (code === '23505' && constraint?.endsWith('slug_key'))
      return {
        ok: false,
        step: 'identity',
        errors: [{ field: 'slug', message: 'organizations.error.slugTaken' }],
      };
    throw error;
  }

  await tellAboutOrganization(db, context.wording, 'registration_submitted', id);
  return { ok: true, slug };
}
