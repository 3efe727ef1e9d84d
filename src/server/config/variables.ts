import { z } from 'zod';

/**
 * Building blocks for reading environment variables, shared by every part of
 * the configuration so that "empty", "true" and URLs mean the same thing for
 * every variable. An empty value always counts as unset: `.env.example`
 * lists every variable, most of them empty.
 */

/** Unset or empty becomes `undefined`; other values are trimmed. */
export const optionalText = z
  .string()
  .optional()
  .transform((value) => (value && value.trim() !== '' ? value.trim() : undefined));

/** `true`/`1`/`yes` or `false`/`0`/`no`; unset or empty is `undefined`. */
export const optionalFlag = optionalText.pipe(
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'use true or false' })
    .transform((value) => value === 'true' || value === '1' || value === 'yes')
    .optional(),
);

/** A switch: `on`/`off` or any flag spelling (`true`, `0`, `no`…); unset or empty is `undefined`. */
export const optionalOnOff = optionalText.pipe(
  z
    .string()
    .transform((value) => value.toLowerCase())
    .pipe(
      z.enum(['on', 'off', 'true', 'false', '1', '0', 'yes', 'no'], { message: 'use on or off' }),
    )
    .transform((value) => ['on', 'true', '1', 'yes'].includes(value))
    .optional(),
);

/** An optional whole number within bounds; unset or empty is `undefined`. */
export function optionalInteger(min: number, max: number) {
  return optionalText.pipe(
    z
      .string()
      .regex(/^-?\d+$/, 'must be a whole number')
      .transform(Number)
      .pipe(z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`))
      .optional(),
  );
}

/** An optional absolute URL whose scheme matches; unset or empty is `undefined`. */
export function optionalUrl(protocol: RegExp, message: string) {
  return optionalText.pipe(z.url({ protocol, message }).optional());
}
