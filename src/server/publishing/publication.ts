import { z } from 'zod';
import { canonicalTimeZone, wallTimeToInstant } from '../../lib/time-zone';
import { withComposedWallTimes } from '../../lib/wall-time-parts';

/** Where an item stands: a draft, scheduled for later, or published. */
export type PublicationState = 'draft' | 'scheduled' | 'published';

/** The state of an item given its publication time, as the RLS policies see it. */
export function publicationState(
  publishedAt: Date | null,
  now: Date = new Date(),
): PublicationState {
  if (!publishedAt) return 'draft';
  return publishedAt.getTime() > now.getTime() ? 'scheduled' : 'published';
}

/** What the editor asked for with the button they pressed. */
export const publicationActionSchema = z.enum(['save', 'publish', 'schedule', 'unpublish']);
export type PublicationAction = z.infer<typeof publicationActionSchema>;

/**
 * Where a saved news item or event is shown next, saying what was done:
 * `/news/<slug>?saved=publish` answers "Published", with the public address,
 * where every button used to answer "Saved.". Any other pressed value reads
 * as a plain save.
 */
export function savedItemPath(basePath: string, action: unknown): string {
  const done = publicationActionSchema.catch('save').parse(action);
  return `${basePath}?saved=${done}`;
}

/** The action a `?saved=` value names, or null when the page was not reached by saving. */
export function savedAction(value: string | null): PublicationAction | null {
  if (value === null) return null;
  return publicationActionSchema.catch('save').parse(value === '1' ? 'save' : value);
}

/**
 * Form fields that set when an item is published. The time comes as the four
 * parts of the date-and-time field (`publish_at-day`, `-month`, `-year`,
 * `-time`, src/lib/wall-time-parts.ts) or as `publish_at` itself.
 */
export const publicationFieldsSchema = z.preprocess(
  (fields) =>
    fields && typeof fields === 'object'
      ? withComposedWallTimes(fields as Record<string, unknown>, ['publish_at'])
      : fields,
  z.object({
    action: publicationActionSchema.catch('save'),
    // Anything that is not a short date-time reads as none: scheduling then asks for one.
    publish_at: z.string().trim().max(25).optional().catch(undefined),
    publish_tz: z
      .string()
      .trim()
      .transform((value, context) => {
        const zone = canonicalTimeZone(value);
        if (zone) return zone;
        context.addIssue({ code: 'custom', message: 'publish.error.timeZone' });
        return z.NEVER;
      })
      .catch('UTC')
      .default('UTC'),
  }),
);
export type PublicationFields = z.output<typeof publicationFieldsSchema>;

/**
 * The publication time to store for the pressed button: keep (`undefined`),
 * now, the scheduled time, or none (draft). A schedule without a valid time
 * is reported as an error on the field.
 */
export function resolvePublishedAt(
  fields: PublicationFields,
  current: Date | null,
):
  | { ok: true; publishedAt: Date | null | 'now' }
  | { ok: false; field: 'publish_at'; message: 'publish.error.time' } {
  switch (fields.action) {
    case 'save':
      return { ok: true, publishedAt: current };
    case 'publish':
      // Already public: keep its original date.
      return {
        ok: true,
        publishedAt: current && current.getTime() <= Date.now() ? current : 'now',
      };
    case 'unpublish':
      return { ok: true, publishedAt: null };
    case 'schedule': {
      const instant = fields.publish_at
        ? wallTimeToInstant(fields.publish_at, fields.publish_tz)
        : null;
      if (!instant) return { ok: false, field: 'publish_at', message: 'publish.error.time' };
      return { ok: true, publishedAt: instant };
    }
  }
}
