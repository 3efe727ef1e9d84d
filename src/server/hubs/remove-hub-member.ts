import { z } from 'zod';
import type { RequestDb } from '../db/request-context';

/** A member of a hub as the members page names it: `city:<uuid>` or `organization:<uuid>`. */
export const hubMemberRefSchema = z
  .string()
  .trim()
  .transform((value, ctx) => {
    const [kind, id, ...rest] = value.split(':');
    if (
      (kind !== 'city' && kind !== 'organization') ||
      rest.length > 0 ||
      !z.uuid().safeParse(id).success
    ) {
      ctx.addIssue({ code: 'custom', message: 'hubs.members.error.member' });
      return z.NEVER;
    }
    return { kind, id: id! } as { kind: 'city' | 'organization'; id: string };
  });
export type HubMemberRef = z.infer<typeof hubMemberRefSchema>;

/** The removal form: which member, confirmed on the page that names it. */
export const removeHubMemberSchema = z.object({ member: hubMemberRefSchema });

export type RemoveHubMemberOutcome =
  /** `name` is null when the caller may not read the member (an organization no longer verified). */
  { ok: true; name: string | null } | { ok: false; reason: 'not-found' };

/**
 * Takes a city or partner organization out of one hub (`hub_cities` or
 * `hub_partners`); its other hubs stay. RLS lets only this hub's
 * coordinators and admins delete the row, so anyone else, or a member of
 * another hub, finds nothing to remove.
 */
export async function removeHubMember(
  db: RequestDb,
  input: { hubId: string; member: HubMemberRef },
): Promise<RemoveHubMemberOutcome> {
  const sql =
    input.member.kind === 'city'
      ? `with removed as (delete from public.hub_cities where hub_id = $1 and city_id = $2 returning city_id)
         select c.name from removed r left join public.cities c on c.id = r.city_id`
      : `with removed as (delete from public.hub_partners where hub_id = $1 and organization_id = $2
                          returning organization_id)
         select o.name from removed r left join public.organizations o on o.id = r.organization_id`;
  const [row] = await db.query<{ name: string | null }>(sql, [input.hubId, input.member.id]);
  return row ? { ok: true, name: row.name } : { ok: false, reason: 'not-found' };
}
