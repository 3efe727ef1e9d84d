import { z } from 'zod';
import type { MessageKey, Translator } from '../i18n';
import type { ThemeKey } from '../taxonomy/themes';

/**
 * The structure of the U4SSC KPI framework (Recommendation ITU-T
 * Y.4903/L.1603): three dimensions, seven sub-dimensions and their
 * categories, with the code segments the official KPI codes use
 * (`EC:ICT:ICT:1C` = Economy › ICT › ICT infrastructure, KPI 1, core).
 * Names people read are i18n messages; this file holds the codes.
 */
export const kpiDimensionCodes = ['EC', 'EN', 'SC'] as const;
export type KpiDimension = (typeof kpiDimensionCodes)[number];

export interface KpiSubDimension {
  code: string;
  dimension: KpiDimension;
}

/** Sub-dimensions in the framework's order. */
export const kpiSubDimensions = [
  { code: 'EC:ICT', dimension: 'EC' },
  { code: 'EC:P', dimension: 'EC' },
  { code: 'EC:I', dimension: 'EC' },
  { code: 'EN:EN', dimension: 'EN' },
  { code: 'EN:E', dimension: 'EN' },
  { code: 'SC:EH', dimension: 'SC' },
  { code: 'SC:SH', dimension: 'SC' },
] as const satisfies readonly KpiSubDimension[];
export type KpiSubDimensionCode = (typeof kpiSubDimensions)[number]['code'];
export const kpiSubDimensionCodes = kpiSubDimensions.map((s) => s.code) as KpiSubDimensionCode[];

export interface KpiCategory {
  /** Sub-dimension code plus the category segment: `EC:ICT:WS`. */
  code: string;
  subDimension: KpiSubDimensionCode;
  /** The category's name in the reference data (English), used to match it when generating. */
  referenceName: string;
  /** The portal's themes for KPIs of this category (src/lib/taxonomy/themes.ts). */
  themes: readonly ThemeKey[];
}

/** Categories in the framework's order, with the themes their KPIs are filed under. */
export const kpiCategories = [
  {
    code: 'EC:ICT:ICT',
    subDimension: 'EC:ICT',
    referenceName: 'ICT Infrastructure',
    themes: ['ict-infrastructure'],
  },
  {
    code: 'EC:ICT:WS',
    subDimension: 'EC:ICT',
    referenceName: 'Water and Sanitation',
    themes: ['water', 'ict-infrastructure'],
  },
  {
    code: 'EC:ICT:D',
    subDimension: 'EC:ICT',
    referenceName: 'Drainage',
    themes: ['water', 'ict-infrastructure'],
  },
  {
    code: 'EC:ICT:ES',
    subDimension: 'EC:ICT',
    referenceName: 'Electricity Supply',
    themes: ['energy', 'ict-infrastructure'],
  },
  {
    code: 'EC:ICT:T',
    subDimension: 'EC:ICT',
    referenceName: 'Transport',
    themes: ['mobility', 'ict-infrastructure'],
  },
  {
    code: 'EC:ICT:PS',
    subDimension: 'EC:ICT',
    referenceName: 'Public Sector',
    themes: ['e-government', 'data-and-ai'],
  },
  { code: 'EC:P:IN', subDimension: 'EC:P', referenceName: 'Innovation', themes: ['economy'] },
  { code: 'EC:P:EM', subDimension: 'EC:P', referenceName: 'Employment', themes: ['economy'] },
  {
    code: 'EC:I:WS',
    subDimension: 'EC:I',
    referenceName: 'Water and Sanitation',
    themes: ['water'],
  },
  { code: 'EC:I:WA', subDimension: 'EC:I', referenceName: 'Waste', themes: ['waste'] },
  {
    code: 'EC:I:ES',
    subDimension: 'EC:I',
    referenceName: 'Electricity Supply',
    themes: ['energy'],
  },
  { code: 'EC:I:T', subDimension: 'EC:I', referenceName: 'Transport', themes: ['mobility'] },
  {
    code: 'EC:I:B',
    subDimension: 'EC:I',
    referenceName: 'Buildings',
    themes: ['urban-planning', 'energy'],
  },
  {
    code: 'EC:I:UP',
    subDimension: 'EC:I',
    referenceName: 'Urban Planning',
    themes: ['urban-planning'],
  },
  {
    code: 'EN:EN:AQ',
    subDimension: 'EN:EN',
    referenceName: 'Air Quality',
    themes: ['environment', 'climate'],
  },
  {
    code: 'EN:EN:WS',
    subDimension: 'EN:EN',
    referenceName: 'Water and Sanitation',
    themes: ['water', 'environment'],
  },
  {
    code: 'EN:EN:WA',
    subDimension: 'EN:EN',
    referenceName: 'Waste',
    themes: ['waste', 'environment'],
  },
  {
    code: 'EN:EN:EQ',
    subDimension: 'EN:EN',
    referenceName: 'Environmental Quality',
    themes: ['environment'],
  },
  {
    code: 'EN:EN:PSN',
    subDimension: 'EN:EN',
    referenceName: 'Public Space and Nature',
    themes: ['environment', 'urban-planning'],
  },
  { code: 'EN:E:E', subDimension: 'EN:E', referenceName: 'Energy', themes: ['energy'] },
  { code: 'SC:EH:ED', subDimension: 'SC:EH', referenceName: 'Education', themes: ['education'] },
  { code: 'SC:EH:H', subDimension: 'SC:EH', referenceName: 'Health', themes: ['health'] },
  { code: 'SC:EH:C', subDimension: 'SC:EH', referenceName: 'Culture', themes: ['culture'] },
  { code: 'SC:SH:HO', subDimension: 'SC:SH', referenceName: 'Housing', themes: ['housing'] },
  {
    code: 'SC:SH:SI',
    subDimension: 'SC:SH',
    referenceName: 'Social Inclusion',
    themes: ['social-inclusion', 'participation'],
  },
  { code: 'SC:SH:SA', subDimension: 'SC:SH', referenceName: 'Safety', themes: ['safety'] },
  { code: 'SC:SH:FS', subDimension: 'SC:SH', referenceName: 'Food Security', themes: ['food'] },
] as const satisfies readonly KpiCategory[];
export type KpiCategoryCode = (typeof kpiCategories)[number]['code'];
export const kpiCategoryCodes = kpiCategories.map((c) => c.code) as KpiCategoryCode[];

/** Core KPIs are expected to be reportable by every city; advanced ones go deeper. */
export const kpiTypes = ['core', 'advanced'] as const;
export type KpiType = (typeof kpiTypes)[number];

/** The second tag of the official sheets, known for only a few KPIs. */
export const kpiFocuses = ['smart', 'sustainable'] as const;
export type KpiFocus = (typeof kpiFocuses)[number];

/**
 * An official KPI code: dimension, sub-dimension, category, then the number
 * and C (core) or A (advanced), separated by colons without spaces.
 */
export const kpiCodePattern = /^(EC|EN|SC):[A-Z]{1,3}:[A-Z]{1,3}:[1-9][0-9]?[CA]$/;

/** The issue message of `kpiCodeSchema`: an i18n key with the refused value in `params.value`. */
export const kpiCodeIssueMessage = 'kpis.error.code' satisfies MessageKey;

/**
 * A KPI code in the official form. Spaces (as printed in ITU documents,
 * "EC: ICT: ICT: 1C") and lower case are accepted and normalised. Whether
 * the code is in the catalogue is a question for the database (`kpis`).
 */
export const kpiCodeSchema = z.string().transform((value, ctx) => {
  const code = value.replace(/\s+/g, '').toUpperCase();
  if (!kpiCodePattern.test(code)) {
    ctx.addIssue({ code: 'custom', message: kpiCodeIssueMessage, params: { value } });
    return z.NEVER;
  }
  return code;
});

/** The URL slug of a KPI: `EC:ICT:ICT:1C` → `ec-ict-ict-1c`. */
export function kpiSlugFromCode(code: string): string {
  return code.toLowerCase().replaceAll(':', '-');
}

/** The code a slug stands for: `ec-ict-ict-1c` → `EC:ICT:ICT:1C` (null if it is not a KPI slug). */
export function kpiCodeFromSlug(slug: string): string | null {
  const code = slug.toUpperCase().replaceAll('-', ':');
  return kpiCodePattern.test(code) ? code : null;
}

/** Core or advanced, read from the code's last letter. */
export function kpiTypeOfCode(code: string): KpiType {
  return code.endsWith('C') ? 'core' : 'advanced';
}

/** The dimension of a sub-dimension or category code: `EC:ICT:WS` → `EC`. */
export function kpiDimensionOf(code: string): KpiDimension {
  return code.slice(0, 2) as KpiDimension;
}

/** "Economy", "Environment", "Society and Culture". */
export function kpiDimensionLabel(t: Translator['t'], dimension: string): string {
  return t(`kpis.dimension.${dimension}` as MessageKey);
}

/** "ICT", "Education, Health and Culture"… */
export function kpiSubDimensionLabel(t: Translator['t'], subDimension: string): string {
  return t(`kpis.subDimension.${subDimension}` as MessageKey);
}

/** "ICT infrastructure", "Water and sanitation"… */
export function kpiCategoryLabel(t: Translator['t'], category: string): string {
  return t(`kpis.category.${category}` as MessageKey);
}
