/**
 * Writes the world map's outline image, src/assets/world-outline.svg, from
 * the `world-atlas` outlines as src/server/hubs/world-map.ts simplifies them.
 * The file is committed (the build imports it as a hashed static asset);
 * tests/unit/world-map.test.ts fails when it differs from what this writes.
 *
 *   npm run map:generate
 */
import fs from 'node:fs';
import path from 'node:path';
import { worldOutlineSvg } from '../src/server/hubs/world-map';

export const worldOutlineFile = path.resolve(
  import.meta.dirname,
  '../src/assets/world-outline.svg',
);

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  fs.writeFileSync(worldOutlineFile, worldOutlineSvg());
  console.log(
    `Wrote ${path.relative(process.cwd(), worldOutlineFile)} (${fs.statSync(worldOutlineFile).size} bytes)`,
  );
}
