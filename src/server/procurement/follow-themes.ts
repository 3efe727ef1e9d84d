import { z } from 'zod';
import { themeKeys, themeSchema } from '../../lib/taxonomy/themes';
import type { RequestDb } from '../db/request-context';
import { idField, listField } from './form-fields';
import { inSavepoint, refuse, type Outcome } from './outcome';

/**
 * The themes an organization follows (the mail it gets about published
 * notices, docs/procurement.md): chosen by any of its members on its
 * dashboard, replacing the default of its offerings' themes. An empty choice
 * is a choice: no mail.
 */
export const followFormSchema = z.object({
  organization: idField('procurement.error.organization'),
  themes: listField.pipe(z.array(themeSchema).max(themeKeys.length)),
});
export type FollowForm = z.infer<typeof followFormSchema>;

export function followThemes(
  db: RequestDb,
  input: { organizationId: string; userId: string; themes: readonly string[] },
): Promise<Outcome> {
  const themes = themeKeys.filter((key) => input.themes.includes(key));
  return inSavepoint(db, async (tx) => {
    const [member] = await tx.query(
      'select 1 from public.organizations o where o.id = $1 and public.is_org_member(o.id)',
      [input.organizationId],
    );
    if (!member) refuse('organization', 'procurement.error.organization');
    await tx.query(
      `insert into public.procurement_theme_follows (organization_id, themes, updated_by)
       values ($1, $2::text[], $3)
       on conflict (organization_id) do update
         set themes = excluded.themes, updated_by = excluded.updated_by, updated_at = now()`,
      [input.organizationId, themes, input.userId],
    );
    return {};
  });
}
