import path from 'node:path';
import { z } from 'zod';
import { optionalInteger, optionalText, optionalUrl } from './variables';

/** Part "server" (platform): where the portal runs and how it is reached. */
export const serverVariables = z.object({
  NODE_ENV: optionalText.pipe(
    z
      .enum(['development', 'production', 'test'], {
        message: 'use development, production or test',
      })
      .optional(),
  ),
  PORTAL_ROOT: optionalText,
  DATA_DIR: optionalText,
  HOST: optionalText,
  PORT: optionalInteger(1, 65_535),
  PUBLIC_SITE_URL: optionalUrl(
    /^https?$/,
    'must be an http(s) URL, e.g. https://portal.example.org',
  ),
});

export interface ServerConfig {
  nodeEnv: 'development' | 'production' | 'test';
  production: boolean;
  /** Absolute folder holding supabase/ and content/. */
  rootDir: string;
  /** Absolute folder of the embedded database and local files. */
  dataDir: string;
  host: string;
  port: number;
  /** PUBLIC_SITE_URL, else derived from HOST and PORT (see `deriveSiteUrl`). No trailing slash. */
  siteUrl: string;
  /** True when PUBLIC_SITE_URL was set; a derived address is only right on this machine. */
  siteUrlConfigured: boolean;
}

export const defaultHost = 'localhost';
export const defaultPort = 4321;

/**
 * The address people reach the server at when PUBLIC_SITE_URL is not set:
 * the host and port it listens on, with a wildcard host (0.0.0.0, ::) shown
 * as localhost. Also used by astro.config.mjs, so feeds, mails and the
 * build agree.
 */
export function deriveSiteUrl(host: string = defaultHost, port: number = defaultPort): string {
  const wildcard = host === '0.0.0.0' || host === '::' || host === '[::]' || host === '';
  const name = wildcard
    ? 'localhost'
    : host.includes(':') && !host.startsWith('[')
      ? `[${host}]`
      : host;
  return `http://${name}:${port}`;
}

export function buildServerConfig(
  vars: z.output<typeof serverVariables>,
  cwd: string,
): ServerConfig {
  const nodeEnv = vars.NODE_ENV ?? 'development';
  const rootDir = path.resolve(vars.PORTAL_ROOT ?? cwd);
  const host = vars.HOST ?? defaultHost;
  const port = vars.PORT ?? defaultPort;
  return {
    nodeEnv,
    production: nodeEnv === 'production',
    rootDir,
    dataDir: path.resolve(rootDir, vars.DATA_DIR ?? '.data'),
    host,
    port,
    siteUrl: (vars.PUBLIC_SITE_URL ?? deriveSiteUrl(host, port)).replace(/\/+$/, ''),
    siteUrlConfigured: vars.PUBLIC_SITE_URL !== undefined,
  };
}
