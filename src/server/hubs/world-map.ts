import { createRequire } from 'node:module';
import { geoEqualEarth, geoPath, geoCentroid } from 'd3-geo';
import type { Feature, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

/**
 * The server-rendered world map of /hubs: country outlines from the
 * `world-atlas` package (Natural Earth 1:110m, public domain), projected once
 * per process with d3-geo. No tiles, no JavaScript.
 */
export const mapSize = { width: 960, height: 470 } as const;

interface CountryShape {
  name: string;
  path: string;
  centroid: [number, number] | null;
}

let cache: { countries: CountryShape[]; sphere: string } | undefined;
const projection = geoEqualEarth().fitExtent(
  [
    [4, 4],
    [mapSize.width - 4, mapSize.height - 4],
  ],
  { type: 'Sphere' },
);

function load() {
  if (cache) return cache;
  const require = createRequire(import.meta.url);
  const topology = require('world-atlas/countries-110m.json') as Topology<{
    countries: GeometryCollection<{ name: string }>;
  }>;
  const collection = feature(topology, topology.objects.countries) as unknown as {
    features: Feature<Geometry, { name: string }>[];
  };
  const path = geoPath(projection).digits(1);
  cache = {
    sphere: path({ type: 'Sphere' }) ?? '',
    countries: collection.features.map((country) => {
      const centroid = projection(geoCentroid(country));
      return {
        name: country.properties.name,
        path: path(country) ?? '',
        centroid: centroid ? [centroid[0], centroid[1]] : null,
      };
    }),
  };
  return cache;
}

/** Country names as the map data spells some of them, for the names the portal stores. */
const aliases: Record<string, string> = {
  'United States': 'United States of America',
  'Bosnia and Herzegovina': 'Bosnia and Herz.',
  'Dominican Republic': 'Dominican Rep.',
  'Central African Republic': 'Central African Rep.',
  'Democratic Republic of the Congo': 'Dem. Rep. Congo',
  'Czech Republic': 'Czechia',
  'South Sudan': 'S. Sudan',
  'Ivory Coast': "Côte d'Ivoire",
};

function findCountry(name: string) {
  const wanted = aliases[name] ?? name;
  return load().countries.find((country) => country.name === wanted);
}

/** Every country outline, and the sphere (ocean) outline. */
export function getWorldShapes() {
  return load();
}

/** The projected position of a point, or null when it falls off the map. */
export function projectPoint(longitude: number, latitude: number): [number, number] | null {
  const point = projection([longitude, latitude]);
  return point ? [Math.round(point[0] * 10) / 10, Math.round(point[1] * 10) / 10] : null;
}

/** Where to draw a hub: at the centre of the first of its countries the map knows. */
export function hubPosition(countries: readonly string[]): [number, number] | null {
  for (const name of countries) {
    const centroid = findCountry(name)?.centroid;
    if (centroid) return [Math.round(centroid[0] * 10) / 10, Math.round(centroid[1] * 10) / 10];
  }
  return null;
}

/** The set of map country names covered by the given portal country names. */
export function coveredCountryNames(countries: readonly string[]): Set<string> {
  return new Set(countries.map((name) => aliases[name] ?? name));
}
