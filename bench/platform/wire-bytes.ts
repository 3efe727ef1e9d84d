import http from 'node:http';

export interface WireBytes {
  route: string;
  identity: number;
  gzip: number | null;
  br: number | null;
}

function rawBytes(
  url: string,
  encoding: string,
): Promise<{ bytes: number; encoding: string | null }> {
  return new Promise((resolve, reject) => {
    const request = http.get(
      url,
      { headers: { 'accept-encoding': encoding }, agent: false },
      (response) => {
        let bytes = 0;
        response.on('data', (chunk: Buffer) => (bytes += chunk.length));
        response.on('end', () =>
          resolve({ bytes, encoding: (response.headers['content-encoding'] as string) ?? null }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
  });
}

/**
 * Bytes of the body on the wire, as sent (not decoded), for no encoding,
 * gzip and brotli; null when the server answered that encoding uncompressed.
 */
export async function measureWireBytes(baseUrl: string, route: string): Promise<WireBytes> {
  const identity = await rawBytes(`${baseUrl}${route}`, 'identity');
  const gzip = await rawBytes(`${baseUrl}${route}`, 'gzip');
  const br = await rawBytes(`${baseUrl}${route}`, 'br');
  return {
    route,
    identity: identity.bytes,
    gzip: gzip.encoding === 'gzip' ? gzip.bytes : null,
    br: br.encoding === 'br' ? br.bytes : null,
  };
}
