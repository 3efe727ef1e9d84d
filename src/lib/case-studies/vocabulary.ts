import { z } from 'zod';
import type { MessageKey } from '../i18n';

/**
 * The words of a case study that are stored as keys: where the project
 * stands, where the case study stands in review, what a partner did, how the
 * project was funded, whether its data is disaggregated by sex, and the
 * language it is written in. The same lists are checked by the database
 * (supabase/migrations/20261203100100_case_studies.sql); labels are i18n
 * messages (`caseStudy.<list>.<key>`).
 */

/** Where the project itself stands. */
export const projectStatuses = ['planned', 'in-progress', 'completed'] as const;
export type ProjectStatus = (typeof projectStatuses)[number];

/** Where the case study stands in review (docs/case-studies.md, "Workflow"). */
export const workflowStatuses = [
  'draft',
  'submitted',
  'changes_requested',
  'published',
  'unpublished',
] as const;
export type WorkflowStatus = (typeof workflowStatuses)[number];

/** What a partner organization did in the project. */
export const partnerRoles = [
  'implementer',
  'technology-provider',
  'funder',
  'research-partner',
  'advisor',
  'operator',
  'community-partner',
  'other-role',
] as const;
export type PartnerRole = (typeof partnerRoles)[number];

/** Where the money came from (several may apply). */
export const fundingSources = [
  'municipal-budget',
  'national-government',
  'regional-funds',
  'international-development',
  'private-investment',
  'public-private-partnership',
  'philanthropy',
  'research-grant',
  'user-fees',
  'other-source',
] as const;
export type FundingSource = (typeof fundingSources)[number];

/** Whether the project's data is disaggregated by sex. */
export const sexDisaggregationOptions = ['yes', 'partly', 'no', 'unknown'] as const;
export type SexDisaggregation = (typeof sexDisaggregationOptions)[number];

/**
 * The languages a case study can be written in (ISO 639-1): the six UN
 * languages first, then the languages of the network's cities. Names come
 * from `Intl.DisplayNames`, so no label is kept here.
 */
export const caseStudyLanguages = [
  'en',
  'fr',
  'es',
  'ar',
  'ru',
  'zh',
  'de',
  'it',
  'pt',
  'nl',
  'no',
  'sv',
  'da',
  'fi',
  'is',
  'pl',
  'tr',
  'el',
  'fa',
  'hi',
  'id',
  'ja',
  'ko',
  'sw',
  'vi',
  'kk',
] as const;
export type CaseStudyLanguage = (typeof caseStudyLanguages)[number];

/** The language's name in `locale` ("no" → "Norwegian"); the code itself if unknown. */
export function languageName(locale: string, code: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * The rule of the "gender-responsive" facet, as the database's generated
 * column computes it: the data is disaggregated by sex, at least partly, and
 * the case study says how women and girls took part.
 */
export function isGenderResponsive(sexDisaggregated: SexDisaggregation, participation: string) {
  return (
    (sexDisaggregated === 'yes' || sexDisaggregated === 'partly') && participation.trim() !== ''
  );
}

/** A schema for one key of a list, refusing anything else with `message` naming the value. */
export function keyOf<const Keys extends readonly string[]>(keys: Keys, message: MessageKey) {
  const known = new Set<string>(keys);
  return z.string().transform((value, ctx) => {
    const key = value.trim().toLowerCase();
    if (!known.has(key)) {
      ctx.addIssue({ code: 'custom', message, params: { value } });
      return z.NEVER;
    }
    return key as Keys[number];
  });
}
