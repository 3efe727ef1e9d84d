import { auth } from './auth';
import { common } from './common';
import { deliverables } from './deliverables';
import { directory } from './directory';
import { forms } from './forms';
import { home } from './home';
import { hubs } from './hubs';
import { places } from './places';
import { search } from './search';

/**
 * Every English UI string, merged from one file per area. A new area adds its
 * file here; a key defined twice fails the unit test `i18n.test.ts`.
 */
export const en = {
  ...common,
  ...auth,
  ...home,
  ...places,
  ...deliverables,
  ...hubs,
  ...search,
  ...directory,
  ...forms,
} as const;

export const englishSources = {
  auth,
  common,
  home,
  places,
  deliverables,
  hubs,
  search,
  directory,
  forms,
} as const;
