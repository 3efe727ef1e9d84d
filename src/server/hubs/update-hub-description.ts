import type { RequestDb } from '../db/request-context';
import { richTextFieldSchema } from '../../lib/rich-text/rich-text-field';
import { fieldErrorsFrom, type FieldError } from './form-errors';

/**
 * Saves a hub's rich-text description after validating it like any rich
 * text. RLS lets only the hub's coordinators and admins change it.
 */
export async function updateHubDescription(
  db: RequestDb,
  input: { hubId: string; json: string },
): Promise<{ ok: true } | { ok: false; errors: FieldError[]; submitted?: unknown }> {
  const parsed = richTextFieldSchema.safeParse(input.json);
  if (!parsed.success) {
    let submitted: unknown;
    try {
      submitted = JSON.parse(input.json);
    } catch {
      submitted = undefined;
    }
    const errors = fieldErrorsFrom(parsed.error).map((e) => ({
      field: 'description',
      message:
        e.message === 'hubForm.error.invalid' ? ('richText.error.invalid' as const) : e.message,
    }));
    return { ok: false, errors, submitted };
  }
  const rows = await db.query(
    'update public.hubs set description = $2::text::jsonb where id = $1 returning id',
    [input.hubId, JSON.stringify(parsed.data)],
  );
  if (rows.length === 0)
    return { ok: false, errors: [{ field: 'description', message: 'hubForm.forbiddenBody' }] };
  return { ok: true };
}
