import { describe, expect, it } from 'vitest';
import {
  citiesInPlacesServed,
  matchCitiesToPartner,
  matchPartnersToNeeds,
  matchingWeights,
  type CityInput,
  type Need,
  type PartnerInput,
} from '../../src/lib/organizations/matching';

const partner = (id: string, fields: Partial<PartnerInput>): PartnerInput & { name: string } => ({
  id,
  name: id,
  offerings: [],
  country: null,
  countriesServed: [],
  regionsServed: [],
  hubIds: [],
  ...fields,
});
const name = (p: { name: string }) => p.name;

const transport: Need = {
  id: 'case-study:1',
  kind: 'case-study',
  title: 'On-demand buses for Fjordby',
  themes: ['mobility', 'social-inclusion'],
  sdgs: [11],
};
const fjordby = { country: 'NO', region: 'europe', hubIds: ['nordic'] };

describe('matching partners to a city’s needs', () => {
  const buses = partner('buses', {
    offerings: [{ title: 'Demand-responsive transport', themes: ['mobility'], sdgs: [11] }],
    country: 'ES',
    countriesServed: ['NO'],
  });
  const sensors = partner('sensors', {
    offerings: [{ title: 'Air sensors', themes: ['environment'], sdgs: [3, 11] }],
    regionsServed: ['europe'],
    hubIds: ['nordic'],
  });
  const lab = partner('lab', {
    offerings: [
      { title: 'Inclusion studies', themes: ['social-inclusion'], sdgs: [] },
      { title: 'Mobility and inclusion', themes: ['mobility', 'social-inclusion'], sdgs: [11] },
    ],
    regionsServed: ['global'],
  });
  const energy = partner('energy', {
    offerings: [{ title: 'Energy plans', themes: ['energy'], sdgs: [7] }],
    country: 'NO',
    hubIds: ['nordic'],
  });

  it('ranks by shared themes and SDGs, then place, each with its reasons', () => {
    const matches = matchPartnersToNeeds([transport], fjordby, [buses, sensors, lab, energy], name);
    expect(matches.map((m) => [m.subject.id, m.score])).toEqual([
      // two themes and SDG 11 with its best offering, worldwide
      ['lab', 3 + 3 + 2 + matchingWeights.global],
      // mobility and SDG 11, works in Norway
      ['buses', 3 + 2 + matchingWeights.country],
      // SDG 11 only, in the region and a shared hub
      ['sensors', 2 + matchingWeights.region + matchingWeights.hub],
    ]);
    expect(matches[1]!.reasons).toEqual([
      {
        kind: 'theme',
        theme: 'mobility',
        offering: 'Demand-responsive transport',
        need: 'On-demand buses for Fjordby',
        needUrl: undefined,
      },
      {
        kind: 'sdg',
        sdg: 11,
        offering: 'Demand-responsive transport',
        need: 'On-demand buses for Fjordby',
        needUrl: undefined,
      },
      { kind: 'country', country: 'NO' },
    ]);
  });

  it('never matches on place alone, and counts only the best offering per need', () => {
    const matches = matchPartnersToNeeds([transport], fjordby, [energy], name);
    expect(matches).toEqual([]);
    const [labMatch] = matchPartnersToNeeds(
      [transport],
      { country: null, region: null, hubIds: [] },
      [lab],
      name,
    );
    expect(
      labMatch!.reasons
        .filter((r) => r.kind === 'theme')
        .map((r) => r.kind === 'theme' && r.offering),
    ).toEqual(['Mobility and inclusion', 'Mobility and inclusion']);
  });

  it('adds up several needs and breaks ties by name', () => {
    const air: Need = { id: 'priority:3', kind: 'priority', title: 'SDG 3', themes: [], sdgs: [3] };
    const a = partner('b-second', { offerings: [{ title: 'x', themes: ['water'], sdgs: [6] }] });
    const b = partner('a-first', { offerings: [{ title: 'y', themes: ['water'], sdgs: [6] }] });
    const water: Need = {
      id: 'c',
      kind: 'challenge',
      title: 'Water',
      themes: ['water'],
      sdgs: [6],
    };
    expect(matchPartnersToNeeds([water], fjordby, [a, b], name).map((m) => m.subject.id)).toEqual([
      'a-first',
      'b-second',
    ]);
    const [match] = matchPartnersToNeeds([transport, air], fjordby, [sensors], name);
    expect(match!.score).toBe(2 + 2 + matchingWeights.region + matchingWeights.hub);
  });

  it('shows at most ten matches', () => {
    const many = Array.from({ length: 15 }, (_, n) =>
      partner(`p${String(n).padStart(2, '0')}`, {
        offerings: [{ title: 't', themes: ['mobility'], sdgs: [] }],
      }),
    );
    expect(matchPartnersToNeeds([transport], fjordby, many, name)).toHaveLength(10);
  });
});

describe('matching cities to an organization’s offerings', () => {
  const me = partner('me', {
    offerings: [{ title: 'Leak detection', themes: ['water'], sdgs: [6] }],
    regionsServed: ['americas'],
    countriesServed: ['PE'],
  });
  const city = (
    id: string,
    country: string,
    region: string,
    needs: Need[],
  ): CityInput & { name: string } => ({
    id,
    name: id,
    place: { country, region, hubIds: [] },
    needs,
  });
  const waterNeed: Need = {
    id: 'w',
    kind: 'case-study',
    title: 'Less water lost',
    themes: ['water'],
    sdgs: [6],
  };
  const riverton = city('riverton', 'PE', 'americas', [waterNeed]);
  const quito = city('quito', 'EC', 'americas', []);
  const tromso = city('tromso', 'NO', 'europe', [waterNeed]);

  it('finds cities working on what it offers, nearest first', () => {
    expect(
      matchCitiesToPartner(me, [tromso, riverton, quito], name).map((m) => [m.subject.id, m.score]),
    ).toEqual([
      ['riverton', 3 + 2 + matchingWeights.country],
      ['tromso', 3 + 2],
    ]);
  });

  it('lists the cities in the places it serves apart, without topics', () => {
    expect(
      citiesInPlacesServed(me, [tromso, riverton, quito], name).map((m) => m.subject.id),
    ).toEqual(['riverton', 'quito']);
  });
});
