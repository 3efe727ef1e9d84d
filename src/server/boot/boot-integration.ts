import type { AstroIntegration } from 'astro';
import type { bootServer } from './boot-server';

/**
 * Boots the server at start instead of on the first request.
 *
 * - `astro build`: the production entry imports `boot-on-start.ts` before
 *   anything else, so migrations, seed and the mail worker are done (or the
 *   process has exited) before the adapter listens; "Server listening" then
 *   means ready.
 * - `astro dev`: the boot runs in the dev server's own module graph (so
 *   pages share its database connection) before the dev server listens; a
 *   failure stops `astro dev`.
 */
export function bootIntegration(paths: {
  bootOnStart: string;
  bootServer: string;
}): AstroIntegration {
  return {
    name: 'u4ssc-boot',
    hooks: {
      'astro:config:setup': ({ updateConfig, command }) => {
        if (command !== 'build') return;
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'u4ssc-boot-entry',
                enforce: 'post',
                transform(code: string, id: string) {
                  if (!id.includes('@astrojs-ssr-virtual-entry')) return null;
                  return {
                    code: `import ${JSON.stringify(paths.bootOnStart)};\n${code}`,
                    map: null,
                  };
                },
              },
            ],
          },
        });
      },
      'astro:server:setup': async ({ server, logger }) => {
        // Vitest's Vite server (getViteConfig, tests/components) runs these hooks too: tests boot nothing.
        if (process.env.VITEST) return;
        const boot = (await server.ssrLoadModule(paths.bootServer)) as {
          bootServer: typeof bootServer;
        };
        await boot.bootServer({ log: (line) => logger.info(line) });
      },
    },
  };
}
