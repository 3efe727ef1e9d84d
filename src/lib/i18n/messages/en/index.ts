import { auth } from './auth';
import { caseStudies } from './case-studies';
import { charts } from './charts';
import { cityProfiles } from './city-profiles';
import { common } from './common';
import { csv } from './csv';
import { deliverables } from './deliverables';
import { directory } from './directory';
import { forms } from './forms';
import { home } from './home';
import { hubs } from './hubs';
import { kpiAssessments } from './kpi-assessments';
import { kpis } from './kpis';
import { legal } from './legal';
import { organizations } from './organizations';
import { mail } from './mail';
import { places } from './places';
import { procurement } from './procurement';
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
  ...kpiAssessments,
  ...sdgs,
  ...taxonomy,
  ...charts,
  ...csv,
  ...forms,
  ...caseStudies,
  ...cityProfiles,
  ...legal,
  ...work,
  ...mail,
  ...procurement,
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
  kpiAssessments,
  sdgs,
  taxonomy,
  charts,
  csv,
  forms,
  caseStudies,
  cityProfiles,
  legal,
  work,
  mail,
  procurement,
} as const;
