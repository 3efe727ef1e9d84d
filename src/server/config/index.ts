import type { z } from 'zod';
import { buildCacheConfig, cacheVariables, type CacheConfig } from './cache';
import { buildDatabaseConfig, databaseVariables, type DatabaseConfig } from './database';
import { buildHttpConfig, httpVariables, type HttpConfig } from './http';
import { buildIdentityConfig, identityVariables, type IdentityConfig } from './identity';
import { buildMailConfig, mailVariables, type MailConfig } from './mail';
import {
  buildProcurementConfig,
  procurementVariables,
  type ProcurementConfig,
} from './procurement';
import { buildSearchConfig, searchVariables, type SearchConfig } from './search';
import { buildServerConfig, serverVariables, type ServerConfig } from './server';
import { buildStorageConfig, storageVariables, type StorageConfig } from './storage';

export type { AlgoliaConfig, SearchConfig } from './search';
export type { CacheConfig } from './cache';
export type { DatabaseConfig } from './database';
export type { HttpConfig } from './http';
export type { IdentityConfig } from './identity';
export type { MailConfig } from './mail';
export type { ProcurementConfig } from './procurement';
export type { ServerConfig } from './server';
export type { StorageConfig } from './storage';
export { deriveSiteUrl } from './server';

/**
 * The portal's configuration: one object, read from the environment once,
 * validated as a whole, then read synchronously everywhere. Each part is
 * owned by the area that uses it and lives in its own file (`server.ts`,
 * `database.ts`, `http.ts`, `identity.ts`, `mail.ts`, `storage.ts`,
 * `search.ts`, `procurement.ts`, `cache.ts`): a zod schema of its variables and a function that turns
 * them into typed settings. `.env.example` documents every variable.
 */
export interface Config {
  server: ServerConfig;
  database: DatabaseConfig;
  http: HttpConfig;
  identity: IdentityConfig;
  mail: MailConfig;
  storage: StorageConfig;
  search: SearchConfig;
  procurement: ProcurementConfig;
  cache: CacheConfig;
}

export interface ConfigIssue {
  /** The environment variable at fault. */
  variable: string;
  message: string;
}

/** Every problem found in the environment, listed at once. */
export class ConfigError extends Error {
  constructor(readonly issues: ConfigIssue[]) {
    super(
      `Invalid configuration (${issues.length} ${issues.length === 1 ? 'problem' : 'problems'}):\n` +
        issues.map((issue) => `  ${issue.variable}: ${issue.message}`).join('\n') +
        '\nSee .env.example.',
    );
    this.name = 'ConfigError';
  }
}

export interface LoadOptions {
  /**
   * Checks that only a serving process needs (the server, not `npm run
   * db:migrate`): a shared session key with a PostgreSQL server.
   */
  serving?: boolean;
  /** Folder PORTAL_ROOT defaults to (the current directory). */
  cwd?: string;
}

/**
 * Reads and validates the whole configuration from `env`. Never returns a
 * half-valid result: it throws one `ConfigError` naming every bad variable.
 */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  options: LoadOptions = {},
): Config {
  const issues: ConfigIssue[] = [];
  const report = (variable: string, message: string) => issues.push({ variable, message });
  function read<T extends z.ZodType>(schema: T): z.output<T> | undefined {
    const parsed = schema.safeParse(env);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) report(String(issue.path[0] ?? '?'), issue.message);
    return undefined;
  }
  const vars = {
    server: read(serverVariables),
    database: read(databaseVariables),
    http: read(httpVariables),
    identity: read(identityVariables),
    mail: read(mailVariables),
    storage: read(storageVariables),
    search: read(searchVariables),
    procurement: read(procurementVariables),
    cache: read(cacheVariables),
  };
  if (
    !vars.server ||
    !vars.database ||
    !vars.http ||
    !vars.identity ||
    !vars.mail ||
    !vars.storage ||
    !vars.search ||
    !vars.procurement ||
    !vars.cache
  ) {
    throw new ConfigError(issues);
  }
  const server = buildServerConfig(vars.server, options.cwd ?? process.cwd());
  const database = buildDatabaseConfig(vars.database);
  const identity = buildIdentityConfig(vars.identity);
  const storage = buildStorageConfig(
    vars.storage,
    { rootDir: server.rootDir, dataDir: server.dataDir, supabaseUrl: identity.supabaseUrl },
    report,
  );
  const config: Config = {
    server,
    database,
    http: buildHttpConfig(vars.http),
    identity,
    mail: buildMailConfig(vars.mail),
    storage,
    search: buildSearchConfig(vars.search),
    procurement: buildProcurementConfig(vars.procurement),
    cache: buildCacheConfig(vars.cache),
  };
  if (identity.supabaseUrl && !identity.supabase && storage.kind !== 'supabase' && !issues.length) {
    report(
      'SUPABASE_URL',
      'is set, but neither SUPABASE_ANON_KEY (Auth) nor SUPABASE_SERVICE_ROLE_KEY with SUPABASE_STORAGE_BUCKET (Storage) is',
    );
  }
  if (vars.mail.DEV_MAILBOX) {
    // Once a way to show the mailbox on a production server; refusing it beats silently ignoring it.
    report(
      'DEV_MAILBOX',
      'was removed: the development mailbox exists only in development, for this machine; unset it',
    );
  }
  if (options.serving && !database.embedded && !identity.sessionSecret) {
    report(
      'SESSION_SECRET',
      'is required when DATABASE_URL is set (every instance must share it): openssl rand -base64 48',
    );
  }
  if (issues.length > 0) throw new ConfigError(issues);
  return config;
}

/** Every variable the configuration reads, for the documentation check in the tests. */
export const configVariableNames: readonly string[] = [
  serverVariables,
  databaseVariables,
  httpVariables,
  identityVariables,
  mailVariables,
  storageVariables,
  searchVariables,
  procurementVariables,
  cacheVariables,
].flatMap((schema) => Object.keys(schema.shape));

let current: Config | undefined;

/**
 * The configuration of this process. The server loads it at start
 * (`src/server/boot`), so a bad variable stops it before it listens; a tool
 * or test that never booted loads it here from `process.env` on first use.
 */
export function getConfig(): Config {
  current ??= loadConfig();
  return current;
}

/** Makes `config` the configuration of this process (boot, and tests that change settings). */
export function setConfig(config: Config): Config {
  current = config;
  return config;
}

/** Forgets the loaded configuration: the next `getConfig()` reads `process.env` again. */
export function resetConfig(): void {
  current = undefined;
}
