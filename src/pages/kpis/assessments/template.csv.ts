import type { APIRoute } from 'astro';
import { csvDownloadHeaders } from '../../../lib/csv';
import { writeAssessmentCsv } from '../../../lib/kpi-assessments/assessment-csv';
import { listKpisForEntry } from '../../../server/kpi-assessments/queries';

/**
 * The blank CSV template of an assessment: every KPI of the catalogue, its
 * name and unit, and empty value, reason, source and method columns (parts
 * listed for multi-valued KPIs). Public: it holds only the catalogue.
 */
export const GET: APIRoute = async ({ locals }) => {
  const catalogue = await listKpisForEntry(locals.db);
  const body = writeAssessmentCsv(catalogue.map((kpi) => ({ kpi, entry: null })));
  return new Response(body, { headers: csvDownloadHeaders('u4ssc-kpi-assessment-template.csv') });
};
