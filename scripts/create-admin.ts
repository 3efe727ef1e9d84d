/**
 * `npm run user:create-admin -- --email you@example.org [--password '…'] [--name 'Your Name']`
 * Creates a confirmed account with the platform admin role, or gives an
 * existing account the role (and a new password when one is given). Asks for
 * the password on the terminal when it is not passed. Uses the privileged
 * connection (DATABASE_URL, else the embedded database: stop `npm start` first).
 */
import './load-env';
import { parseArgs } from 'node:util';
import readline from 'node:readline/promises';
import { z } from 'zod';
import { checkPasswordPolicy } from '../src/server/auth/password-policy';
import { hashPassword } from '../src/server/auth/password';
import { closeConnection, describeConnection } from '../src/server/db/connection';
import { prepareDatabase } from '../src/server/boot/prepare-database';
import { getPrivilegedDatabase } from '../src/server/db/privileged';
import { getConfig } from '../src/server/config';

async function ask(question: string): Promise<string> {
  const rl = readline.createInterface({
    input: process.stdin,
    output: process.stdout,
    terminal: true,
  });
  try {
    return await rl.question(question);
  } finally {
    rl.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { email: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' } },
  });
  const email = z
    .email()
    .transform((value) => value.toLowerCase())
    .parse(values.email ?? (await ask('Email address: ')).trim());
  const password = values.password ?? (await ask('Password (12+ characters, shown as typed): '));
  const problem = checkPasswordPolicy(password, { email });
  if (problem)
    throw new Error(
      `The password was refused (${problem}): use 12 to 128 characters, not a common password.`,
    );
  const name = (values.name ?? email.split('@')[0] ?? 'Admin').slice(0, 120);

  const db = await getPrivilegedDatabase();
  console.log(`Database: ${describeConnection()}`);
  const { server, database } = getConfig();
  await prepareDatabase(
    db,
    { rootDir: server.rootDir, seedDemoData: database.seedDemoData },
    { seed: 'never' },
  );
  const passwordHash = await hashPassword(password);
  const created = await db.transaction(async (tx) => {
    const [user] = await tx.query<{ id: string; inserted: boolean }>(
      `insert into auth.users (email, encrypted_password, email_confirmed_at, raw_app_meta_data, raw_user_meta_data)
       values ($1, $2, now(), '{"provider":"email","providers":["email"]}'::jsonb, jsonb_build_object('display_name', $3::text))
       on conflict (email) do update
         set encrypted_password = excluded.encrypted_password,
             email_confirmed_at = coalesce(auth.users.email_confirmed_at, now()),
             banned_until = null, updated_at = now()
       returning id, (xmax = 0) as inserted`,
      [email, passwordHash, name],
    );
    await tx.query(
      'insert into public.profiles (id, display_name) values ($1, $2) on conflict (id) do nothing',
      [user!.id, name],
    );
    await tx.query(
      `insert into public.memberships (user_id, role) select $1, 'platform_admin'
       where not exists (select 1 from public.memberships where user_id = $1 and role = 'platform_admin')`,
      [user!.id],
    );
    return user!.inserted;
  });
  console.log(`${created ? 'Created' : 'Updated'} platform admin ${email}.`);
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => closeConnection());
