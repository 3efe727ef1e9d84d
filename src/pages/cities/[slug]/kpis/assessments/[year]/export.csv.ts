import type { APIRoute } from 'astro';
import { csvDownloadHeaders } from '../../../../../../lib/csv';
import { versionParamSchema, yearParamSchema } from '../../../../../../lib/kpi-assessments/paths';
import { slugSchema } from '../../../../../../lib/slug';
import {
  assessmentCsv,
  exportFileName,
} from '../../../../../../server/kpi-assessments/export-assessment';
import {
  findAssessment,
  findKpiCity,
  listAssessmentEntries,
  listKpisForEntry,
} from '../../../../../../server/kpi-assessments/queries';
import { requirePermission } from '../../../../../../server/permissions/require-permission';

/**
 * The whole assessment as CSV (the import's format, formula-safe): for the
 * city's editors and its hubs' coordinators only. Every KPI has a row, so
 * the file is also a filled-in template.
 */
export const GET: APIRoute = async (context) => {
  const slug = slugSchema.safeParse(context.params.slug);
  const year = yearParamSchema.safeParse(context.params.year);
  const version = versionParamSchema.safeParse(
    context.url.searchParams.get('version') ?? undefined,
  );
  const city = slug.success ? await findKpiCity(context.locals.db, slug.data) : null;
  if (!city || !year.success || !version.success) return new Response(null, { status: 404 });
  await requirePermission(context, 'kpiAssessment.read', { cityId: city.id });
  const assessment = await findAssessment(context.locals.db, city.id, year.data, version.data);
  if (!assessment) return new Response(null, { status: 404 });
  const [catalogue, entries] = await Promise.all([
    listKpisForEntry(context.locals.db),
    listAssessmentEntries(context.locals.db, assessment.id),
  ]);
  return new Response(assessmentCsv(catalogue, entries), {
    headers: csvDownloadHeaders(exportFileName(city, assessment, 'csv', 'assessment')),
  });
};
