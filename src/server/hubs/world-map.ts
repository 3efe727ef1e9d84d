import { createRequire } from 'node:module';
import { geoEqualEarth, geoPath, geoCentroid } from 'd3-geo';
import type { Feature, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { countryCodeFromEnglishName, type CountryCode } from '../../lib/taxonomy/countries';

/**
 * The server-rendered world map of /hubs: country outlines from the
 * `world-atlas` package (Natural Earth 1:110m, public domain), projected once
 * per process with d3-geo. No tiles, no JavaScript.
 */
export const mapSize = { width: 960, height: 470 } as const;

interface CountryShape {
  name: string;
  /** The ISO 3166-1 alpha-2 code the portal stores, or null (Kosovo, N. Cyprus…). */
  code: CountryCode | null;
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
      const name = country.properties.name;
      return {
        name,
        code: mapNameCodes[name] ?? countryCodeFromEnglishName(name),
        path: path(country) ?? '',
        centroid: centroid ? [centroid[0], centroid[1]] : null,
      };
    }),
  };
  return cache;
}

/**
 * The codes of the names the map data abbreviates (Natural Earth's short
 * names); every other name is an English CLDR or UN name.
 */
const mapNameCodes: Readonly<Record<string, CountryCode>> = {
  'W. Sahara': 'EH',
  'Dem. Rep. Congo': 'CD',
  'Dominican Rep.': 'DO',
  'Falkland Is.': 'FK',
  'Fr. S. Antarctic Lands': 'TF',
  'Central African Rep.': 'CF',
  'Eq. Guinea': 'GQ',
  Myanmar: 'MM',
  'Solomon Is.': 'SB',
  'Bosnia and Herz.': 'BA',
  'Trinidad and Tobago': 'TT',
  'S. Sudan': 'SS',
  'N. Cyprus': 'CY',
  Somaliland: 'SO',
};

function findCountry(code: string) {
  return load().countries.find((country) => country.code === code);
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

/** Where to draw a hub: at the centre of the first of its countries (codes) the map knows. */
export function hubPosition(countries: readonly string[]): [number, number] | null {
  for (const code of countries) {
    const centroid = findCountry(code)?.centroid;
    if (centroid) return [Math.round(centroid[0] * 10) / 10, Math.round(centroid[1] * 10) / 10];
  }
  return null;
}
