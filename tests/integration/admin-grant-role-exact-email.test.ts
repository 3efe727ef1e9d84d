import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantRole, grantRoleSchema } from '../../src/server/admin/grant-role';
import { withRequestContext } from '../../src/server/db/request-context';
import type { Database } from '../../src/server/db/types';
import { testTargets } from '../support/databases';
import { claimsOf } from '../support/personas';

describe.each(testTargets())('granting a role by email on $name', (target) => {
  let db: Database;
  const ids: Record<string, string> = {};
  let hubId: string;

  beforeAll(async () => {
    db = await target.open();
    // Addresses that sort before the one asked for, and one that contains it.
    for (const local of ['az', 'bz', 'z', 'zz']) {
      const [row] = await db.query<{ id: string }>(
        'insert into auth.users (email, email_confirmed_at) values ($1, now()) returning id',
        [`${local}@grant.example`],
      );
      ids[local] = row!.id;
    }
    hubId = (
      await db.query<{ id: string }>("select id from public.hubs where slug = 'austria'")
    )[0]!.id;
  });
  afterAll(() => db.close());

  const grant = (email: string) =>
    withRequestContext(
      claimsOf('admin'),
      (tx) =>
        grantRole(
          tx,
          claimsOf('admin')!,
          grantRoleSchema.parse({ intent: 'grant', email, role: 'hub_coordinator', hubId }),
        ),
      () => Promise.resolve(db),
    );

  it('finds the account with exactly that address, whatever its case, among similar ones', async () => {
    expect(await grant(' Z@Grant.Example ')).toEqual({ status: 'granted' });
    const holders = await db.query<{ user_id: string }>(
      "select user_id from public.memberships where role = 'hub_coordinator' and hub_id = $1 and user_id = any($2::uuid[])",
      [hubId, Object.values(ids)],
    );
    expect(holders).toEqual([{ user_id: ids.z }]);
  });

  it('says no account uses an address that only a search would match', async () => {
    expect(await grant('b@grant.example')).toEqual({
      status: 'error',
      field: 'email',
      message: 'admin.members.errorNoUser',
    });
    expect(await grant('z@grant.exampl')).toMatchObject({ status: 'error', field: 'email' });
  });
});
