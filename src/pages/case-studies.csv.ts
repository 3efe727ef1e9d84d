import type { APIRoute } from 'astro';
import { parseCaseStudyFilters } from '../lib/case-studies/case-study-filters';
import { csvDownloadHeaders, toCsv } from '../lib/csv';
import {
  caseStudyExportLimit,
  listCaseStudiesForExport,
  type CaseStudyExport,
} from '../server/case-studies/queries';

const list = (values: readonly (string | number)[]) => values.join('; ');

/**
 * `/case-studies.csv`: the published case studies the listing shows for the
 * same query string, one row each, every text cell formula-safe
 * (src/lib/csv). UTF-8 with a BOM so spreadsheet programs read accents right.
 * A malformed filter is a 400 naming it (as `/directory.csv` and the API):
 * dropping it would hand over more rows than were asked for, unsaid.
 */
export const GET: APIRoute = async ({ locals, url }) => {
  const { filters, invalid } = parseCaseStudyFilters(url.searchParams);
  if (invalid.length > 0)
    return new Response(`These parameters are not valid: ${invalid.join(', ')}.\n`, {
      status: 400,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  const { items } = await listCaseStudiesForExport(locals.db, filters, {
    limit: caseStudyExportLimit,
    offset: 0,
  });
  const body = toCsv<CaseStudyExport>(
    items,
    [
      { header: 'slug', value: (r) => r.slug },
      { header: 'url', value: (r) => `${url.origin}/case-studies/${r.slug}` },
      { header: 'title', value: (r) => r.title },
      { header: 'summary', value: (r) => r.summary },
      { header: 'language', value: (r) => r.language },
      { header: 'lead_city', value: (r) => r.leadCity.name },
      { header: 'country', value: (r) => r.leadCity.country },
      { header: 'region', value: (r) => r.leadCity.region },
      { header: 'partner_cities', value: (r) => list(r.partnerCities.map((c) => c.name)) },
      { header: 'hubs', value: (r) => list(r.hubs.map((h) => h.name)) },
      { header: 'project_status', value: (r) => r.projectStatus },
      { header: 'started_on', value: (r) => r.startedOn },
      { header: 'ended_on', value: (r) => r.endedOn },
      { header: 'budget_band', value: (r) => r.budgetBand },
      { header: 'funding_sources', value: (r) => list(r.fundingSources) },
      { header: 'sdg_goals', value: (r) => list(r.sdgGoals) },
      { header: 'sdg_targets', value: (r) => list(r.sdgTargets) },
      { header: 'themes', value: (r) => list(r.themes) },
      { header: 'kpi_codes', value: (r) => list(r.kpiCodes) },
      { header: 'technologies', value: (r) => list(r.technologies) },
      { header: 'deliverables', value: (r) => list(r.deliverables.map((d) => d.code ?? d.title)) },
      { header: 'partners', value: (r) => list(r.partners.map((p) => `${p.name} (${p.role})`)) },
      {
        header: 'partner_sectors',
        value: (r) => list([...new Set(r.partners.map((p) => p.sector))]),
      },
      {
        header: 'results',
        value: (r) =>
          list(r.results.map((x) => `${x.label}: ${x.value} ${x.unit} (${x.measuredOn})`)),
      },
      { header: 'sex_disaggregated_data', value: (r) => r.sexDisaggregated },
      { header: 'gender_responsive', value: (r) => r.genderResponsive },
      { header: 'verified_by_hub', value: (r) => r.verifiedByHub },
      { header: 'published_at', value: (r) => r.publishedAt },
      { header: 'is_demo', value: (r) => r.isDemo },
    ],
    { bom: true },
  );
  return new Response(body, { headers: csvDownloadHeaders('case-studies.csv') });
};
