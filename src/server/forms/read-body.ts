/**
 * The one place a request body is read. Bytes are counted as they arrive, so
 * a chunked body (no Content-Length) is stopped at the limit like a declared
 * one, and nothing larger than the limit is ever held in memory.
 *
 * @astrojs/node hands Astro a Request whose body streams from the socket on
 * demand (NodeApp.createRequest passes the IncomingMessage as an async
 * iterable): nothing is buffered before this reader pulls it. A body nobody
 * reads (a refused request, a page that takes no form) is never read at all:
 * the answer goes out, the client's upload stalls, and Node closes the
 * connection at its keep-alive timeout (5 s).
 */

/** The body is larger than the route accepts (the route answers 413). */
export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`Request body exceeds ${limit} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

/**
 * How much of a refused body is read and thrown away before answering. Some
 * clients read the answer only once they have sent everything, and Node
 * stops reading a request once its answer is sent: a body slightly over its
 * limit (a photo too large) is therefore read to its end and dropped, so that
 * such a client gets the 413 and keeps its connection. Past these bounds the
 * answer goes out at once; the client, still sending, stalls, and Node
 * closes the connection at its keep-alive timeout (5 s). Closing it at once
 * instead would reset it while unread bytes wait, and lose the answer.
 */
export const lingerLimits = { milliseconds: 10_000, bytes: 16 * 1024 * 1024 } as const;

/**
 * Reads the whole body, counting bytes, and throws BodyTooLargeError once it
 * passes `limit` (a declared Content-Length over the limit is refused before a
 * byte is kept). What remains of a refused body is read and discarded first,
 * within `lingerLimits`, so that the client receives the answer.
 */
export async function readBodyBytes(
  request: Request,
  limit: number,
): Promise<Uint8Array<ArrayBuffer>> {
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const declared = declaredLength(request);
  if (declared > limit) {
    // Not worth reading what could not be read to its end anyway.
    if (declared - limit <= lingerLimits.bytes) await drain(reader);
    throw new BodyTooLargeError(limit);
  }
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > limit) {
      chunks.length = 0;
      await drain(reader);
      throw new BodyTooLargeError(limit);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** The Content-Length the client declared (0 when absent; Node refuses malformed ones). */
function declaredLength(request: Request): number {
  const value = Number(request.headers.get('content-length') ?? '0');
  return Number.isFinite(value) ? value : 0;
}

/** Reads and drops the rest of a body, until it ends or a linger limit is reached. */
async function drain(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeUp = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), lingerLimits.milliseconds);
  });
  let dropped = 0;
  try {
    while (dropped <= lingerLimits.bytes) {
      const read = reader.read();
      // A read still pending when time is up settles when the socket closes.
      read.catch(() => {});
      const next = await Promise.race([read, timeUp]);
      if (next?.done) return;
      if (next === null) break;
      dropped += next.value.byteLength;
    }
  } catch {
    // The client went away: nothing left to drain.
  } finally {
    clearTimeout(timer);
  }
}
