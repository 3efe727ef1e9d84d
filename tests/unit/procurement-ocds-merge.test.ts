import { describe, expect, it } from 'vitest';
import { compileReleases } from '../../src/server/procurement/ocds-merge';
import { pruneEmpty } from '../../src/server/procurement/ocds-release';

const base = { ocid: 'ocds-abc123-1', initiationType: 'tender' };

describe('compiling OCDS releases (merging rules)', () => {
  it('applies releases oldest first, merging objects field by field and omitting id, date and tag', () => {
    const compiled = compileReleases([
      {
        ...base,
        id: 'r2',
        date: '2027-02-01T00:00:00Z',
        tag: ['tenderUpdate'],
        tender: { id: 't', status: 'active' },
      },
      {
        ...base,
        id: 'r1',
        date: '2027-01-01T00:00:00Z',
        tag: ['planning'],
        tender: { id: 't', title: 'Routes', status: 'planning' },
        planning: { rationale: 'Why' },
      },
    ]);
    expect(compiled).toEqual({
      ocid: 'ocds-abc123-1',
      id: 'ocds-abc123-1-compiled-2027-02-01T00:00:00Z',
      date: '2027-02-01T00:00:00Z',
      tag: ['compiled'],
      initiationType: 'tender',
      tender: { id: 't', title: 'Routes', status: 'active' },
      planning: { rationale: 'Why' },
    });
  });

  it('merges arrays of objects by id, appending new ones, and replaces other arrays whole', () => {
    const compiled = compileReleases([
      {
        ...base,
        id: 'r1',
        date: '2027-01-01T00:00:00Z',
        tag: ['contract'],
        parties: [{ id: 'city', name: 'Fjordby', roles: ['buyer'] }],
        tender: { id: 't', submissionMethod: ['written'] },
      },
      {
        ...base,
        id: 'r2',
        date: '2027-01-02T00:00:00Z',
        tag: ['award'],
        parties: [
          { id: 'org', name: 'Sensorwerk', roles: ['supplier'] },
          { id: 'city', roles: ['buyer', 'procuringEntity'] },
        ],
        tender: { id: 't', submissionMethod: ['electronicSubmission'] },
      },
    ]);
    expect(compiled.parties).toEqual([
      { id: 'city', name: 'Fjordby', roles: ['buyer', 'procuringEntity'] },
      { id: 'org', name: 'Sensorwerk', roles: ['supplier'] },
    ]);
    expect((compiled.tender as { submissionMethod: string[] }).submissionMethod).toEqual([
      'electronicSubmission',
    ]);
  });

  it('removes a field a later release sets to null, and replaces wholeListMerge lists', () => {
    const compiled = compileReleases([
      {
        ...base,
        id: 'r1',
        date: '2027-01-01T00:00:00Z',
        tag: ['planning'],
        tender: { id: 't', description: 'Old' },
        parties: [
          {
            id: 'p',
            additionalIdentifiers: [
              { id: 'a', scheme: 'X' },
              { id: 'b', scheme: 'Y' },
            ],
          },
        ],
      },
      {
        ...base,
        id: 'r2',
        date: '2027-01-02T00:00:00Z',
        tag: ['planningUpdate'],
        tender: { id: 't', description: null },
        parties: [{ id: 'p', additionalIdentifiers: [{ id: 'b', scheme: 'Z' }] }],
      },
    ]);
    expect(compiled.tender).toEqual({ id: 't' });
    expect(compiled.parties).toEqual([
      { id: 'p', additionalIdentifiers: [{ id: 'b', scheme: 'Z' }] },
    ]);
  });

  it('refuses to compile nothing, or releases of several processes', () => {
    expect(() => compileReleases([])).toThrow(/at least one/);
    expect(() =>
      compileReleases([
        { ...base, id: 'a', date: '2027-01-01T00:00:00Z', tag: ['planning'] },
        {
          ...base,
          ocid: 'ocds-abc123-2',
          id: 'b',
          date: '2027-01-02T00:00:00Z',
          tag: ['planning'],
        },
      ]),
    ).toThrow(/several ocids/);
  });

  it('drops unknown, empty fields from a release body but keeps false and zero', () => {
    expect(
      pruneEmpty({
        a: undefined,
        b: [],
        c: {},
        d: { e: undefined },
        f: false,
        g: 0,
        h: [{ i: undefined }, 1],
      }),
    ).toEqual({ f: false, g: 0, h: [1] });
  });
});
