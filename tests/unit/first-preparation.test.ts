import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createsEmbeddedDatabase,
  isPreparationProcess,
} from '../../src/server/boot/first-preparation';
import { loadConfig } from '../../src/server/config';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'first-preparation-'));
const config = (vars: Record<string, string>) =>
  loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, ...vars }, { serving: false });

describe('the first start on the embedded database', () => {
  it('is prepared in a process of its own only when the embedded folder does not exist yet', () => {
    expect(createsEmbeddedDatabase(config({}))).toBe(true);
    fs.mkdirSync(path.join(dataDir, 'pglite'), { recursive: true });
    expect(createsEmbeddedDatabase(config({}))).toBe(false);
    fs.rmSync(path.join(dataDir, 'pglite'), { recursive: true });
  });

  it('never for PostgreSQL, nor when migrations are left to the operator', () => {
    expect(
      createsEmbeddedDatabase(config({ DATABASE_URL: 'postgres://portal@127.0.0.1:5432/portal' })),
    ).toBe(false);
    expect(createsEmbeddedDatabase(config({ DB_AUTO_MIGRATE: 'false' }))).toBe(false);
  });

  it('knows the preparation process by its variable only', () => {
    expect(isPreparationProcess({})).toBe(false);
    expect(isPreparationProcess({ PORTAL_PREPARE_EMBEDDED_ONLY: 'true' })).toBe(true);
  });
});
