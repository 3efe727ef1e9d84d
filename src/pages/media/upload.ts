import type { APIRoute } from 'astro';
import { z } from 'zod';
import { anyTarget } from '../../lib/permissions';
import { bodyLimits, readForm } from '../../server/forms';
import { requirePermission } from '../../server/permissions/require-permission';
import { getStorage } from '../../server/storage/get-storage';
import { uploadImage } from '../../server/storage/upload-image';

const json = (body: unknown, status: number) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });

const uploadFormSchema = z.object({ hub: z.uuid({ message: 'upload.error.forbidden' }) });

/**
 * Upload endpoint of the editor island (POST multipart: `file`, `hub`).
 * Answers JSON: `{ url }` for a stored image, or `{ error }` with a message
 * the editor shows as is. Only someone who may upload for some hub gets the
 * body read; the chosen hub is checked before the image is decoded, and RLS
 * on media_files decides in the end.
 */
export const POST: APIRoute = async (context) => {
  const { t } = context.locals.i18n;
  const access = await requirePermission(context, 'media.upload', anyTarget, { answer: 'json' });
  const form = await readForm(access, uploadFormSchema, {
    limit: bodyLimits.editor,
    tooLarge: { field: 'file', message: 'upload.error.too-large' },
  });
  if (!form.ok) {
    const [error] = form.errors;
    return json({ error: t(error!.message, error!.params) }, form.status);
  }
  const file = form.files.file;
  if (!file || file.bytes.byteLength === 0) return json({ error: t('upload.error.noFile') }, 400);
  await requirePermission(context, 'media.upload', { hubId: form.data.hub }, { answer: 'json' });
  const outcome = await uploadImage(context.locals.db, getStorage(), {
    bytes: file.bytes,
    originalName: file.name,
    hubId: form.data.hub,
    userId: access.claims.sub,
  });
  if (!outcome.ok) {
    const response = json(
      { error: t(`upload.error.${outcome.reason}`) },
      outcome.reason === 'forbidden' ? 403 : outcome.reason === 'rate-limited' ? 429 : 422,
    );
    if (outcome.reason === 'rate-limited')
      response.headers.set('Retry-After', String(outcome.retryAfter));
    return response;
  }
  return json(
    { url: outcome.image.url, width: outcome.image.width, height: outcome.image.height },
    201,
  );
};
