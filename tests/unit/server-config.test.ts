import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getServerEnv } from '../../src/server/env';
import { isTransactionPooler } from '../../src/server/db/postgres-driver';
import { deterministicId } from '../../src/server/seed/deterministic-id';
import { readDeliverableContent } from '../../src/server/deliverables/read-content-files';
import { readMigrationFiles } from '../../src/server/db/migrate';

describe('server environment', () => {
  it('defaults to the embedded database under .data', () => {
    const env = getServerEnv({ PORTAL_ROOT: '/srv/portal' } as NodeJS.ProcessEnv);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.dataDir).toBe(path.resolve('/srv/portal/.data'));
    expect(env.SEED_DEMO_DATA).toBe(true);
  });

  it('names every bad variable in one error', () => {
    expect(() =>
      getServerEnv({ DATABASE_URL: 'mysql://x', DATABASE_POOL_SIZE: '0' } as NodeJS.ProcessEnv),
    ).toThrow(/DATABASE_URL[\s\S]*DATABASE_POOL_SIZE/);
  });

  it('treats an empty DATABASE_URL as unset', () => {
    expect(getServerEnv({ DATABASE_URL: '' } as NodeJS.ProcessEnv).DATABASE_URL).toBeUndefined();
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
