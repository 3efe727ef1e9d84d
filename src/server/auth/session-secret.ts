import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { getConfig, type Config } from '../config';

let cached: Uint8Array | undefined;

/**
 * The key that signs session tokens. SESSION_SECRET when set (required with a
 * PostgreSQL server, where several instances must agree and a lost key signs
 * everyone out); in embedded mode only, a key generated on first start and
 * kept in DATA_DIR/session-secret (mode 0600) so `npm start` needs no setup.
 */
export function getSessionSecret(config: Config = getConfig()): Uint8Array {
  if (cached) return cached;
  if (config.identity.sessionSecret) {
    cached = new TextEncoder().encode(config.identity.sessionSecret);
    return cached;
  }
  if (!config.database.embedded) {
    throw new Error(
      'SESSION_SECRET is required when DATABASE_URL is set: generate one with `openssl rand -base64 48` (see .env.example).',
    );
  }
  const file = path.join(config.server.dataDir, 'session-secret');
  cached = new TextEncoder().encode(readOrCreateSecret(file));
  return cached;
}

/** Forgets the cached key (tests switch configurations). */
export function resetSessionSecretCache(): void {
  cached = undefined;
}

function readOrCreateSecret(file: string): string {
  try {
    const existing = fs.readFileSync(file, 'utf8').trim();
    if (existing.length >= 32) return existing;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  try {
    // 'wx' fails if another process won the race; then read what it wrote.
    fs.writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      return fs.readFileSync(file, 'utf8').trim();
    throw error;
  }
}
