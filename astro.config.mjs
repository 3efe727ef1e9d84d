// @ts-check
import { defineConfig } from 'astro/config';
import node from '@astrojs/node';
import react from '@astrojs/react';
import tailwindcss from '@tailwindcss/vite';

// Server-rendered everywhere: pages read the database per request as the
// visitor's Postgres role, so nothing is prerendered.
export default defineConfig({
  output: 'server',
  // Separate build folders let several test runs build side by side.
  outDir: process.env.ASTRO_OUT_DIR ?? './dist',
  adapter: node({ mode: 'standalone' }),
  integrations: [react()],
  site: process.env.PUBLIC_SITE_URL ?? 'http://localhost:4321',
  server: { port: Number(process.env.PORT ?? 4321), host: process.env.HOST ?? 'localhost' },
  security: { checkOrigin: true },
  // Pages carry no client-side router; islands hydrate on their own.
  prefetch: false,
  build: { inlineStylesheets: 'never' },
  vite: {
    plugins: [tailwindcss()],
    ssr: {
      // Native or WASM packages must stay out of the server bundle.
      external: ['@electric-sql/pglite', '@node-rs/argon2', 'postgres'],
    },
    optimizeDeps: { exclude: ['@electric-sql/pglite'] },
  },
});
