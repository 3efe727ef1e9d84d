import { z } from 'zod';
import { organizationKindSchema } from '../../lib/directory/organization-filters';
import { kpiDimensionCodes } from '../../lib/kpis/framework';
import { organizationSizeBands } from '../../lib/organizations/size-bands';
import { websiteUrlSchema } from '../../lib/organizations/website';
import { sdgGoalSchema } from '../../lib/sdgs';
import { countryCodeSchema, regionSchema } from '../../lib/taxonomy/countries';
import { themeKeys, themeSchema } from '../../lib/taxonomy/themes';
import { isMultiLineText, isSingleLineText } from '../../lib/text/control-characters';

/**
 * The fields of an organization and its offerings, shared by the
 * registration steps, the profile editor and the offering editor. Limits are
 * the database's checks (20261203110000_organizations.sql); messages are
 * i18n keys.
 */

/** A checkbox group or multiple select: absent is none, one value is a list of one. */
export function listField<T extends z.ZodType>(item: T, max: number, message: string) {
  return z.preprocess(
    (value) => (value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value]),
    z.array(item).max(max, { message }),
  );
}

/** Optional text: blank is absent. */
const blankToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

export const organizationNameSchema = z
  .string({ message: 'organizations.error.name' })
  .trim()
  .min(2, { message: 'organizations.error.name' })
  .max(200, { message: 'organizations.error.name' })
  .refine(isSingleLineText, { message: 'text.error.controlCharacters' });

/** Addresses of the portal's own pages under /directory and /organizations (the database refuses them too). */
export const reservedOrganizationSlugs: readonly string[] = [
  'match',
  'review',
  'sent',
  'invitation',
  'new',
];

/** The address of its page, `/directory/<slug>`: optional (derived from the name when left empty). */
export const organizationSlugSchema = z.preprocess(
  blankToUndefined,
  z
    .string()
    .trim()
    .toLowerCase()
    .max(80, { message: 'organizations.error.slug' })
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'organizations.error.slug' })
    .refine((slug) => !reservedOrganizationSlugs.includes(slug), {
      message: 'organizations.error.slugTaken',
    })
    .optional(),
);

export const websiteFieldSchema = z.preprocess(
  blankToUndefined,
  websiteUrlSchema.optional().transform((value) => value ?? null),
);

export const summarySchema = z
  .string({ message: 'organizations.error.summary' })
  .trim()
  .min(10, { message: 'organizations.error.summary' })
  .max(600, { message: 'organizations.error.summaryLength' })
  .refine(isSingleLineText, { message: 'text.error.controlCharacters' });

export const descriptionSchema = z
  .string()
  .trim()
  .max(4000, { message: 'organizations.error.descriptionLength' })
  .refine(isMultiLineText, { message: 'text.error.controlCharacters' })
  .default('');

export const sizeBandFieldSchema = z.preprocess(
  blankToUndefined,
  z
    .enum(organizationSizeBands, { message: 'organizations.error.size' })
    .optional()
    .transform((value) => value ?? null),
);

export const regionsServedSchema = listField(regionSchema, 7, 'region.error.unknown');
export const countriesServedSchema = listField(countryCodeSchema, 249, 'country.error.unknown');
export const kpiDimensionsSchema = listField(
  z.enum(kpiDimensionCodes, { message: 'organizations.error.dimension' }),
  3,
  'organizations.error.dimension',
);
export const recommendationSlugsSchema = listField(
  z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'organizations.error.recommendation' }),
  100,
  'organizations.error.recommendation',
);

/** What an organization says about itself besides its name: the profile step and editor. */
export const profileFieldsSchema = z.object({
  summary: summarySchema,
  description: descriptionSchema,
  sizeBand: sizeBandFieldSchema,
  regionsServed: regionsServedSchema,
  countriesServed: countriesServedSchema,
  kpiDimensions: kpiDimensionsSchema,
  recommendations: recommendationSlugsSchema,
});
export type ProfileFields = z.output<typeof profileFieldsSchema>;

/** One offering: a short title, what it is, 1–5 themes, SDGs it contributes to. */
export const offeringFieldsSchema = z.object({
  title: z
    .string({ message: 'organizations.error.offeringTitle' })
    .trim()
    .min(3, { message: 'organizations.error.offeringTitle' })
    .max(120, { message: 'organizations.error.offeringTitle' })
    .refine(isSingleLineText, { message: 'text.error.controlCharacters' }),
  description: z
    .string()
    .trim()
    .max(1000, { message: 'organizations.error.offeringDescription' })
    .refine(isMultiLineText, { message: 'text.error.controlCharacters' })
    .default(''),
  themes: listField(themeSchema, 5, 'organizations.error.offeringThemes')
    .refine((themes) => themes.length >= 1, { message: 'organizations.error.offeringThemes' })
    .transform((themes) => themeKeys.filter((key) => themes.includes(key))),
  sdgs: listField(sdgGoalSchema, 17, 'sdg.error.goal').transform((goals) =>
    [...new Set(goals)].sort((a, b) => a - b),
  ),
});
export type OfferingFields = z.output<typeof offeringFieldsSchema>;

/** The first step: who the organization is. */
export const identityFieldsSchema = z.object({
  name: organizationNameSchema,
  slug: organizationSlugSchema,
  kind: z.preprocess(
    blankToUndefined,
    z.enum(organizationKindSchema.options, { message: 'organizations.error.kind' }),
  ),
  country: z.preprocess(
    blankToUndefined,
    z.string({ message: 'organizations.error.country' }).pipe(countryCodeSchema),
  ),
  websiteUrl: websiteFieldSchema,
});
export type IdentityFields = z.output<typeof identityFieldsSchema>;
