import { writeAssessmentCsv } from '../../lib/kpi-assessments/assessment-csv';
import type { KpiEntry, KpiForEntry } from '../../lib/kpi-assessments/entry-rules';
import type { KpiCity, AssessmentSummary, StoredEntry } from './queries';

/**
 * The open-data shapes of an assessment: the CSV (the import's own format,
 * formula-safe) and JSON. The private export carries every entry the user may
 * read; a snapshot's carries only what it shares (its query's job).
 */

/** One file name for both formats: `fjordby-demo-kpis-2025-v1.csv`. */
export function exportFileName(
  city: KpiCity,
  assessment: Pick<AssessmentSummary, 'year' | 'version'>,
  extension: 'csv' | 'json',
  kind: 'assessment' | 'snapshot',
): string {
  const version = kind === 'assessment' ? `-v${assessment.version}` : '';
  return `${city.slug}-kpis-${assessment.year}${version}${kind === 'snapshot' ? '-snapshot' : ''}.${extension}`;
}

/** The CSV: every KPI of the catalogue, in order, with the entries given (others blank). */
export function assessmentCsv(
  catalogue: readonly KpiForEntry[],
  entries: ReadonlyMap<string, StoredEntry>,
  options: { onlyEntries?: boolean } = {},
): string {
  const rows = catalogue
    .filter((kpi) => !options.onlyEntries || entries.has(kpi.code))
    .map((kpi) => ({ kpi, entry: entries.get(kpi.code)?.entry ?? null }));
  return writeAssessmentCsv(rows);
}

type JsonValue = number | boolean | Record<string, number | boolean | null> | null;

/** A stored value as JSON: numbers, yes/no as booleans, parts as an object. */
function jsonValue(kpi: KpiForEntry, entry: KpiEntry): JsonValue {
  if (entry.status !== 'reported') return null;
  const asKind = (kind: string, n: number | null) =>
    n === null ? null : kind === 'yes-no' ? n === 1 : n;
  if (kpi.measure.parts) {
    return Object.fromEntries(
      kpi.measure.parts.map((part) => [
        part.key,
        asKind(part.kind, entry.value.parts?.[part.key] ?? null),
      ]),
    );
  }
  return asKind(kpi.measure.kind, entry.value.value);
}

/** The JSON document of an assessment or a snapshot. */
export function assessmentJson(input: {
  kind: 'assessment' | 'snapshot';
  city: KpiCity;
  assessment: AssessmentSummary;
  catalogue: readonly KpiForEntry[];
  entries: ReadonlyMap<string, StoredEntry>;
  siteUrl: string;
}) {
  const { city, assessment, catalogue, entries } = input;
  return {
    kind: input.kind === 'assessment' ? 'u4ssc-kpi-assessment' : 'u4ssc-kpi-snapshot',
    city: {
      slug: city.slug,
      name: city.name,
      isDemo: city.isDemo,
      url: `${input.siteUrl}/cities/${city.slug}`,
    },
    reportingYear: assessment.year,
    version: assessment.version,
    ...(input.kind === 'snapshot'
      ? { publishedAt: assessment.publishedAt?.toISOString() ?? null }
      : { superseded: assessment.superseded, published: assessment.publishedAt !== null }),
    verification: assessment.verification
      ? {
          verifier: assessment.verification.verifier,
          date: assessment.verification.date,
          reportUrl: assessment.verification.reportUrl,
          scope: assessment.verification.scope,
        }
      : null,
    framework: 'Recommendation ITU-T Y.4903/L.1603 (U4SSC KPIs)',
    values: catalogue
      .filter((kpi) => entries.has(kpi.code))
      .map((kpi) => {
        const stored = entries.get(kpi.code)!;
        const { entry } = stored;
        return {
          kpiCode: kpi.code,
          kpiName: kpi.name,
          unit: kpi.unit,
          status: entry.status,
          value: jsonValue(kpi, entry),
          notAvailableReason: entry.status === 'not-available' ? entry.reason : null,
          source: entry.source,
          methodNote: entry.methodNote,
          ...(input.kind === 'assessment' ? { shared: stored.shared } : {}),
        };
      }),
  };
}
