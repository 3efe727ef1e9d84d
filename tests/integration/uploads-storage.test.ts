import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withRequestContext, type RequestDb } from '../../src/server/db/request-context';
import type { Database } from '../../src/server/db/types';
import { loadConfig } from '../../src/server/config';
import { createStorage } from '../../src/server/storage/get-storage';
import { createLocalDiskStorage } from '../../src/server/storage/local-disk-storage';
import { findMediaFileByKey } from '../../src/server/storage/queries';
import type { StoragePort } from '../../src/server/storage/storage-port';
import { createSupabaseStorage } from '../../src/server/storage/supabase-storage';
import { uploadImage } from '../../src/server/storage/upload-image';
import { makeTestFiles } from '../fixtures/test-images';
import { testTargets } from '../support/databases';
import { claimsOf, userIdOf, type Persona } from '../support/personas';
import { startStorageFixture } from '../support/supabase-storage-fixture';

const serviceKey = 'service-role-key-for-the-fixture';

describe('storage adapters', () => {
  let fixture: Awaited<ReturnType<typeof startStorageFixture>>;
  const localDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-uploads-'));
  beforeAll(async () => {
    fixture = await startStorageFixture(serviceKey);
  });
  afterAll(async () => {
    await fixture.close();
    fs.rmSync(localDir, { recursive: true, force: true });
  });

  const adapters: [string, () => StoragePort][] = [
    ['local disk', () => createLocalDiskStorage(localDir)],
    [
      'Supabase Storage (HTTP fixture)',
      () =>
        createSupabaseStorage({
          url: fixture.url,
          serviceRoleKey: serviceKey,
          bucket: 'portal-media',
        }),
    ],
  ];
  it.each(adapters)(
    '%s stores, reads and removes bytes, and refuses keys that could escape',
    async (_name, make) => {
      const storage = make();
      const bytes = new Uint8Array([1, 2, 3, 4]);
      await storage.put('11111111-2222-4333-8444-555555555555.png', bytes, 'image/png');
      expect(await storage.get('11111111-2222-4333-8444-555555555555.png')).toEqual(bytes);
      expect(await storage.get('00000000-2222-4333-8444-555555555555.png')).toBeNull();
      await storage.remove('11111111-2222-4333-8444-555555555555.png');
      expect(await storage.get('11111111-2222-4333-8444-555555555555.png')).toBeNull();
      await expect(storage.put('../escape.png', bytes, 'image/png')).rejects.toThrow(
        'Invalid storage key',
      );
    },
  );

  it('talks to the Storage API with the service-role key on the documented routes', () => {
    expect(fixture.requests).toEqual([
      'POST /storage/v1/object/portal-media/11111111-2222-4333-8444-555555555555.png',
      'GET /storage/v1/object/portal-media/11111111-2222-4333-8444-555555555555.png',
      'GET /storage/v1/object/portal-media/00000000-2222-4333-8444-555555555555.png',
      'DELETE /storage/v1/object/portal-media',
      'GET /storage/v1/object/portal-media/11111111-2222-4333-8444-555555555555.png',
    ]);
  });

  it('chooses the adapter from the environment and refuses half a Supabase configuration', () => {
    const storageFromEnv = (env: NodeJS.ProcessEnv) => createStorage(loadConfig(env).storage);
    expect(storageFromEnv({ DATA_DIR: localDir }).kind).toBe('local');
    expect(
      storageFromEnv({
        SUPABASE_URL: fixture.url,
        SUPABASE_SERVICE_ROLE_KEY: serviceKey,
        SUPABASE_STORAGE_BUCKET: 'portal-media',
      }).kind,
    ).toBe('supabase');
    expect(() => storageFromEnv({ SUPABASE_STORAGE_BUCKET: 'portal-media' })).toThrow(
      /SUPABASE_STORAGE_BUCKET: Supabase Storage also needs SUPABASE_URL and SUPABASE_SERVICE_ROLE_KEY/,
    );
  });
});

describe.each(testTargets())('image uploads on $name', (target) => {
  let db: Database;
  let austria: string;
  let files: Awaited<ReturnType<typeof makeTestFiles>>;
  const storage = createLocalDiskStorage(
    fs.mkdtempSync(path.join(os.tmpdir(), 'portal-uploads-db-')),
  );
  const connect = () => Promise.resolve(db);
  const as = <T>(persona: Persona, fn: (rdb: RequestDb) => Promise<T>) =>
    withRequestContext(claimsOf(persona), fn, connect);
  const upload = (persona: Exclude<Persona, 'anon'>, bytes: Uint8Array, name = 'photo.jpg') =>
    as(persona, (rdb) =>
      uploadImage(rdb, storage, {
        bytes,
        originalName: name,
        hubId: austria,
        userId: userIdOf(persona),
      }),
    );

  beforeAll(async () => {
    db = await target.open();
    [{ id: austria }] = (await db.query<{ id: string }>(
      `select id from public.hubs where slug = 'austria'`,
    )) as [{ id: string }];
    files = await makeTestFiles();
  });
  afterAll(() => db.close());

  it('re-encodes an accepted image without its metadata and records it', async () => {
    const outcome = await upload('coordinator', new Uint8Array(files.jpeg));
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.image.url).toMatch(/^\/media\/[0-9a-f-]{36}\.jpg$/);
    const key = outcome.image.url.slice('/media/'.length);
    const stored = await storage.get(key);
    const meta = await sharp(stored!).metadata();
    expect(meta.format).toBe('jpeg');
    expect(meta.exif).toBeUndefined();
    expect(Buffer.from(stored!).includes(Buffer.from('Secret Photographer'))).toBe(false);
    expect(await as('anon', (rdb) => findMediaFileByKey(rdb, key))).toMatchObject({
      contentType: 'image/jpeg',
    });
  });

  it.each([
    ['a renamed executable', 'exe', 'executable'],
    ['an SVG with a script', 'svg', 'svg'],
    ['an oversize file', 'oversize', 'too-large'],
    ['a truncated image', 'truncated', 'damaged'],
  ] as const)('refuses %s with a clear reason', async (_what, file, reason) => {
    const outcome = await upload('coordinator', new Uint8Array(files[file]), `${file}.png`);
    expect(outcome).toEqual({ ok: false, reason });
  });

  it('refuses uploads by people who do not coordinate the hub, storing nothing', async () => {
    expect(await upload('otherCoordinator', new Uint8Array(files.png))).toEqual({
      ok: false,
      reason: 'forbidden',
    });
    expect(await upload('member', new Uint8Array(files.png))).toEqual({
      ok: false,
      reason: 'forbidden',
    });
  });
});
