// @ts-check
import { defineConfig } from 'astro/config';
import node from '@astrojs/node';
import react from '@astrojs/react';
import tailwindcss from '@tailwindcss/vite';
import { fileURLToPath } from 'node:url';
import { bootIntegration } from './src/server/boot/boot-integration.ts';
import { loadEnvFile } from './src/server/config/env-file.ts';
import { defaultHost, defaultPort, deriveSiteUrl } from './src/server/config/server.ts';
import { precompressIntegration } from './src/server/http/compression-build.ts';
import { serverEntryPreload } from './src/server/http/server-entry-preload.ts';

// .env for `astro dev` and `astro build`; never under Vitest (tests/components loads this file).
if (!process.env.VITEST) loadEnvFile(fileURLToPath(new URL('.', import.meta.url)));
const host = process.env.HOST || defaultHost;
const port = Number(process.env.PORT || defaultPort);
const siteUrl = process.env.PUBLIC_SITE_URL || deriveSiteUrl(host, port);

/**
 * The public site (PUBLIC_SITE_URL, read at build time) plus plain-HTTP local
 * hosts on any port (development, `npm start`, the e2e server).
 * @returns {{ protocol?: string; hostname: string; port?: string }[]}
 */
function allowedDomains() {
  const local = ['localhost', '127.0.0.1'].map((hostname) => ({ protocol: 'http', hostname }));
  const site = process.env.PUBLIC_SITE_URL ? new URL(process.env.PUBLIC_SITE_URL) : undefined;
  if (!site || local.some((entry) => entry.hostname === site.hostname)) return local;
  return [
    ...local,
    {
      protocol: site.protocol.slice(0, -1),
      hostname: site.hostname,
      ...(site.port ? { port: site.port } : {}),
    },
  ];
}

// Server-rendered everywhere: pages read the database per request as the
// visitor's Postgres role, so nothing is prerendered.
export default defineConfig({
  output: 'server',
  // Separate build folders let several test runs build side by side.
  outDir: process.env.ASTRO_OUT_DIR ?? './dist',
  adapter: node({ mode: 'standalone' }),
  integrations: [
    react(),
    // `astro dev` boots in its server:setup hook (src/server/boot/boot-integration.ts).
    bootIntegration(fileURLToPath(new URL('./src/server/boot/boot-server.ts', import.meta.url))),
    // Static files and Astro's early answers get the security headers too;
    // each request's socket address is recorded (X-Forwarded-For is not trusted);
    // the render cache's front door answers cached pages and precompressed
    // files before the adapter (docs/render-cache.md);
    // then the server boots (migrations, seed, mail worker) before it listens.
    serverEntryPreload(
      [
        'http/install-static-security-headers.ts',
        'http/install-socket-address.ts',
        'cache/install-front-door.ts',
        'boot/boot-on-start.ts',
      ].map((file) => fileURLToPath(new URL(`./src/server/${file}`, import.meta.url))),
    ),
    // .br and .gz beside every text file of the client build.
    precompressIntegration(),
  ],
  site: siteUrl,
  server: { port, host },
  security: {
    checkOrigin: true,
    // Hosts whose Host / X-Forwarded-* headers Astro trusts to build the
    // request URL; without them every URL is http://localhost and the origin
    // check refuses same-site forms served on any other host.
    allowedDomains: allowedDomains(),
  },
  // Astro hashes its own inline scripts (island hydration) into a CSP header;
  // src/middleware.ts copies those hashes into the portal's full policy.
  experimental: { csp: { algorithm: 'SHA-256' } },
  // Pages carry no client-side router; islands hydrate on their own.
  prefetch: false,
  build: { inlineStylesheets: 'never' },
  vite: {
    plugins: [tailwindcss()],
    ssr: {
      // Native or WASM packages must stay out of the server bundle.
      external: ['@electric-sql/pglite', '@node-rs/argon2', 'pg'],
    },
    optimizeDeps: { exclude: ['@electric-sql/pglite'] },
  },
});
