import { z } from 'zod';
import { kpiSubDimensions, type KpiSubDimensionCode } from '../kpis/framework';

/**
 * An assessment is entered one section at a time: the framework's seven
 * sub-dimensions (ICT, Productivity, Infrastructure, Environment, Energy,
 * Education, Health and Culture; Safety, Housing and Social Inclusion),
 * 7 to 23 KPIs each, instead of 91 forms on one page. A section's URL
 * segment is its code in lower case: `EC:ICT` → `ec-ict`.
 */

export const assessmentSections = kpiSubDimensions.map((s) => ({
  code: s.code as KpiSubDimensionCode,
  dimension: s.dimension,
  slug: s.code.toLowerCase().replace(':', '-'),
}));
export type AssessmentSection = (typeof assessmentSections)[number];

/** The section a URL segment names (`ec-ict`), or a refusal. */
export const sectionSlugSchema = z.string().transform((slug, ctx) => {
  const section = assessmentSections.find((s) => s.slug === slug);
  if (!section) {
    ctx.addIssue({ code: 'custom', message: 'not a section' });
    return z.NEVER;
  }
  return section;
});

/** The section of a sub-dimension code. */
export function sectionOf(subDimension: string): AssessmentSection | undefined {
  return assessmentSections.find((s) => s.code === subDimension);
}

/** The anchor of a KPI on its section page: `kpi-ec-ict-ict-1c`. */
export function kpiAnchor(slug: string): string {
  return `kpi-${slug}`;
}

/** Reporting years a city may open: from 2000 to the current year. */
export function reportingYearSchema(currentYear: number) {
  return z.coerce
    .number({ message: 'kpiAssessments.open.yearInvalid' })
    .int({ message: 'kpiAssessments.open.yearInvalid' })
    .min(2000, { message: 'kpiAssessments.open.yearRange' })
    .max(currentYear, { message: 'kpiAssessments.open.yearRange' });
}
