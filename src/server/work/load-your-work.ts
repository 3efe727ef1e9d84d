import type { Translator } from '../../lib/i18n';
import { listRolesOf, type RoleWithTarget } from '../auth/queries';
import type { JwtClaims } from '../db/claims';
import type { Queryable } from '../db/types';
import type { WorkSection, WorkSource } from './work-section';

/**
 * Every section source: each file in ./sections/ exports one as its default,
 * so a domain registers by adding a file, without editing a list that other
 * branches edit too. Sorted by `order`, then `id`.
 */
export const workSources: readonly WorkSource[] = sortSources(
  Object.entries(import.meta.glob<{ default: WorkSource }>('./sections/*.ts', { eager: true })).map(
    ([file, module]) => {
      if (!module.default?.load) throw new Error(`${file} does not export a work section source`);
      return module.default;
    },
  ),
);

/** Orders sources for the page and refuses two with the same id. */
export function sortSources(sources: WorkSource[]): WorkSource[] {
  const ids = new Set<string>();
  for (const source of sources) {
    if (ids.has(source.id)) throw new Error(`two work section sources are called "${source.id}"`);
    ids.add(source.id);
  }
  return [...sources].sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}

export interface YourWork {
  roles: RoleWithTarget[];
  sections: WorkSection[];
}

/**
 * Everything the "Your work" page shows for the signed-in person: their
 * roles (read once) and each source's sections, in page order. Every query
 * runs in the request's transaction as the person, so RLS decides what each
 * source sees. Section ids must be unique on the page.
 */
export async function loadYourWork(
  db: Queryable,
  claims: JwtClaims,
  i18n: Translator,
  sources: readonly WorkSource[] = workSources,
): Promise<YourWork> {
  const roles = await listRolesOf(db, [claims.sub]);
  const sections: WorkSection[] = [];
  // One after another: they share the request's one connection anyway.
  for (const source of sources) {
    sections.push(...(await source.load({ db, claims, roles, i18n })));
  }
  const ids = new Set<string>();
  for (const section of sections) {
    if (ids.has(section.id)) throw new Error(`two work sections are called "${section.id}"`);
    ids.add(section.id);
  }
  return { roles, sections };
}
