import type { APIRoute } from 'astro';
import { z } from 'zod';
import { parseOrganizationFilters } from '../../lib/directory/organization-filters';
import { listOrganizationRecords } from '../../server/organizations/queries';

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  });
}

const pageSizeSchema = z.coerce.number().int().min(1).max(100);

/**
 * GET /api/organizations: verified organizations as JSON, with the
 * directory's filters (kind, theme, sdg, dimension, region, country, hub,
 * recommendation, size), `page` and `pageSize` (1–100, default 50). Public
 * fields only, never an e-mail address. A filter value that is not
 * understood is a 400 naming it (the page drops it instead).
 */
export const GET: APIRoute = async ({ url, locals }) => {
  const { filters, invalid } = parseOrganizationFilters(url.searchParams);
  const pageSize = pageSizeSchema.safeParse(url.searchParams.get('pageSize') ?? 50);
  if (!pageSize.success) invalid.push('pageSize');
  const page = url.searchParams.get('page');
  if (page !== null && !/^\d{1,5}$/.test(page)) invalid.push('page');
  if (invalid.length > 0)
    return json(400, {
      error: 'invalid_parameters',
      message: `These parameters are not valid: ${invalid.join(', ')}.`,
      parameters: invalid,
    });
  const size = pageSize.data ?? 50;
  const { items, total } = await listOrganizationRecords(locals.db, filters, size);
  return json(200, {
    total,
    page: filters.page,
    pageSize: size,
    items: items.map((item) => ({
      ...item,
      url: `${url.origin}/directory/${item.slug}`,
      memberSince: item.memberSince ? new Date(item.memberSince).toISOString() : null,
    })),
  });
};
