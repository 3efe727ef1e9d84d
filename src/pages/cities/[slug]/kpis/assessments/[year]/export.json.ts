import type { APIRoute } from 'astro';
import { versionParamSchema, yearParamSchema } from '../../../../../../lib/kpi-assessments/paths';
import { slugSchema } from '../../../../../../lib/slug';
import { getConfig } from '../../../../../../server/config';
import {
  assessmentJson,
  exportFileName,
} from '../../../../../../server/kpi-assessments/export-assessment';
import {
  findAssessment,
  findKpiCity,
  listAssessmentEntries,
  listKpisForEntry,
} from '../../../../../../server/kpi-assessments/queries';
import { requirePermission } from '../../../../../../server/permissions/require-permission';

/** The whole assessment as JSON, for the city's editors and its hubs' coordinators only. */
export const GET: APIRoute = async (context) => {
  const slug = slugSchema.safeParse(context.params.slug);
  const year = yearParamSchema.safeParse(context.params.year);
  const version = versionParamSchema.safeParse(
    context.url.searchParams.get('version') ?? undefined,
  );
  const city = slug.success ? await findKpiCity(context.locals.db, slug.data) : null;
  if (!city || !year.success || !version.success) {
    return Response.json({ error: 'Not found' }, { status: 404 });
  }
  await requirePermission(context, 'kpiAssessment.read', { cityId: city.id }, { answer: 'json' });
  const assessment = await findAssessment(context.locals.db, city.id, year.data, version.data);
  if (!assessment) return Response.json({ error: 'Not found' }, { status: 404 });
  const [catalogue, entries] = await Promise.all([
    listKpisForEntry(context.locals.db),
    listAssessmentEntries(context.locals.db, assessment.id),
  ]);
  const body = assessmentJson({
    kind: 'assessment',
    city,
    assessment,
    catalogue,
    entries,
    siteUrl: getConfig().server.siteUrl,
  });
  return Response.json(body, {
    headers: {
      'Content-Disposition': `attachment; filename="${exportFileName(city, assessment, 'json', 'assessment')}"`,
      'X-Content-Type-Options': 'nosniff',
    },
  });
};
