import { z } from 'zod';

/**
 * The JWT claims that reach Postgres as `request.jwt.claims`, in the shape
 * Supabase Auth issues, so `auth.uid()` and `auth.jwt()` read the same fields
 * whichever identity provider signed the user in.
 */
export const jwtClaimsSchema = z.object({
  sub: z.uuid(),
  email: z.email().optional(),
  role: z.literal('authenticated'),
  aal: z.enum(['aal1', 'aal2']).default('aal1'),
  exp: z.number().int(),
  iat: z.number().int().optional(),
  session_id: z.string().optional(),
  app_metadata: z.record(z.string(), z.unknown()).default({}),
  user_metadata: z.record(z.string(), z.unknown()).default({}),
});

export type JwtClaims = z.infer<typeof jwtClaimsSchema>;

/** Claims of a visitor who is not signed in, as PostgREST sets them for the anon key. */
export const anonClaims = { role: 'anon' } as const;
