import { z } from 'zod';
import type { RichTextDocument } from '../../lib/rich-text/document-schema';
import type { RequestDb } from '../db/request-context';
import type { FieldError } from '../forms';
import { richTextFieldSchema } from '../../lib/rich-text/rich-text-field';

/** The hub description form: one rich-text field (the editor's JSON). */
export const hubDescriptionFormSchema = z.object({ description: richTextFieldSchema });

/**
 * Saves a hub's rich-text description (validated like any rich text by the
 * form's schema). RLS lets only the hub's coordinators and admins change it.
 */
export async function updateHubDescription(
  db: RequestDb,
  input: { hubId: string; description: RichTextDocument },
): Promise<{ ok: true } | { ok: false; errors: FieldError[] }> {
  const rows = await db.query(
    'update public.hubs set description = $2::text::jsonb where id = $1 returning id',
    [input.hubId, JSON.stringify(input.description)],
  );
  if (rows.length === 0)
    return { ok: false, errors: [{ field: 'description', message: 'hubForm.forbiddenBody' }] };
  return { ok: true };
}
