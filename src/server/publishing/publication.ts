import { z } from 'zod';
import { canonicalTimeZone, wallTimeToInstant } from '../../lib/time-zone';

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

/** Form fields that set when an item is published. */
export const publicationFieldsSchema = z.object({
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
});
export type PublicationFields = z.infer<typeof publicationFieldsSchema>;

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
