import type { APIRoute } from 'astro';
import { yearParamSchema } from '../../../../lib/kpi-assessments/paths';
import { slugSchema } from '../../../../lib/slug';
import { getConfig } from '../../../../server/config';
import { assessmentJson } from '../../../../server/kpi-assessments/export-assessment';
import {
  findKpiCity,
  findPublishedSnapshot,
  listKpisForEntry,
  listSnapshotEntries,
} from '../../../../server/kpi-assessments/queries';

/** A published snapshot as JSON, for everyone: its verification and the values it shares. */
export const GET: APIRoute = async ({ params, locals }) => {
  const slug = slugSchema.safeParse(params.slug);
  const year = yearParamSchema.safeParse(params.year);
  const city = slug.success ? await findKpiCity(locals.db, slug.data) : null;
  const snapshot =
    city && year.success ? await findPublishedSnapshot(locals.db, city.id, year.data) : null;
  if (!city || !snapshot) return Response.json({ error: 'Not found' }, { status: 404 });
  const [catalogue, entries] = await Promise.all([
    listKpisForEntry(locals.db),
    listSnapshotEntries(locals.db, snapshot.id),
  ]);
  return Response.json(
    assessmentJson({
      kind: 'snapshot',
      city,
      assessment: snapshot,
      catalogue,
      entries,
      siteUrl: getConfig().server.siteUrl,
    }),
    { headers: { 'Access-Control-Allow-Origin': '*', 'X-Content-Type-Options': 'nosniff' } },
  );
};
