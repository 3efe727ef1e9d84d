import { z } from 'zod';
import type { FieldError } from '../forms';
import type { Queryable } from '../db/types';
import {
  identityFieldsSchema,
  listField,
  offeringFieldsSchema,
  profileFieldsSchema,
  type IdentityFields,
  type OfferingFields,
  type ProfileFields,
} from './organization-fields';
import {
  findOrganizationDuplicates,
  isOrganizationSlugTaken,
} from './find-organization-duplicates';
import {
  duplicatesDismissed,
  loadRegistrationDraft,
  nextStep,
  saveRegistrationDraft,
  type RegistrationDraft,
  type RegistrationStep,
} from './registration-draft';

/**
 * The registration's steps, each saved into the person's draft as soon as it
 * is sent (so progress survives leaving the site). A step checks what it can
 * check at once (a taken page address, unknown Recommendations or hubs) so
 * the person hears about it beside the field, not at the end.
 */

export const identityStepSchema = identityFieldsSchema;
export const profileStepSchema = profileFieldsSchema;
export const offeringsStepSchema = z.discriminatedUnion('intent', [
  offeringFieldsSchema.extend({ intent: z.literal('add') }),
  z.object({ intent: z.literal('remove'), index: z.coerce.number().int().min(0).max(11) }),
  z.object({ intent: z.literal('done') }),
]);
export const hubsStepSchema = z.object({
  hubs: listField(
    z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'organizations.error.hub' }),
    50,
    'organizations.error.hub',
  ),
});

export type StepOutcome =
  { ok: true; next: RegistrationStep } | { ok: false; errors: FieldError[] };

async function update(
  db: Queryable,
  userId: string,
  change: (draft: RegistrationDraft) => Promise<FieldError[] | void> | FieldError[] | void,
): Promise<StepOutcome> {
  const { draft } = await loadRegistrationDraft(db, userId);
  const errors = await change(draft);
  if (errors && errors.length > 0) return { ok: false, errors };
  await saveRegistrationDraft(db, userId, draft);
  return { ok: true, next: nextStep(draft) };
}

/**
 * Who the organization is. When its website or name matches an organization
 * already on the portal, the next step is the list of those (to ask to join
 * instead) unless the person already said this one is different.
 */
export async function saveIdentityStep(
  db: Queryable,
  userId: string,
  input: IdentityFields,
): Promise<StepOutcome> {
  if (input.slug && (await isOrganizationSlugTaken(db, input.slug))) {
    return { ok: false, errors: [{ field: 'slug', message: 'organizations.error.slugTaken' }] };
  }
  let duplicates = false;
  const outcome = await update(db, userId, async (draft) => {
    draft.identity = input;
    if (!duplicatesDismissed(draft))
      duplicates = (await findOrganizationDuplicates(db, input)).length > 0;
  });
  return outcome.ok && duplicates ? { ok: true, next: 'duplicates' } : outcome;
}

/** "Mine is a different organization": the duplicates of this name and website are not asked about again. */
export function dismissDuplicates(db: Queryable, userId: string): Promise<StepOutcome> {
  return update(db, userId, (draft) => {
    if (!draft.identity) return [{ field: 'form', message: 'organizations.error.stepMissing' }];
    draft.duplicatesDismissed = {
      name: draft.identity.name,
      websiteUrl: draft.identity.websiteUrl,
    };
  });
}

/** What the organization does and where; Recommendations must be ITU-T Recommendations on the portal. */
export function saveProfileStep(
  db: Queryable,
  userId: string,
  input: ProfileFields,
): Promise<StepOutcome> {
  return update(db, userId, async (draft) => {
    const unknown = await unknownRecommendations(db, input.recommendations);
    if (unknown.length > 0)
      return [
        {
          field: 'recommendations',
          message: 'organizations.error.recommendation',
          params: { value: unknown.join(', ') },
        },
      ];
    draft.profile = input;
  });
}

/** Slugs that name no published ITU-T Recommendation. */
export async function unknownRecommendations(
  db: Queryable,
  slugs: readonly string[],
): Promise<string[]> {
  if (slugs.length === 0) return [];
  const rows = await db.query<{ slug: string }>(
    `select d.slug from public.deliverables d
      where d.slug = any($1::text[]) and d.kind = 'recommendation' and d.published`,
    [slugs],
  );
  const known = new Set(rows.map((row) => row.slug));
  return slugs.filter((slug) => !known.has(slug));
}

/** Adds or removes an offering, or says the list is complete (at least one). */
export function saveOfferingsStep(
  db: Queryable,
  userId: string,
  input: z.output<typeof offeringsStepSchema>,
): Promise<StepOutcome> {
  return update(db, userId, (draft) => {
    if (input.intent === 'add') {
      if (draft.offerings.length >= 12)
        return [{ field: 'title', message: 'organizations.error.offeringsFull' }];
      const { intent: _intent, ...offering } = input;
      draft.offerings.push(offering satisfies OfferingFields);
      draft.offeringsDone = false;
    } else if (input.intent === 'remove') {
      draft.offerings.splice(input.index, 1);
      if (draft.offerings.length === 0) draft.offeringsDone = false;
    } else {
      if (draft.offerings.length === 0)
        return [{ field: 'title', message: 'organizations.error.offeringsNone' }];
      draft.offeringsDone = true;
    }
  });
}

/** The hubs to join (none is allowed: platform admins then review it). */
export function saveHubsStep(db: Queryable, userId: string, hubs: string[]): Promise<StepOutcome> {
  return update(db, userId, async (draft) => {
    const unique = [...new Set(hubs)];
    if (unique.length > 0) {
      const rows = await db.query<{ slug: string }>(
        'select slug from public.hubs where slug = any($1::text[])',
        [unique],
      );
      if (rows.length !== unique.length)
        return [{ field: 'hubs', message: 'organizations.error.hub' }];
    }
    draft.hubs = unique;
    draft.hubsDone = true;
  });
}
