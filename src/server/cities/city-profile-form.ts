import { z } from 'zod';
import { isSafeLinkHref } from '../../lib/rich-text/safe-url';
import { sdgGoalSchema } from '../../lib/sdgs';
import { countryCodeSchema, regionSchema } from '../../lib/taxonomy/countries';
import { isMultiLineText, isSingleLineText } from '../../lib/text/control-characters';

const text = (max: number, message: string, multiLine = false) =>
  z
    .string()
    .trim()
    .max(max, { message })
    .refine(multiLine ? isMultiLineText : isSingleLineText, {
      message: 'text.error.controlCharacters',
    });

const optionalInteger = (min: number, max: number, message: string) =>
  z
    .string()
    .trim()
    .transform((value, ctx) => {
      if (value === '') return null;
      const cleaned = value.replace(/[\s\u00a0,._]/g, '');
      const number = /^\d+$/.test(cleaned) ? Number(cleaned) : Number.NaN;
      if (!Number.isSafeInteger(number) || number < min || number > max) {
        ctx.addIssue({ code: 'custom', message, params: { value } });
        return z.NEVER;
      }
      return number;
    });

const webUrl = z
  .string()
  .trim()
  .max(500, { message: 'cities.profile.error.url' })
  .refine((value) => value === '' || (isSafeLinkHref(value) && /^https?:\/\//i.test(value)), {
    message: 'cities.profile.error.url',
  })
  .transform((value) => value || null);

/**
 * The city profile form: what the city's editors (and its hubs'
 * coordinators) say about it. The contact must be a shared role address:
 * the editor confirms it, since the portal cannot tell.
 */
export const cityProfileFormSchema = z
  .object({
    population: optionalInteger(0, 100_000_000, 'cities.profile.error.population').prefault(''),
    population_year: optionalInteger(1900, 2100, 'cities.profile.error.year').prefault(''),
    sdg_priorities: z
      .union([sdgGoalSchema, z.array(sdgGoalSchema)])
      .optional()
      .transform((value) =>
        [...new Set(value === undefined ? [] : Array.isArray(value) ? value : [value])].sort(
          (a, b) => a - b,
        ),
      ),
    profile: text(1500, 'cities.profile.error.profile', true).default(''),
    contact_email: z
      .string()
      .trim()
      .max(254, { message: 'cities.profile.error.email' })
      .refine((value) => value === '' || z.email().safeParse(value).success, {
        message: 'cities.profile.error.email',
      })
      .transform((value) => value || null)
      .prefault(''),
    contact_is_role_address: z.literal('yes').optional(),
    website_url: webUrl.prefault(''),
  })
  .superRefine((form, ctx) => {
    if (form.population !== null && form.population_year === null)
      ctx.addIssue({
        code: 'custom',
        path: ['population_year'],
        message: 'cities.profile.error.yearNeeded',
      });
    if (form.population === null && form.population_year !== null)
      ctx.addIssue({
        code: 'custom',
        path: ['population'],
        message: 'cities.profile.error.populationNeeded',
      });
    if (form.contact_email && form.contact_is_role_address !== 'yes')
      ctx.addIssue({
        code: 'custom',
        path: ['contact_is_role_address'],
        message: 'cities.profile.error.roleAddress',
      });
  });
export type CityProfileForm = z.output<typeof cityProfileFormSchema>;

/** What only platform admins change: the city's name, country, region and U4SSC KPI facts. */
export const cityRecordFormSchema = z.object({
  name: text(200, 'cities.profile.error.name').refine((value) => value.length >= 1, {
    message: 'cities.profile.error.name',
  }),
  country: countryCodeSchema,
  region: regionSchema,
  kpi_year: optionalInteger(2014, 2100, 'cities.profile.error.kpiYear').prefault(''),
  kpi_verified: z.enum(['yes', 'no', 'unknown'], { message: 'cities.profile.error.kpiVerified' }),
  kpi_report_url: webUrl.prefault(''),
});
export type CityRecordForm = z.output<typeof cityRecordFormSchema>;
