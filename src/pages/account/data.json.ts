import type { APIRoute } from 'astro';
import { exportMyData } from '../../server/personal-data/export-my-data';
import { requirePermission } from '../../server/permissions/require-permission';

/**
 * GET /account/data.json: the signed-in person's data as a JSON download
 * (account, profile, roles, sessions, what they wrote and sent). Never
 * cached; the response is readable by the person's own browser only (no
 * CORS), so a link from elsewhere cannot read it.
 */
export const GET: APIRoute = async (context) => {
  const access = await requirePermission(context, 'account.exportData', {}, { answer: 'json' });
  const data = await exportMyData(context.locals.db);
  const body = JSON.stringify(
    { exportedAt: new Date().toISOString(), userId: access.claims.sub, ...data },
    null,
    2,
  );
  return new Response(body, {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': 'attachment; filename="u4ssc-portal-my-data.json"',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
};
