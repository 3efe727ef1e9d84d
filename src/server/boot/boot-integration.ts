import type { AstroIntegration } from 'astro';
import type { bootServer } from './boot-server';

/**
 * Boots `astro dev` at start instead of on the first request: the boot runs in
 * the dev server's own module graph (so pages share its database connection)
 * before the dev server listens, and a failure stops `astro dev`. The
 * production entry boots through `boot-on-start.ts`, which
 * `serverEntryPreload` (src/server/http/server-entry-preload.ts) makes it
 * import before it listens.
 */
export function bootIntegration(bootServerPath: string): AstroIntegration {
  return {
    name: 'u4ssc-boot',
    hooks: {
      'astro:server:setup': async ({ server, logger }) => {
        // Vitest's Vite server (getViteConfig, tests/components) runs these hooks too: tests boot nothing.
        if (process.env.VITEST) return;
        const boot = (await server.ssrLoadModule(bootServerPath)) as {
          bootServer: typeof bootServer;
        };
        await boot.bootServer({ log: (line) => logger.info(line) });
      },
    },
  };
}
