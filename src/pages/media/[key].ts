import type { APIRoute } from 'astro';
import { z } from 'zod';
import { findMediaFileByKey } from '../../server/storage/queries';
import { getStorage } from '../../server/storage/get-storage';
import { sandboxContentSecurityPolicy } from '../../server/http/security-headers';

const keySchema = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.(?:jpg|png|webp|gif)$/);

/**
 * Serves an uploaded image from whichever storage adapter is configured.
 * Content type comes from the metadata row (never from the file name),
 * with nosniff and a sandboxing CSP so the bytes can only ever be an image.
 */
export const GET: APIRoute = async ({ params, locals }) => {
  const key = keySchema.safeParse(params.key);
  if (!key.success) return new Response(null, { status: 404 });
  const file = await findMediaFileByKey(locals.db, key.data);
  if (!file) return new Response(null, { status: 404 });
  const bytes = await getStorage().get(file.storageKey);
  if (!bytes) return new Response(null, { status: 404 });
  return new Response(new Blob([bytes as Uint8Array<ArrayBuffer>]), {
    headers: {
      'Content-Type': file.contentType,
      'Content-Length': String(bytes.byteLength),
      'Cache-Control': 'public, max-age=31536000, immutable',
      'Content-Security-Policy': sandboxContentSecurityPolicy,
      'X-Content-Type-Options': 'nosniff',
    },
  });
};
