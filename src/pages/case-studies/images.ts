import type { APIRoute } from 'astro';
import { z } from 'zod';
import { anyTarget } from '../../lib/permissions';
import { slugSchema } from '../../lib/slug';
import { findCity } from '../../server/cities/queries';
import { bodyLimits, readForm } from '../../server/forms';
import { requirePermission } from '../../server/permissions/require-permission';
import { getStorage } from '../../server/storage/get-storage';
import { uploadImage } from '../../server/storage/upload-image';

const json = (body: unknown, status: number) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });

// The editor island sends `file` (and a `hub` field, empty here); the city is in the address.
const uploadFormSchema = z.object({ hub: z.string().optional() });

/**
 * Image uploads of the case-study editor (POST multipart `file`, to
 * `/case-studies/images?city=<city slug>`): only a city editor gets the body read,
 * the city is checked before the image is decoded, and RLS on media_files
 * decides in the end. Answers `{ url }` or `{ error }` as /media/upload does.
 */
export const POST: APIRoute = async (context) => {
  const { t } = context.locals.i18n;
  const access = await requirePermission(context, 'caseStudy.write', anyTarget, { answer: 'json' });
  const slug = slugSchema.safeParse(context.url.searchParams.get('city'));
  const city = slug.success ? await findCity(context.locals.db, slug.data) : null;
  if (!city) return json({ error: t('upload.error.forbidden') }, 403);
  await requirePermission(context, 'caseStudy.write', { cityId: city.id }, { answer: 'json' });
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
  const outcome = await uploadImage(context.locals.db, getStorage(), {
    bytes: file.bytes,
    originalName: file.name,
    cityId: city.id,
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
