import type { APIRoute } from 'astro';
import { z } from 'zod';
import { maxFormBytes } from '../../server/hubs/read-form';
import { getStorage } from '../../server/storage/get-storage';
import { uploadImage } from '../../server/storage/upload-image';

const json = (body: unknown, status: number) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });

/**
 * Upload endpoint of the editor island (POST multipart: `file`, `hub`).
 * Answers JSON: `{ url }` for a stored image, or `{ error }` with a message
 * the editor shows as is. RLS on media_files decides who may upload.
 */
export const POST: APIRoute = async ({ request, locals }) => {
  const { t } = locals.i18n;
  const claims = locals.claims;
  if (!claims) return json({ error: t('upload.error.signIn') }, 401);
  if (Number(request.headers.get('content-length') ?? '0') > maxFormBytes) {
    return json({ error: t('upload.error.too-large') }, 413);
  }
  const form = await request.formData().catch(() => null);
  const file = form?.get('file');
  const hub = z.uuid().safeParse(form?.get('hub'));
  if (!file || typeof file === 'string' || file.size === 0)
    return json({ error: t('upload.error.noFile') }, 400);
  if (!hub.success) return json({ error: t('upload.error.forbidden') }, 403);
  if (file.size > maxFormBytes) return json({ error: t('upload.error.too-large') }, 413);
  const outcome = await uploadImage(locals.db, getStorage(), {
    bytes: new Uint8Array(await file.arrayBuffer()),
    originalName: file.name,
    hubId: hub.data,
    userId: claims.sub,
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
