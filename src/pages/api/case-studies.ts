import type { APIRoute } from 'astro';
import { z } from 'zod';
import {
  caseStudyFacetNames,
  caseStudyFiltersSchema,
} from '../../lib/case-studies/case-study-filters';
import { caseStudyFacetLabel } from '../../lib/case-studies/facet-labels';
import { translateIssue } from '../../lib/i18n';
import { readSearchParams } from '../../lib/listing/query-params';
import { listCaseStudies, listCaseStudiesForExport } from '../../server/case-studies/queries';

const pageSize = 50;

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
}

/**
 * GET /api/case-studies: published case studies as JSON, with the listing's
 * filters (theme, sdg, kpi, hub, region, country, size, status, gender,
 * deliverable, sector) and `page` (50 per page), plus the facet counts. A
 * bad parameter is a 400 naming it; a value that names nothing (an unknown
 * hub) matches nothing.
 */
export const GET: APIRoute = async ({ url, locals }) => {
  const { i18n } = locals;
  const keys = [...caseStudyFacetNames, 'page'];
  const raw = readSearchParams(url.searchParams, keys);
  const issues: { parameter: string; message: string }[] = [];
  for (const key of keys) {
    const value = raw[key];
    if (Array.isArray(value)) {
      issues.push({ parameter: key, message: i18n.t('caseStudy.api.oneValue') });
      continue;
    }
    if (value === undefined) continue;
    const schema =
      key === 'page'
        ? z.coerce.number().int().min(1).max(10_000)
        : caseStudyFiltersSchema.shape[key as (typeof caseStudyFacetNames)[number]];
    const parsed = schema.safeParse(value);
    if (!parsed.success)
      issues.push({
        parameter: key,
        message: translateIssue(i18n.t, parsed.error.issues[0] as { message: string }),
      });
  }
  if (issues.length > 0)
    return json(400, {
      error: 'invalid_parameters',
      message: i18n.t('caseStudy.api.invalid'),
      issues,
    });
  const filters = caseStudyFiltersSchema.parse(raw);
  const [listing, page] = [
    await listCaseStudies(locals.db, { ...filters, page: 1 }),
    await listCaseStudiesForExport(locals.db, filters, {
      limit: pageSize,
      offset: (filters.page - 1) * pageSize,
    }),
  ];
  const link = (target: number) => {
    const next = new URL(url);
    next.searchParams.set('page', String(target));
    return `${next.pathname}${next.search}`;
  };
  const totalPages = Math.max(1, Math.ceil(listing.total / pageSize));
  return json(200, {
    total: listing.total,
    page: filters.page,
    pageSize,
    links: {
      next: filters.page < totalPages ? link(filters.page + 1) : null,
      prev: filters.page > 1 ? link(filters.page - 1) : null,
    },
    facets: Object.fromEntries(
      caseStudyFacetNames.map((name) => [
        name,
        listing.facets[name].map((option) => ({
          value: option.value,
          label: caseStudyFacetLabel(i18n, name, option.value, option.label),
          count: option.count,
        })),
      ]),
    ),
    items: page.items.map((item) => ({ ...item, url: `/case-studies/${item.slug}` })),
  });
};
