import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local HTTP fixture of the Supabase Storage endpoints the portal's adapter
 * calls (as documented at supabase.com/docs/reference/storage and used by
 * @supabase/storage-js): upload `POST /storage/v1/object/{bucket}/{path}`,
 * download `GET /storage/v1/object/{bucket}/{path}`, remove
 * `DELETE /storage/v1/object/{bucket}` with `{ prefixes }`. It checks the
 * service-role key on every call.
 */
export async function startStorageFixture(serviceKey: string) {
  const objects = new Map<string, { bytes: Buffer; contentType: string }>();
  const requests: string[] = [];
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', 'http://fixture');
    requests.push(`${req.method} ${url.pathname}`);
    const send = (status: number, payload: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(payload));
    };
    if (req.headers.authorization !== `Bearer ${serviceKey}` || req.headers.apikey !== serviceKey) {
      return send(403, { statusCode: '403', error: 'Unauthorized', message: 'invalid signature' });
    }
    const match = /^\/storage\/v1\/object\/([^/]+)(?:\/(.+))?$/.exec(url.pathname);
    if (!match)
      return send(404, { statusCode: '404', error: 'not_found', message: 'Route not found' });
    const [, bucket, path] = match;
    const key = `${bucket}/${path}`;
    if (req.method === 'POST' && path) {
      if (objects.has(key) && req.headers['x-upsert'] !== 'true') {
        return send(400, {
          statusCode: '409',
          error: 'Duplicate',
          message: 'The resource already exists',
        });
      }
      objects.set(key, { bytes: body, contentType: String(req.headers['content-type']) });
      return send(200, { Key: key, Id: key });
    }
    if (req.method === 'GET' && path) {
      const object = objects.get(key);
      if (!object)
        return send(400, { statusCode: '404', error: 'not_found', message: 'Object not found' });
      res.writeHead(200, { 'content-type': object.contentType });
      return res.end(object.bytes);
    }
    if (req.method === 'DELETE' && !path) {
      const { prefixes } = JSON.parse(body.toString('utf8')) as { prefixes: string[] };
      const removed = prefixes.filter((prefix) => objects.delete(`${bucket}/${prefix}`));
      return send(
        200,
        removed.map((name) => ({ name })),
      );
    }
    return send(405, {
      statusCode: '405',
      error: 'method_not_allowed',
      message: 'Method not allowed',
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    objects,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
