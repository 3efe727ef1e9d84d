import http from 'node:http';

export interface RawAnswer {
  status: number | null;
  /** The answer's body (first 64 KiB), when one arrived. */
  body: string;
  /** Bytes of the request body sent before the answer arrived (or the connection closed). */
  sent: number;
  /** Node's error when the connection was cut instead (ECONNRESET, EPIPE). */
  error?: string;
}

/**
 * Posts a body of `totalBytes` in `chunkBytes` pieces with
 * `Transfer-Encoding: chunked` (no Content-Length), or with a Content-Length
 * when `declare` is set, and keeps sending until the server answers, as a
 * hostile client would. Stops sending once the answer has arrived.
 */
export function postBody(
  url: string,
  options: {
    totalBytes: number;
    chunkBytes?: number;
    headers?: Record<string, string>;
    declare?: boolean;
    fill?: string;
  },
): Promise<RawAnswer> {
  const target = new URL(url);
  const chunkBytes = options.chunkBytes ?? 64 * 1024;
  const chunk = Buffer.alloc(chunkBytes, options.fill ?? 'a');
  const headers: Record<string, string> = { origin: target.origin, ...options.headers };
  if (options.declare) headers['content-length'] = String(options.totalBytes);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  return new Promise<RawAnswer>((resolve) => {
    let sent = 0;
    let answered = false;
    let status: number | null = null;
    let body = '';
    const req = http.request({
      host: target.hostname,
      port: target.port,
      path: `${target.pathname}${target.search}`,
      method: 'POST',
      headers,
      // A kept-alive connection of its own, as browsers use: after a refusal
      // the server reads no more of it, so it must not carry a next request.
      agent,
    });
    const finish = (error?: string) => {
      agent.destroy();
      resolve({ status, body, sent, ...(error ? { error } : {}) });
    };
    req.on('response', (res) => {
      answered = true;
      status = res.statusCode ?? null;
      res.setEncoding('utf8');
      res.on('data', (text: string) => {
        if (body.length < 65_536) body += text;
      });
      res.on('end', () => {
        req.destroy();
        finish();
      });
      res.on('error', () => finish());
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (!answered) finish(error.code ?? error.message);
    });
    const pump = () => {
      while (!answered && sent < options.totalBytes) {
        const piece =
          options.totalBytes - sent >= chunkBytes
            ? chunk
            : chunk.subarray(0, options.totalBytes - sent);
        sent += piece.byteLength;
        if (!req.write(piece)) {
          req.once('drain', pump);
          return;
        }
      }
      if (!answered) req.end();
    };
    pump();
  });
}

/** Signs in through the real /login form and returns the session cookie for raw requests. */
export async function sessionCookie(
  base: string,
  email: string,
  password: string,
): Promise<string> {
  const response = await fetch(`${base}/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base },
    body: new URLSearchParams({ email, password }).toString(),
    redirect: 'manual',
  });
  const cookie = response.headers
    .getSetCookie()
    .map((value) => value.split(';')[0]!)
    .find((value) => value.includes('session'));
  if (response.status !== 303 || !cookie)
    throw new Error(`Sign-in as ${email} failed: ${response.status}`);
  return cookie;
}
