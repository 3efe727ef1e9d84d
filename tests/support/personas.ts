import type { JwtClaims } from '../../src/server/db/claims';
import { demoUserId } from '../../src/server/seed/seed-demo';
import { claimsFor } from './databases';

/**
 * The seeded demo users, one per role, as tests sign in as them:
 * - coordinator: coordinator of the `austria` and `demo-nordic-hub` hubs;
 * - otherCoordinator: coordinator of `demo-andean-hub` only;
 * - cityEditor: editor of `demo-fjordby` (in demo-nordic-hub), not of `demo-lakeside` or `demo-riverton`;
 * - otherCityEditor: editor of `demo-lakeside` (also in demo-nordic-hub) only;
 * - orgMember: admin of `demo-sensorwerk` (verified) and `demo-pending-mobility` (pending, waiting
 *   in the Nordic hub's review queue);
 * - orgColleague: plain member of `demo-sensorwerk`, admin of `demo-urban-data-lab` (verified) and
 *   of `demo-declined-gadgets` (declined; it chose the Austrian hub);
 * - member: signed in, no role anywhere; admin: platform admin.
 */
export const personas = {
  anon: null,
  member: 'member',
  orgMember: 'partner',
  orgColleague: 'colleague',
  cityEditor: 'city-editor',
  otherCityEditor: 'city2',
  coordinator: 'coordinator',
  otherCoordinator: 'andean-coordinator',
  admin: 'admin',
} as const;

export type Persona = keyof typeof personas;
export const allPersonas = Object.keys(personas) as Persona[];

/** The verified claims a persona's request carries (null for a visitor). */
export function claimsOf(persona: Persona): JwtClaims | null {
  const key = personas[persona];
  return key === null ? null : claimsFor(demoUserId(key), `${key}@demo.u4ssc.local`);
}

/** The persona's user id (throws for anon). */
export function userIdOf(persona: Exclude<Persona, 'anon'>): string {
  return demoUserId(personas[persona]);
}
