import type { RequestDb } from '../db/request-context';
import type { Queryable } from '../db/types';
import type { FieldError } from '../forms';

/** What every procurement use case returns: done, or the problems on the form's fields. */
export type Outcome<T = object> = ({ ok: true } & T) | { ok: false; errors: FieldError[] };

export const refused = (
  field: string,
  message: FieldError['message'],
  params?: FieldError['params'],
): { ok: false; errors: FieldError[] } => ({
  ok: false,
  errors: [{ field, message, ...(params ? { params } : {}) }],
});

/**
 * The database's refusal of a write the use case let through, as a field
 * error: a policy or guard (42501) or a rule the form also checks (23514,
 * 23503). The use cases check first, so these are the last line; anything
 * else is rethrown (a 503 or a bug, never a half-saved form).
 */
export function databaseRefusal(error: unknown): { ok: false; errors: FieldError[] } {
  const { code, message = '' } = error as { code?: string; message?: string };
  if (code === '42501') return refused('form', 'procurement.error.forbidden');
  if (code === '23503' && message.includes('KPI'))
    return refused('kpi_codes', 'procurement.error.kpiUnknown');
  if (code === '23514' || code === '23505' || code === '23503') {
    if (message.includes('deadline')) return refused('deadline', 'procurement.error.deadlinePast');
    if (message.includes('weights'))
      return refused('criterion_weight_1', 'procurement.error.weightsTotalDb');
    if (message.includes('open_long_enough'))
      return refused('short_deadline_reason', 'procurement.error.shortDeadline', { days: 28 });
    if (message.includes('non_bidder'))
      return refused('non_bidder_reason', 'procurement.error.nonBidderReason');
    return refused('form', 'procurement.error.rule');
  }
  throw error;
}

/** Thrown inside a write to undo it and answer with these problems. */
export class Refusal extends Error {
  constructor(readonly errors: FieldError[]) {
    super('refused');
    this.name = 'Refusal';
  }
}

/** Stops a write: everything it did in its savepoint is undone, and the form shows the problem. */
export function refuse(
  field: string,
  message: FieldError['message'],
  params?: FieldError['params'],
): never {
  throw new Refusal([{ field, message, ...(params ? { params } : {}) }]);
}

/**
 * Runs a write in a savepoint: all of it or none of it. A `Refusal` or a
 * database refusal becomes field errors; anything else is rethrown.
 */
export async function inSavepoint<T extends object>(
  db: RequestDb,
  write: (tx: Queryable) => Promise<T>,
): Promise<Outcome<T>> {
  try {
    const value = await db.savepoint(write);
    return { ok: true, ...value };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, errors: error.errors };
    return databaseRefusal(error);
  }
}
