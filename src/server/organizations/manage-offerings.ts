import { z } from 'zod';
import type { RequestDb } from '../db/request-context';
import type { FieldError } from '../forms';
import { offeringFieldsSchema, type OfferingFields } from './organization-fields';

/** The offerings page's forms: add one, edit one, remove one. */
export const offeringActionSchema = z.discriminatedUnion('intent', [
  offeringFieldsSchema.extend({ intent: z.literal('add') }),
  offeringFieldsSchema.extend({ intent: z.literal('edit'), offering: z.uuid() }),
  z.object({ intent: z.literal('remove'), offering: z.uuid() }),
]);
export type OfferingAction = z.output<typeof offeringActionSchema>;

export type OfferingOutcome = { ok: true } | { ok: false; errors: FieldError[] };

const notAllowed: OfferingOutcome = {
  ok: false,
  errors: [{ field: 'form', message: 'organizations.forbidden.adminsOnly' }],
};

/**
 * Adds, edits or removes an offering (RLS: the organization's admins and
 * platform admins; at most 12 per organization, by trigger).
 */
export async function changeOffering(
  db: RequestDb,
  context: { organizationId: string; userId: string },
  action: OfferingAction,
): Promise<OfferingOutcome> {
  const fields = (input: OfferingFields) => [
    input.title,
    input.description,
    input.themes,
    input.sdgs,
  ];
  try {
    const rows = await db.savepoint((tx) => {
      if (action.intent === 'add')
        return tx.query(
          `insert into public.organization_offerings (organization_id, title, description, themes, sdgs, position, created_by)
           select $1, $2, $3, $4, $5::smallint[], coalesce(max(position) + 1, 0), $6
             from public.organization_offerings where organization_id = $1
           returning id`,
          [context.organizationId, ...fields(action), context.userId],
        );
      if (action.intent === 'edit')
        return tx.query(
          `update public.organization_offerings set title = $3, description = $4, themes = $5, sdgs = $6::smallint[]
            where id = $1 and organization_id = $2 returning id`,
          [action.offering, context.organizationId, ...fields(action)],
        );
      return tx.query(
        'delete from public.organization_offerings where id = $1 and organization_id = $2 returning id',
        [action.offering, context.organizationId],
      );
    });
    return rows.length > 0 ? { ok: true } : notAllowed;
  } catch (error) {
    const { code, constraint_name, constraint } = error as {
      code?: string;
      constraint_name?: string;
      constraint?: string;
    };
    if (code === '42501') return notAllowed;
    if (code === '23514' && (constraint_name ?? constraint) === 'organization_offerings_at_most_12')
      return {
        ok: false,
        errors: [{ field: 'title', message: 'organizations.error.offeringsFull' }],
      };
    throw error;
  }
}
