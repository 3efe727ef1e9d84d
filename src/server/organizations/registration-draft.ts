import { z } from 'zod';
import type { Queryable } from '../db/types';
import type { IdentityFields, OfferingFields, ProfileFields } from './organization-fields';

/**
 * A registration in progress, kept in `organization_registration_drafts`
 * (one per person) and saved at every step, so that someone who leaves
 * halfway finds their answers when they come back, and no step asks again
 * for what an earlier one was told. Each section holds what its step's
 * schema produced; a section that no longer reads (a draft older than a
 * change of the form) is dropped and asked again, never guessed.
 */
export const registrationSteps = [
  'identity',
  'duplicates',
  'profile',
  'offerings',
  'hubs',
  'review',
] as const;
export type RegistrationStep = (typeof registrationSteps)[number];

const storedIdentity = z.object({
  name: z.string(),
  slug: z.string().optional(),
  kind: z.string(),
  country: z.string(),
  websiteUrl: z.string().nullable(),
});
const storedProfile = z.object({
  summary: z.string(),
  description: z.string(),
  sizeBand: z.string().nullable(),
  regionsServed: z.array(z.string()),
  countriesServed: z.array(z.string()),
  kpiDimensions: z.array(z.string()),
  recommendations: z.array(z.string()),
});
const storedOffering = z.object({
  title: z.string(),
  description: z.string(),
  themes: z.array(z.string()),
  sdgs: z.array(z.number()),
});

export interface RegistrationDraft {
  identity?: IdentityFields;
  /** The name and website for which the person said "this is a different organization". */
  duplicatesDismissed?: { name: string; websiteUrl: string | null };
  profile?: ProfileFields;
  offerings: OfferingFields[];
  offeringsDone: boolean;
  hubs: string[];
  hubsDone: boolean;
}

const emptyDraft = (): RegistrationDraft => ({
  offerings: [],
  offeringsDone: false,
  hubs: [],
  hubsDone: false,
});

/** Reads a stored draft section by section; what does not read is left out. */
export function parseDraft(data: unknown): RegistrationDraft {
  const raw = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  const draft = emptyDraft();
  const identity = storedIdentity.safeParse(raw.identity);
  if (identity.success) draft.identity = identity.data as IdentityFields;
  const dismissed = z
    .object({ name: z.string(), websiteUrl: z.string().nullable() })
    .safeParse(raw.duplicatesDismissed);
  if (dismissed.success) draft.duplicatesDismissed = dismissed.data;
  const profile = storedProfile.safeParse(raw.profile);
  if (profile.success) draft.profile = profile.data as ProfileFields;
  const offerings = z.array(storedOffering).max(12).safeParse(raw.offerings);
  if (offerings.success) draft.offerings = offerings.data as OfferingFields[];
  draft.offeringsDone = raw.offeringsDone === true && draft.offerings.length > 0;
  const hubs = z.array(z.string().max(120)).max(50).safeParse(raw.hubs);
  if (hubs.success) draft.hubs = hubs.data;
  draft.hubsDone = raw.hubsDone === true;
  return draft;
}

/** The signed-in person's draft (empty when they have none). */
export async function loadRegistrationDraft(
  db: Queryable,
  userId: string,
): Promise<{ draft: RegistrationDraft; updatedAt: Date | null }> {
  const [row] = await db.query<{ data: unknown; updated_at: Date }>(
    'select data, updated_at from public.organization_registration_drafts where user_id = $1',
    [userId],
  );
  return { draft: parseDraft(row?.data), updatedAt: row?.updated_at ?? null };
}

/** Saves the whole draft (insert or update; RLS keeps it the caller's own). */
export async function saveRegistrationDraft(
  db: Queryable,
  userId: string,
  draft: RegistrationDraft,
): Promise<void> {
  await db.query(
    `insert into public.organization_registration_drafts (user_id, data) values ($1, $2::text::jsonb)
     on conflict (user_id) do update set data = excluded.data`,
    [userId, JSON.stringify(draft)],
  );
}

/** Throws the draft away (after submitting, or when the person starts again). */
export async function discardRegistrationDraft(db: Queryable, userId: string): Promise<void> {
  await db.query('delete from public.organization_registration_drafts where user_id = $1', [
    userId,
  ]);
}

/** Whether each step is done, for the task list and to know where to continue. */
export function stepStatus(draft: RegistrationDraft): Record<RegistrationStep, boolean> {
  return {
    identity: Boolean(draft.identity),
    duplicates: Boolean(draft.identity),
    profile: Boolean(draft.profile),
    offerings: draft.offeringsDone,
    hubs: draft.hubsDone,
    review: false,
  };
}

/** Whether the duplicates of the current name and website were already looked at and dismissed. */
export function duplicatesDismissed(draft: RegistrationDraft): boolean {
  const { identity, duplicatesDismissed: dismissed } = draft;
  return Boolean(
    identity &&
    dismissed &&
    dismissed.name === identity.name &&
    dismissed.websiteUrl === identity.websiteUrl,
  );
}

/** The first step not done yet: where "Continue" takes the person. */
export function nextStep(draft: RegistrationDraft): RegistrationStep {
  const done = stepStatus(draft);
  for (const step of ['identity', 'profile', 'offerings', 'hubs'] as const) {
    if (!done[step]) return step;
  }
  return 'review';
}
