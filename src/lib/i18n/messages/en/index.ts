import { auth } from './auth';
import { charts } from './charts';
import { common } from './common';
import { csv } from './csv';
import { deliverables } from './deliverables';
import { directory } from './directory';
import { forms } from './forms';
import { home } from './home';
import { hubs } from './hubs';
import { kpis } from './kpis';
import { organizations } from './organizations';
import { mail } from './mail';
import { places } from './places';
import { sdgs } from './sdgs';
import { search } from './search';
import { taxonomy } from './taxonomy';
import { work } from './work';

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
  ...organizations,
  ...kpis,
  ...sdgs,
  ...taxonomy,
  ...charts,
  ...csv,
  ...forms,
  ...work,
  ...mail,
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
  organizations,
  kpis,
  sdgs,
  taxonomy,
  charts,
  csv,
  forms,
  work,
  mail,
} as const;
