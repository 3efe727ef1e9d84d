import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeConnection, getConnection } from '../../src/server/db/connection';
import { DatabaseUnavailableError } from '../../src/server/db/database-unavailable';
import { resetConfig } from '../../src/server/config';

/**
 * The embedded database (PGlite in DATA_DIR) failing: a data folder that
 * cannot be opened, or an instance that has stopped, is "unavailable" (a 503
 * for requests), and the next request opens it again by itself.
 */
describe('the embedded database when it fails', () => {
  const saved = { DATABASE_URL: process.env.DATABASE_URL, DATA_DIR: process.env.DATA_DIR };
  let dataDir: string;

  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-embedded-failure-'));
    process.env.DATABASE_URL = '';
    process.env.DATA_DIR = dataDir;
    resetConfig();
  });
  afterAll(async () => {
    await closeConnection();
    process.env.DATABASE_URL = saved.DATABASE_URL;
    process.env.DATA_DIR = saved.DATA_DIR;
    if (saved.DATABASE_URL === undefined) delete process.env.DATABASE_URL;
    if (saved.DATA_DIR === undefined) delete process.env.DATA_DIR;
    resetConfig();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('reports a data folder that cannot be opened as unavailable, and opens it once it can', async () => {
    // A file where the database folder should be.
    fs.writeFileSync(path.join(dataDir, 'pglite'), 'not a database');
    const failure = await getConnection().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DatabaseUnavailableError);
    expect((failure as Error).message).toMatch(/embedded PGlite/);

    fs.rmSync(path.join(dataDir, 'pglite'));
    const db = await getConnection();
    expect(await db.query('select 1 as ok')).toEqual([{ ok: 1 }]);
  });

  it('answers "unavailable" once the instance has stopped, and the next caller gets a new one', async () => {
    const db = await getConnection();
    await db.query('create table if not exists kept (n int)');
    await db.query('insert into kept values (7)');
    // The instance stops under the portal (as an aborted WebAssembly instance would).
    await db.close();
    await expect(db.query('select 1')).rejects.toBeInstanceOf(DatabaseUnavailableError);
    await expect(db.transaction((tx) => tx.query('select 1'))).rejects.toBeInstanceOf(
      DatabaseUnavailableError,
    );

    const reopened = await getConnection();
    expect(reopened).not.toBe(db);
    expect(await reopened.query('select n from kept')).toEqual([{ n: 7 }]);
  });
});
