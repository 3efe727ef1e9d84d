import type { AstroIntegration } from 'astro';

/**
 * Makes the production server import `install-static-security-headers.ts`
 * before it starts listening, so static files and Astro's own early answers
 * carry the security headers too (they never reach src/middleware.ts).
 */
export function securityHeadersIntegration(installerPath: string): AstroIntegration {
  return {
    name: 'u4ssc-security-headers',
    hooks: {
      'astro:config:setup': ({ updateConfig, command }) => {
        if (command !== 'build') return;
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'u4ssc-security-headers-entry',
                enforce: 'post',
                transform(code: string, id: string) {
                  if (!id.includes('@astrojs-ssr-virtual-entry')) return null;
                  return { code: `import ${JSON.stringify(installerPath)};\n${code}`, map: null };
                },
              },
            ],
          },
        });
      },
    },
  };
}
