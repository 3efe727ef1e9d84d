import { common } from './common';
import { deliverables } from './deliverables';
import { home } from './home';
import { places } from './places';

/**
 * Every English UI string, merged from one file per area. A new area adds its
 * file here; a key defined twice fails the unit test `i18n.test.ts`.
 */
export const en = {
  ...common,
  ...home,
  ...places,
  ...deliverables,
} as const;

export const englishSources = { common, home, places, deliverables } as const;
