/**
 * The SQLSTATE of a database error, so a use case can turn an expected
 * refusal into a named outcome (routes never inspect error codes):
 * 42501 the database refused (RLS, or a verified assessment's freeze),
 * 23505 a unique row exists, 23514 a value the checks refuse.
 */
export function sqlStateOf(error: unknown): string | undefined {
  return (error as { code?: string } | null)?.code;
}
