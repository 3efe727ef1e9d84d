import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { worldOutlineFile } from '../../scripts/generate-world-outline';
import { getWorldShapes, hubPosition, worldOutlineSvg } from '../../src/server/hubs/world-map';

const seedDir = path.resolve(import.meta.dirname, '../../supabase/seed');
const seededHubCountries = ['reference.json', 'demo.json'].flatMap((file) =>
  (
    JSON.parse(fs.readFileSync(path.join(seedDir, file), 'utf8')) as {
      hubs: { countries: string[] }[];
    }
  ).hubs.flatMap((hub) => hub.countries),
);

describe('the hubs world map', () => {
  it('knows the ISO code of nearly every outline (the portal stores codes)', () => {
    const { countries } = getWorldShapes();
    const unknown = countries.filter((country) => country.code === null).map((c) => c.name);
    // Kosovo has no officially assigned ISO 3166-1 code.
    expect(unknown).toEqual(['Kosovo']);
    expect(countries.find((country) => country.name === 'Norway')?.code).toBe('NO');
    expect(countries.find((country) => country.name === 'Dem. Rep. Congo')?.code).toBe('CD');
  });

  it('places every seeded hub by its countries’ codes', () => {
    expect(seededHubCountries.length).toBeGreaterThan(3);
    for (const code of seededHubCountries) expect(hubPosition([code]), code).not.toBeNull();
    expect(hubPosition(['Norway'])).toBeNull();
  });
});

describe('the world outline image', () => {
  it('is what npm run map:generate writes from the outlines (regenerate it when they change)', () => {
    const committed = fs.readFileSync(worldOutlineFile, 'utf8');
    expect(committed).toBe(worldOutlineSvg());
    expect(committed.match(/<path /g)).toHaveLength(getWorldShapes().countries.length + 1);
  });
});
