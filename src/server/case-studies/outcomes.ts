import type { FieldError } from '../forms';

/**
 * How the domain's use cases turn a database refusal into field errors, so
 * routes never read SQLSTATEs: 42501 is the guard or a policy saying no;
 * 23xxx is a constraint the form's own checks should have caught (a race,
 * or a request made by hand). Either way nothing was saved and the answer
 * is a 4xx with a message, never a 500.
 */
export function isDatabaseRefusal(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code === '42501' || code.startsWith('23'));
}

export function caseStudyFailure(
  error: unknown,
  forbiddenField = 'form',
): { ok: false; errors: FieldError[] } {
  const code = (error as { code?: string }).code;
  return {
    ok: false,
    errors: [
      code === '42501'
        ? { field: forbiddenField, message: 'caseStudy.error.forbidden' }
        : { field: 'form', message: 'caseStudy.error.notSaved' },
    ],
  };
}
