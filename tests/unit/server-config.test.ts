import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import {
  ConfigError,
  configVariableNames,
  getConfig,
  loadConfig,
  resetConfig,
  setConfig,
} from '../../src/server/config';
import { isTransactionPooler } from '../../src/server/db/postgres-driver';
import { deterministicId } from '../../src/server/seed/deterministic-id';
import { readDeliverableContent } from '../../src/server/deliverables/read-content-files';
import { readMigrationFiles } from '../../src/server/db/migrate';

describe('configuration', () => {
  const load = (env: Record<string, string>, options?: Parameters<typeof loadConfig>[1]) =>
    loadConfig(env as NodeJS.ProcessEnv, { cwd: '/srv/portal', ...options });

  it('needs no variable at all: embedded database under .data, built-in sign-in, no SMTP', () => {
    const config = load({});
    expect(config.database).toMatchObject({
      embedded: true,
      autoMigrate: true,
      seedDemoData: true,
    });
    expect(config.database.url).toBeUndefined();
    expect(config.server.dataDir).toBe(path.resolve('/srv/portal/.data'));
    expect(config.server.nodeEnv).toBe('development');
    expect(config.identity.provider).toBe('builtin');
    expect(config.mail.delivery).toBe('mailbox');
    expect(config.storage).toEqual({
      kind: 'local',
      dir: path.resolve('/srv/portal/.data/uploads'),
    });
    expect(config.search.algolia).toBeNull();
  });

  it('lists every bad variable in one error, whichever part owns it', () => {
    let error: unknown;
    try {
      load({
        DATABASE_URL: 'mysql://x',
        PORT: 'eighty',
        SESSION_SECRET: 'short',
        SMTP_URL: 'http://mail.example.org',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).issues.map((issue) => issue.variable).sort()).toEqual([
      'DATABASE_URL',
      'PORT',
      'SESSION_SECRET',
      'SMTP_URL',
    ]);
    expect((error as ConfigError).message).toMatch(/4 problems[\s\S]*See \.env\.example/);
  });

  it('treats empty values as unset, as .env.example leaves them', () => {
    const config = load({
      DATABASE_URL: '',
      DATABASE_POOL_SIZE: '',
      SMTP_URL: ' ',
      TRUST_PROXY: '',
    });
    expect(config.database.embedded).toBe(true);
    expect(config.database.poolSize).toBe(10);
    expect(config.mail.delivery).toBe('mailbox');
    expect(config.http.trustedProxyHops).toBe(0);
  });

  it('derives the public address from HOST and PORT unless PUBLIC_SITE_URL is set', () => {
    expect(load({}).server.siteUrl).toBe('http://localhost:4321');
    expect(load({ PORT: '8080' }).server).toMatchObject({
      siteUrl: 'http://localhost:8080',
      siteUrlConfigured: false,
    });
    expect(load({ HOST: '0.0.0.0', PORT: '80' }).server.siteUrl).toBe('http://localhost:80');
    expect(load({ HOST: '::1', PORT: '3000' }).server.siteUrl).toBe('http://[::1]:3000');
    expect(
      load({ PUBLIC_SITE_URL: 'https://hub.example.org/', PORT: '8080' }).server,
    ).toMatchObject({ siteUrl: 'https://hub.example.org', siteUrlConfigured: true });
  });

  it('migrates at start only for the embedded database unless told otherwise', () => {
    expect(load({ DATABASE_URL: 'postgres://db/portal' }).database.autoMigrate).toBe(false);
    expect(
      load({ DATABASE_URL: 'postgres://db/portal', DB_AUTO_MIGRATE: 'true' }).database.autoMigrate,
    ).toBe(true);
    expect(() => load({ DB_AUTO_MIGRATE: 'maybe' })).toThrow(/DB_AUTO_MIGRATE: use true or false/);
  });

  it('requires a shared session key for a server on PostgreSQL, but not for the npm scripts', () => {
    const env = { DATABASE_URL: 'postgres://db/portal' };
    expect(load(env).identity.sessionSecret).toBeUndefined();
    expect(() => load(env, { serving: true })).toThrow(
      /SESSION_SECRET: is required when DATABASE_URL/,
    );
    expect(() => load({}, { serving: true })).not.toThrow();
  });

  it('uses Supabase Auth with both its variables, and refuses half of them', () => {
    const config = load({ SUPABASE_URL: 'https://abc.supabase.co/', SUPABASE_ANON_KEY: 'anon' });
    expect(config.identity.provider).toBe('supabase');
    expect(config.identity.supabase).toEqual({ url: 'https://abc.supabase.co', anonKey: 'anon' });
    expect(() => load({ SUPABASE_ANON_KEY: 'anon' })).toThrow(/SUPABASE_URL: is required/);
    expect(() => load({ SUPABASE_URL: 'https://abc.supabase.co' })).toThrow(
      /SUPABASE_URL: is set, but neither/,
    );
  });

  it('chooses Supabase Storage only with URL, key and bucket', () => {
    const storage = load({
      SUPABASE_URL: 'https://abc.supabase.co',
      SUPABASE_SERVICE_ROLE_KEY: 'service',
      SUPABASE_STORAGE_BUCKET: 'portal-media',
    }).storage;
    expect(storage).toEqual({
      kind: 'supabase',
      url: 'https://abc.supabase.co',
      serviceRoleKey: 'service',
      bucket: 'portal-media',
    });
    expect(() => load({ SUPABASE_STORAGE_BUCKET: 'Bad Bucket' })).toThrow(
      /SUPABASE_STORAGE_BUCKET: must be a bucket name/,
    );
    expect(load({ UPLOADS_DIR: 'files' }).storage).toEqual({
      kind: 'local',
      dir: path.resolve('/srv/portal/files'),
    });
  });

  it('uses Algolia only with the app id and admin key together', () => {
    expect(load({ ALGOLIA_APP_ID: 'A', ALGOLIA_ADMIN_KEY: 'k' }).search.algolia).toEqual({
      appId: 'A',
      adminKey: 'k',
      searchKey: 'k',
      indexName: 'portal_search',
      hostUrl: undefined,
    });
    expect(() => load({ ALGOLIA_APP_ID: 'A' })).toThrow(/ALGOLIA_ADMIN_KEY: set both/);
    expect(() =>
      load({ ALGOLIA_APP_ID: 'A', ALGOLIA_ADMIN_KEY: 'k', ALGOLIA_INDEX_NAME: 'bad name' }),
    ).toThrow(/ALGOLIA_INDEX_NAME/);
  });

  it('names the removed DEV_MAILBOX instead of ignoring it', () => {
    expect(() => load({ DEV_MAILBOX: 'true' })).toThrow(/DEV_MAILBOX: was removed/);
    expect(() => load({ DEV_MAILBOX: 'false' })).not.toThrow();
  });

  it('documents every variable it reads in .env.example and the README table', () => {
    const root = path.resolve(import.meta.dirname, '../..');
    const example = fs.readFileSync(path.join(root, '.env.example'), 'utf8');
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    const documented = configVariableNames.filter((name) => name !== 'DEV_MAILBOX');
    expect(documented.length).toBeGreaterThan(20);
    for (const name of documented) {
      expect(example, name).toMatch(new RegExp(`^${name}=`, 'm'));
      expect(readme, name).toContain(`\`${name}\``);
    }
  });

  it('reads process.env once and keeps it until reset', () => {
    resetConfig();
    const first = getConfig();
    expect(getConfig()).toBe(first);
    const replaced = setConfig(load({ PORT: '9999' }));
    expect(getConfig().server.port).toBe(9999);
    expect(getConfig()).toBe(replaced);
    resetConfig();
    expect(getConfig()).not.toBe(replaced);
    resetConfig();
  });
});

describe('connection details', () => {
  it('recognises Supavisor transaction pooling, which cannot keep prepared statements', () => {
    expect(
      isTransactionPooler('postgres://u:p@aws-0-eu-central-1.pooler.supabase.com:6543/postgres'),
    ).toBe(true);
    expect(isTransactionPooler('postgres://u:p@db.abc.supabase.co:5432/postgres')).toBe(false);
    expect(isTransactionPooler('not a url')).toBe(false);
  });
});

describe('seed ids', () => {
  it('derives the same valid UUID from the same key', () => {
    const id = deterministicId('demo-user', 'admin');
    expect(id).toBe(deterministicId('demo-user', 'admin'));
    expect(id).not.toBe(deterministicId('demo-user', 'member'));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('repository content', () => {
  const root = path.resolve(import.meta.dirname, '../..');

  it('has valid frontmatter in every deliverable file', () => {
    const items = readDeliverableContent(path.join(root, 'content'));
    expect(items.length).toBeGreaterThanOrEqual(30);
    expect(items.find((i) => i.slug === 'itu-t-y-4903')?.code).toBe('ITU-T Y.4903/L.1603');
  });

  it('names every migration as the Supabase CLI expects, in order', () => {
    const files = readMigrationFiles(path.join(root, 'supabase', 'migrations'));
    expect(files.map((f) => f.version)).toEqual([...files.map((f) => f.version)].sort());
    expect(new Set(files.map((f) => f.version)).size).toBe(files.length);
  });
});
