import { z } from 'zod';

/**
 * The URLs of the KPI assessment pages, in one place:
 *
 *   /cities/<slug>/kpis/assessments                      the city's assessments (private)
 *   /cities/<slug>/kpis/assessments/<year>               the latest version of a year
 *   /cities/<slug>/kpis/assessments/<year>?version=1     an earlier version (read-only)
 *   …/<year>/sections/<section>, /import, /verification, /snapshot, /export.csv, /export.json
 *   /cities/<slug>/kpis/targets, /cities/<slug>/kpis/dashboard
 *   /cities/<slug>/kpis/<year>                           the published snapshot (public)
 *   /cities/<slug>/kpis/<year>.csv, .json                its open data
 */

export function assessmentsPath(citySlug: string): string {
  return `/cities/${citySlug}/kpis/assessments`;
}

/** An assessment's overview; a version is named only when it is not the latest. */
export function assessmentPath(
  citySlug: string,
  assessment: { year: number; version?: number; superseded?: boolean },
  page = '',
): string {
  const path = `${assessmentsPath(citySlug)}/${assessment.year}${page ? `/${page}` : ''}`;
  return assessment.superseded && assessment.version
    ? `${path}?version=${assessment.version}`
    : path;
}

export function snapshotPath(citySlug: string, year: number): string {
  return `/cities/${citySlug}/kpis/${year}`;
}

/** A reporting year in a URL: four digits, 2000–2100. */
export const yearParamSchema = z
  .string()
  .regex(/^\d{4}$/)
  .transform(Number)
  .pipe(z.number().int().min(2000).max(2100));

/** `?version=2`: absent means the latest. */
export const versionParamSchema = z
  .string()
  .regex(/^[1-9]\d?$/)
  .transform(Number)
  .optional();
