import type { AstroIntegration } from 'astro';

/**
 * Makes the production server entry import each of `modulePaths` before it
 * starts listening, for process-wide setup that must be in place before the
 * first request: security headers on static files and Astro's own early
 * answers (install-static-security-headers.ts), which never reach
 * src/middleware.ts, and the per-request socket address
 * (install-socket-address.ts).
 */
export function serverEntryPreload(modulePaths: string[]): AstroIntegration {
  return {
    name: 'u4ssc-server-entry-preload',
    hooks: {
      'astro:config:setup': ({ updateConfig, command }) => {
        if (command !== 'build') return;
        const imports = modulePaths.map((file) => `import ${JSON.stringify(file)};\n`).join('');
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'u4ssc-server-entry-preload',
                enforce: 'post',
                transform(code: string, id: string) {
                  if (!id.includes('@astrojs-ssr-virtual-entry')) return null;
                  return { code: `${imports}${code}`, map: null };
                },
              },
            ],
          },
        });
      },
    },
  };
}
