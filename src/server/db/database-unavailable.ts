/**
 * The database cannot answer right now: PostgreSQL is restarting or
 * unreachable, a connection was cut, a statement ran past its time limit, or
 * the embedded PGlite could not be opened or has stopped. Nothing the user did
 * caused it and trying again shortly may work, so the request gets a 503 with
 * Retry-After (see `src/server/http/unavailable-response.ts`), never a 500.
 *
 * The drivers throw this, and only this, for such failures; SQL errors a use
 * case can act on (unique violations, RLS refusals…) pass through unchanged.
 */
export class DatabaseUnavailableError extends Error {
  /** The SQLSTATE or socket error code of the underlying failure, when there is one. */
  readonly code: string | undefined;

  constructor(message: string, options: { cause: unknown; code?: string }) {
    super(message, { cause: options.cause });
    this.name = 'DatabaseUnavailableError';
    this.code = options.code;
  }
}

/**
 * Whether `error` (or an error it wraps as its `cause`) says the database is
 * unavailable. Walks the cause chain because rendering layers may wrap what a
 * page threw.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth += 1) {
    if (current instanceof DatabaseUnavailableError) return true;
    if ((current as { name?: unknown }).name === 'DatabaseUnavailableError') return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * SQLSTATEs that mean "the server cannot serve this connection now":
 * class 08 (connection exception), 53300 too many connections, 57P01–57P03
 * (terminated by an administrator, crash shutdown, cannot connect now),
 * 57014 (statement cancelled: the request's time limit), 3D000 is not here:
 * a missing database is a configuration error, reported as it is.
 */
const unavailableSqlStates = new Set(['53300', '57014', '57P01', '57P02', '57P03']);

/** Socket-level errors Node reports when the server is gone or unreachable. */
const unavailableSocketCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * node-postgres reports a cut connection, a connect timeout and its own read
 * timeout with these messages and no code.
 */
const unavailableMessages = [
  /^Connection terminated/,
  /^timeout exceeded when trying to connect$/,
  /^Query read timeout$/,
  /^Client has encountered a connection error and is not queryable$/,
  /^Client was closed and is not queryable$/,
  /^Cannot use a pool after calling end on the pool$/,
];

/** Decides whether an error from PostgreSQL or its socket means "unavailable". */
export function isPostgresUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (code.startsWith('08') || unavailableSqlStates.has(code)) return true;
    if (unavailableSocketCodes.has(code)) return true;
  }
  if (error instanceof AggregateError) return error.errors.some(isPostgresUnavailable);
  return unavailableMessages.some((pattern) => pattern.test(error.message));
}

/** Wraps an "unavailable" error from PostgreSQL; returns any other error as it is. */
export function asPostgresError(error: unknown): unknown {
  if (error instanceof DatabaseUnavailableError || !isPostgresUnavailable(error)) return error;
  const code = (error as { code?: unknown }).code;
  return new DatabaseUnavailableError(
    `PostgreSQL is unavailable: ${(error as Error).message || (error as Error).name}`,
    { cause: error, code: typeof code === 'string' ? code : undefined },
  );
}
