import type { APIRoute } from 'astro';
import { csvDownloadHeaders } from '../../../../lib/csv';
import { yearParamSchema } from '../../../../lib/kpi-assessments/paths';
import { slugSchema } from '../../../../lib/slug';
import {
  assessmentCsv,
  exportFileName,
} from '../../../../server/kpi-assessments/export-assessment';
import {
  findKpiCity,
  findPublishedSnapshot,
  listKpisForEntry,
  listSnapshotEntries,
} from '../../../../server/kpi-assessments/queries';

/** A published snapshot's shared values as CSV (formula-safe), for everyone. */
export const GET: APIRoute = async ({ params, locals }) => {
  const slug = slugSchema.safeParse(params.slug);
  const year = yearParamSchema.safeParse(params.year);
  const city = slug.success ? await findKpiCity(locals.db, slug.data) : null;
  const snapshot =
    city && year.success ? await findPublishedSnapshot(locals.db, city.id, year.data) : null;
  if (!city || !snapshot) return new Response(null, { status: 404 });
  const [catalogue, entries] = await Promise.all([
    listKpisForEntry(locals.db),
    listSnapshotEntries(locals.db, snapshot.id),
  ]);
  return new Response(assessmentCsv(catalogue, entries, { onlyEntries: true }), {
    headers: csvDownloadHeaders(exportFileName(city, snapshot, 'csv', 'snapshot')),
  });
};
