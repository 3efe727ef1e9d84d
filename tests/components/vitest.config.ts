import { getViteConfig } from 'astro/config';

/**
 * Astro components rendered in isolation with the Container API: Astro's own
 * Vite plugins compile the .astro files. Pure rendering, no database, no
 * network, like the unit suite.
 */
export default getViteConfig({
  test: {
    name: 'components',
    // Relative to this folder, the project's root.
    include: ['**/*.test.ts'],
    environment: 'node',
    sequence: { groupOrder: 0 },
  },
});
