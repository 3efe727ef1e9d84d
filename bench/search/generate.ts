/**
 * Deterministic synthetic search records for the benchmark: titles, summaries
 * and texts drawn from a Zipf-distributed vocabulary (a few very common
 * words, a long tail of rare ones), with hubs, countries, SDGs and themes, so
 * queries match realistic fractions of the corpus.
 */
const domainWords =
  `smart sustainable city cities urban mobility transport traffic energy solar grid water
  waste recycling circular air quality sensor sensors noise climate adaptation resilience flood heat housing
  health education digital data platform open governance citizen participation budget procurement finance
  investment broadband connectivity network internet things iot artificial intelligence blockchain twin
  lighting parking bus rail bicycle walking tourism culture heritage safety emergency police fire
  agriculture food market economy jobs skills innovation startup incubator university research pilot
  project strategy plan policy regulation standard recommendation indicator kpi verification report
  snapshot factsheet maturity framework toolkit guideline benchmark inclusion accessibility gender youth
  elderly migration poverty equality privacy security cyber cloud analytics dashboard monitoring map
  geospatial satellite weather forecast electricity storage battery hydrogen building retrofit efficiency
  district heating cooling tree park biodiversity river coast port logistics freight delivery drone`
    .split(/\s+/)
    .filter(Boolean);

function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const syllables = [
  'ka',
  'lo',
  'mi',
  'ren',
  'sta',
  'vo',
  'tri',
  'nel',
  'dor',
  'fa',
  'gu',
  'pel',
  'qua',
  'zen',
  'bri',
  'cho',
];

// The most frequent words of any English text; the search configuration drops them.
const stopWords = `the of and to in a for is on that by with as are this from at be it an or which
  their its has have was were will can also not more these other than all into such
  they been each between most new over two some through when where how our may about`
  .split(/\s+/)
  .filter(Boolean);

/**
 * The vocabulary by frequency rank: stop words first (as in real text), then
 * domain words, then invented rare words.
 */
export function buildVocabulary(size = 50_000, seed = 7): string[] {
  const random = mulberry32(seed);
  const invent = () => {
    const n = 2 + Math.floor(random() * 3);
    let word = '';
    for (let i = 0; i < n; i += 1) word += syllables[Math.floor(random() * syllables.length)];
    return word;
  };
  // General words of middling frequency come before the domain words.
  const words = new Set(stopWords);
  while (words.size < stopWords.length + 300) words.add(invent());
  for (const word of domainWords) words.add(word);
  while (words.size < size) {
    words.add(invent());
  }
  return [...words];
}

/** A word of middling frequency (in about a third of the records), for a broad query. */
export const broadWord = (): string => buildVocabulary()[stopWords.length + 5]!;

export const benchTypes = [
  'city',
  'organization',
  'case_study',
  'deliverable',
  'news',
  'event',
  'kpi',
  'hub',
] as const;
export const benchHubs = Array.from({ length: 30 }, (_, i) => `bench-hub-${i + 1}`);
export const benchCountries = Array.from(
  { length: 60 },
  (_, i) => `Country ${String.fromCharCode(65 + (i % 26))}${Math.floor(i / 26)}`,
);
export const benchThemes = domainWords.slice(0, 40);

/** A generator of records for `private.search_upsert`, reproducible from its seed. */
export function createRecordGenerator(seed = 42) {
  const random = mulberry32(seed);
  const vocabulary = buildVocabulary();
  // Zipf(s≈1.05) over ranks: a word's chance falls with its rank.
  const weights = vocabulary.map((_, rank) => 1 / (rank + 1) ** 1.05);
  const cumulative: number[] = [];
  let sum = 0;
  for (const weight of weights) cumulative.push((sum += weight));
  const pickWord = () => {
    const target = random() * sum;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (cumulative[mid]! < target) low = mid + 1;
      else high = mid;
    }
    return vocabulary[low]!;
  };
  const words = (min: number, max: number) =>
    Array.from({ length: min + Math.floor(random() * (max - min + 1)) }, pickWord).join(' ');
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;

  return (index: number) => {
    const type = pick(benchTypes);
    const title = words(3, 8);
    return {
      type,
      source_id: `bench-${index}`,
      title: title.charAt(0).toUpperCase() + title.slice(1),
      summary: `${words(15, 30)}.`,
      text: `${words(60, 160)}.`,
      url: `/bench/${index}`,
      code:
        type === 'deliverable' && random() < 0.5
          ? `ITU-T Y.${4000 + Math.floor(random() * 1000)}`
          : null,
      // A hub's record names its own hub; other records belong to 0–2 hubs.
      hubs:
        type === 'hub'
          ? [`bench-hub-record-${index}`]
          : Array.from({ length: Math.floor(random() * 3) }, () => pick(benchHubs)),
      country: random() < 0.8 ? pick(benchCountries) : null,
      region: 'europe',
      sdgs: Array.from({ length: Math.floor(random() * 3) }, () => 1 + Math.floor(random() * 17)),
      themes: Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(benchThemes)),
      is_demo: false,
    };
  };
}
