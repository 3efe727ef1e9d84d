import { z } from 'zod';
import { countryCodeSchema } from '../../lib/taxonomy/countries';
import { sectorKeys } from '../../lib/taxonomy/sectors';

const regionSchema = z.enum([
  'africa',
  'americas',
  'arab-states',
  'asia-pacific',
  'europe',
  'cis',
  'global',
]);
const slugSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);

const hubSeedSchema = z.object({
  slug: slugSchema,
  name: z.string(),
  region: regionSchema,
  /** ISO 3166-1 alpha-2 codes. */
  countries: z.array(countryCodeSchema),
  hostName: z.string().optional(),
  summary: z.string(),
  sinceLabel: z.string().optional(),
  websiteUrl: z.url().optional(),
  sourceUrl: z.url().optional(),
});

const citySeedSchema = z.object({
  slug: slugSchema,
  name: z.string(),
  /** ISO 3166-1 alpha-2 code ("NO"). */
  country: countryCodeSchema,
  region: regionSchema,
  latitude: z.number(),
  longitude: z.number(),
  /** The hubs the city is a member of (`hub_cities`); a city may belong to several. */
  hubs: z.array(slugSchema).default([]),
  source: z.string().optional(),
  uncertain: z.boolean().default(false),
  uncertainNote: z.string().optional(),
});

/** `supabase/seed/reference.json`: real hubs and KPI cities, each with its source. */
export const referenceSeedSchema = z.object({
  about: z.string(),
  hubs: z.array(hubSeedSchema),
  cities: z.array(citySeedSchema.extend({ source: z.string() })),
});

const roleSeedSchema = z.discriminatedUnion('role', [
  z.object({ role: z.literal('platform_admin') }),
  z.object({ role: z.literal('hub_coordinator'), hub: slugSchema }),
  z.object({ role: z.literal('city_editor'), city: slugSchema }),
  z.object({ role: z.literal('org_member'), organization: slugSchema }),
]);

/** `supabase/seed/demo.json`: invented records, stored with is_demo = true. */
export const demoSeedSchema = z.object({
  about: z.string(),
  password: z.string().min(12),
  hubs: z.array(hubSeedSchema),
  cities: z.array(citySeedSchema),
  organizations: z.array(
    z.object({
      slug: slugSchema,
      name: z.string(),
      kind: z.enum(sectorKeys),
      country: countryCodeSchema,
      status: z.enum(['pending', 'verified', 'declined']),
      summary: z.string(),
    }),
  ),
  users: z.array(
    z.object({
      key: slugSchema,
      email: z.email(),
      displayName: z.string(),
      affiliation: z.string().optional(),
      roles: z.array(roleSeedSchema),
    }),
  ),
});

export type ReferenceSeed = z.infer<typeof referenceSeedSchema>;
export type DemoSeed = z.infer<typeof demoSeedSchema>;
export type HubSeed = z.infer<typeof hubSeedSchema>;
export type CitySeed = z.infer<typeof citySeedSchema>;
