import { z } from 'zod';
import type { RequestDb } from '../db/request-context';
import type { FieldError } from '../forms';
import {
  organizationNameSchema,
  profileFieldsSchema,
  websiteFieldSchema,
} from './organization-fields';
import { unknownRecommendations } from './save-registration-step';
import { countryCodeSchema } from '../../lib/taxonomy/countries';
import { organizationKindSchema } from '../../lib/directory/organization-filters';
import type { NoticeWording } from '../mail/notices';
import { tellAboutOrganization } from './notices';

/** The profile editor: everything an organization's admins may change about it. */
export const organizationProfileSchema = profileFieldsSchema.extend({
  name: organizationNameSchema,
  kind: z.enum(organizationKindSchema.options, { message: 'organizations.error.kind' }),
  country: z.string({ message: 'organizations.error.country' }).pipe(countryCodeSchema),
  websiteUrl: websiteFieldSchema,
});
export type OrganizationProfile = z.output<typeof organizationProfileSchema>;

export type UpdateOutcome = { ok: true } | { ok: false; errors: FieldError[] };

/**
 * Saves the profile and the Recommendations it implements, together (one
 * savepoint). RLS: the organization's admins and platform admins. The name
 * can change; the page address (slug) cannot, so links keep working.
 */
export async function updateOrganization(
  db: RequestDb,
  organizationId: string,
  input: OrganizationProfile,
): Promise<UpdateOutcome> {
  const unknown = await unknownRecommendations(db, input.recommendations);
  if (unknown.length > 0)
    return {
      ok: false,
      errors: [
        {
          field: 'recommendations',
          message: 'organizations.error.recommendation',
          params: { value: unknown.join(', ') },
        },
      ],
    };
  try {
    const updated = await db.savepoint(async (tx) => {
      const rows = await tx.query(
        `update public.organizations set name = $2, kind = $3, country = $4, website_url = $5, summary = $6,
           description = $7, size_band = $8, regions_served = $9, countries_served = $10, kpi_dimensions = $11
          where id = $1 returning id`,
        [
          organizationId,
          input.name,
          input.kind,
          input.country,
          input.websiteUrl,
          input.summary,
          input.description,
          input.sizeBand,
          input.regionsServed,
          input.countriesServed,
          input.kpiDimensions,
        ],
      );
      if (rows.length === 0) return false;
      await tx.query(
        `delete from public.organization_deliverables od using public.deliverables d
          where od.organization_id = $1 and d.id = od.deliverable_id and not (d.slug = any($2::text[]))`,
        [organizationId, input.recommendations],
      );
      await tx.query(
        `insert into public.organization_deliverables (organization_id, deliverable_id)
         select $1, d.id from public.deliverables d
          where d.slug = any($2::text[]) and d.kind = 'recommendation'
         on conflict do nothing`,
        [organizationId, input.recommendations],
      );
      return true;
    });
    if (!updated)
      return {
        ok: false,
        errors: [{ field: 'form', message: 'organizations.forbidden.adminsOnly' }],
      };
  } catch (error) {
    if ((error as { code?: string }).code === '42501')
      return {
        ok: false,
        errors: [{ field: 'form', message: 'organizations.forbidden.adminsOnly' }],
      };
    throw error;
  }
  return { ok: true };
}

/**
 * A declined organization's admins submit it for review again (declined →
 * pending, by the guard trigger's rules), and its reviewers are told again.
 */
export async function resubmitOrganization(
  db: RequestDb,
  wording: NoticeWording,
  organization: { id: string },
): Promise<boolean> {
  try {
    const rows = await db.savepoint((tx) =>
      tx.query(
        `update public.organizations set status = 'pending' where id = $1 and status = 'declined' returning id`,
        [organization.id],
      ),
    );
    if (rows.length === 0) return false;
  } catch (error) {
    if ((error as { code?: string }).code === '42501') return false;
    throw error;
  }
  await tellAboutOrganization(db, wording, 'registration_submitted', organization.id);
  return true;
}
