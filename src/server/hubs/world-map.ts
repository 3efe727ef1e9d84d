import { createRequire } from 'node:module';
import { geoCentroid, geoEqualEarth, geoPath, geoStream } from 'd3-geo';
import type { Feature, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { countryCodeFromEnglishName, type CountryCode } from '../../lib/taxonomy/countries';

/**
 * The server-rendered world map of /hubs: country outlines from the
 * `world-atlas` package (Natural Earth 1:110m, public domain), projected once
 * per process with d3-geo. No tiles, no JavaScript.
 *
 * The outlines are simplified to what the map's size shows: projected to the
 * 960 × 470 view box, points closer than a pixel to the line through their
 * neighbours dropped (Douglas–Peucker), coordinates rounded to whole pixels,
 * rings smaller than a few pixels left out. The HTML of /hubs went from
 * 141 KB to about a third of it, and the drawing looks the same.
 *
 * The outline is the same on every request, so it is not in the HTML: it is
 * a static image (`worldOutlineSvg`, committed as src/assets/world-outline.svg
 * by `npm run map:generate`, hashed and served immutable and precompressed
 * from /_astro/) that the page's SVG draws first; only the shaded countries,
 * hubs and cities are drawn into each page. /hubs went from 62 KB to about a
 * third again.
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
        path: simplifiedPath(country),
        centroid: centroid ? [centroid[0], centroid[1]] : null,
      };
    }),
  };
  return cache;
}

type Point = [number, number];

/** A feature's rings as the projection draws them (cut at the antimeridian, clipped to the sphere). */
function projectedRings(country: Feature<Geometry>): Point[][] {
  const rings: Point[][] = [];
  let ring: Point[] | null = null;
  geoStream(
    country,
    projection.stream({
      point(x: number, y: number) {
        ring?.push([x, y]);
      },
      lineStart() {
        ring = [];
      },
      lineEnd() {
        if (ring && ring.length > 0) rings.push(ring);
        ring = null;
      },
      polygonStart() {},
      polygonEnd() {},
      sphere() {},
    }),
  );
  return rings;
}

/** Douglas–Peucker: the points of `ring` that lie farther than `tolerance` from the simplified line. */
function simplify(points: Point[], tolerance: number): Point[] {
  if (points.length <= 2) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  const squared = tolerance * tolerance;
  while (stack.length > 0) {
    const [first, last] = stack.pop()!;
    const [ax, ay] = points[first]!;
    const [bx, by] = points[last]!;
    const dx = bx - ax;
    const dy = by - ay;
    const length = dx * dx + dy * dy;
    let farthest = -1;
    let farthestDistance = squared;
    for (let i = first + 1; i < last; i += 1) {
      const [px, py] = points[i]!;
      const t =
        length === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length));
      const ex = ax + t * dx - px;
      const ey = ay + t * dy - py;
      const distance = ex * ex + ey * ey;
      if (distance > farthestDistance) {
        farthest = i;
        farthestDistance = distance;
      }
    }
    if (farthest !== -1) {
      keep[farthest] = 1;
      stack.push([first, farthest], [farthest, last]);
    }
  }
  return points.filter((_, i) => keep[i] === 1);
}

/** Twice the area of a ring (shoelace), in square pixels. */
function doubleArea(points: Point[]): number {
  let sum = 0;
  for (let i = 0; i < points.length; i += 1) {
    const [x1, y1] = points[i]!;
    const [x2, y2] = points[(i + 1) % points.length]!;
    sum += x1 * y2 - x2 * y1;
  }
  return Math.abs(sum);
}

/** The country's outline as an SVG path at the map's resolution (whole pixels, ~1 px tolerance). */
function simplifiedPath(country: Feature<Geometry>): string {
  const parts: string[] = [];
  const rings = projectedRings(country);
  for (const ring of rings) {
    const rounded: Point[] = [];
    for (const [x, y] of simplify(ring, 0.8)) {
      const point: Point = [Math.round(x), Math.round(y)];
      const previous = rounded[rounded.length - 1];
      if (!previous || previous[0] !== point[0] || previous[1] !== point[1]) rounded.push(point);
    }
    if (rounded.length < 3 || doubleArea(rounded) < 4) continue;
    parts.push(`M${rounded.map(([x, y]) => `${x} ${y}`).join(' ')}Z`);
  }
  if (parts.length === 0 && rings.length > 0) {
    // A country smaller than the resolution (Luxembourg) keeps its largest
    // ring at a tenth of a pixel: a hub there must still shade something.
    const largest = rings.reduce((a, b) => (doubleArea(b) > doubleArea(a) ? b : a));
    parts.push(`M${largest.map(([x, y]) => `${x.toFixed(1)} ${y.toFixed(1)}`).join(' ')}Z`);
  }
  return parts.join('');
}

const outlineFill = '#d1d5db';
const oceanFill = '#eff6ff';

/**
 * The world's outline as a standalone SVG image (ocean and every country in
 * the map's grey), drawn under each page's shaded countries and points.
 */
export function worldOutlineSvg(): string {
  const { sphere, countries } = load();
  const { width, height } = mapSize;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">`,
    `<path d="${sphere}" fill="${oceanFill}" stroke="${outlineFill}"/>`,
    `<g fill="${outlineFill}" stroke="#ffffff" stroke-width="0.5">`,
    ...countries.map((country) => `<path d="${country.path}"/>`),
    '</g></svg>',
    '',
  ].join('\n');
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
