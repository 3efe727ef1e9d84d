import type { APIRoute } from 'astro';
import { parseOrganizationFilters } from '../lib/directory/organization-filters';
import { csvDownloadHeaders, toCsv } from '../lib/csv';
import { listOrganizationRecords, type OrganizationRecord } from '../server/organizations/queries';

/** Rows in one export at most (the directory is far smaller; the bound keeps it so). */
const exportLimit = 10_000;

/**
 * GET /directory.csv: the directory's verified organizations with the same
 * filters as the page, one row each, formula-safe (`toCsv`), UTF-8 with a
 * BOM for spreadsheets. Lists are separated by semicolons. A filter value
 * that is not understood is a 400 naming it.
 */
export const GET: APIRoute = async ({ url, locals }) => {
  const { filters, invalid } = parseOrganizationFilters(url.searchParams);
  if (invalid.length > 0)
    return new Response(`These parameters are not valid: ${invalid.join(', ')}.\n`, {
      status: 400,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  const { items } = await listOrganizationRecords(locals.db, { ...filters, page: 1 }, exportLimit);
  const list = (values: readonly (string | number)[]) => values.join('; ');
  const body = toCsv<OrganizationRecord>(
    items,
    [
      { header: 'slug', value: (r) => r.slug },
      { header: 'name', value: (r) => r.name },
      { header: 'sector', value: (r) => r.kind },
      { header: 'country', value: (r) => r.country },
      { header: 'website', value: (r) => r.websiteUrl },
      { header: 'summary', value: (r) => r.summary },
      { header: 'size_band', value: (r) => r.sizeBand },
      { header: 'regions_served', value: (r) => list(r.regionsServed) },
      { header: 'countries_served', value: (r) => list(r.countriesServed) },
      { header: 'kpi_dimensions', value: (r) => list(r.kpiDimensions) },
      { header: 'themes', value: (r) => list(r.themes) },
      { header: 'sdgs', value: (r) => list(r.sdgs) },
      { header: 'hubs', value: (r) => list(r.hubs) },
      { header: 'recommendations', value: (r) => list(r.recommendations) },
      { header: 'offerings', value: (r) => list(r.offerings.map((offering) => offering.title)) },
      { header: 'member_since', value: (r) => (r.memberSince ? new Date(r.memberSince) : null) },
      { header: 'url', value: (r) => `${url.origin}/directory/${r.slug}` },
      { header: 'is_demo', value: (r) => r.isDemo },
    ],
    { bom: true },
  );
  return new Response(body, { headers: csvDownloadHeaders('u4ssc-directory.csv') });
};
