import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/types';
import { withRequestContext } from '../../src/server/db/request-context';
import {
  buildRecordPackage,
  buildReleasePackage,
} from '../../src/server/procurement/ocds-packages';
import { listProcessReleases, listReleasesSince } from '../../src/server/procurement/queries';
import { testTargets } from '../support/databases';
import { codelistViolations, loadOcdsValidators, ocdsSuite } from '../support/ocds-schemas';

/**
 * Every release, release package and record package the seed produces
 * validates against the official OCDS 1.1.5 schemas (ajv, draft-04), and
 * every codelist value is in its codelist. Read as a visitor, through the
 * same queries as the endpoints.
 */
const suite = ocdsSuite();

describe.skipIf(!suite.run).each(testTargets())('OCDS data of the seed on $name', (target) => {
  let db: Database;
  const validators = suite.run ? loadOcdsValidators() : null!;
  const context = (uri: string) => ({
    uri,
    siteUrl: 'http://localhost:4321',
    publisherName: 'U4SSC Hub Portal',
  });
  const asVisitor = <T>(fn: Parameters<typeof withRequestContext<T>>[1]) =>
    withRequestContext(null, fn, () => Promise.resolve(db));
  const errorsOf = (validate: typeof validators.release) =>
    (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);

  beforeAll(async () => {
    db = await target.open();
  });
  afterAll(() => db.close());

  it('validates every release of every published demo process, with codelist values', async () => {
    const processes = await db.query<{ id: string }>(
      'select id from public.procurement_processes where is_demo and published_at is not null order by created_at',
    );
    expect(processes.length).toBeGreaterThanOrEqual(5);
    let count = 0;
    for (const { id } of processes) {
      const releases = await asVisitor((rdb) => listProcessReleases(rdb, id));
      expect(releases.length, id).toBeGreaterThan(0);
      for (const stored of releases) {
        count += 1;
        expect(
          validators.release(stored.release),
          `${stored.releaseId}: ${errorsOf(validators.release).join('; ')}`,
        ).toBe(true);
        expect(codelistViolations(stored.release as never, validators), stored.releaseId).toEqual(
          [],
        );
      }
      const releasePackage = buildReleasePackage(
        releases,
        context(`http://localhost:4321/api/ocds/processes/${id}/releases`),
        new Date(),
      );
      expect(
        validators.releasePackage(releasePackage),
        errorsOf(validators.releasePackage).join('; '),
      ).toBe(true);
      const recordPackage = buildRecordPackage(
        releases,
        {
          ...context(`http://localhost:4321/api/ocds/processes/${id}/record`),
          releasePackageUri: `http://localhost:4321/api/ocds/processes/${id}/releases`,
        },
        new Date(),
      );
      expect(
        validators.recordPackage(recordPackage),
        errorsOf(validators.recordPackage).join('; '),
      ).toBe(true);
      const record = (recordPackage.records as { compiledRelease: Record<string, unknown> }[])[0]!;
      expect(
        validators.release(record.compiledRelease),
        errorsOf(validators.release).join('; '),
      ).toBe(true);
      expect(codelistViolations(record.compiledRelease as never, validators)).toEqual([]);
      expect(record.compiledRelease.tag).toEqual(['compiled']);
    }
    expect(count).toBeGreaterThanOrEqual(20);
  });

  it('refuses what is not OCDS (the checks can fail)', async () => {
    const [stored] = await asVisitor((rdb) =>
      listReleasesSince(rdb, { since: null, page: 1 }),
    ).then((p) => p.releases);
    const broken = {
      ...stored!.release,
      tag: ['published'],
      tender: { id: 'tender', status: 'open' },
    };
    expect(validators.release(broken)).toBe(false);
    const openCodelist = {
      ...stored!.release,
      parties: [{ id: 'x', name: 'X', roles: ['sponsor'] }],
    };
    expect(validators.release(openCodelist)).toBe(true);
    expect(codelistViolations(openCodelist as never, validators)).toEqual([
      'parties.roles: sponsor',
    ]);
  });

  it('validates the paginated package of all releases', async () => {
    const page = await asVisitor((rdb) => listReleasesSince(rdb, { since: null, page: 1 }));
    expect(page.releases.length).toBeGreaterThan(0);
    const all = buildReleasePackage(
      page.releases,
      context('http://localhost:4321/api/ocds/releases'),
      new Date(),
    );
    expect(validators.releasePackage(all), errorsOf(validators.releasePackage).join('; ')).toBe(
      true,
    );
  });

  it('compiles the delivery process into its current state: awarded, contracted, three milestones', async () => {
    const [row] = await db.query<{ id: string }>(
      `select id from public.procurement_processes where is_demo and stage = 'delivery' limit 1`,
    );
    const id = row!.id;
    const releases = await asVisitor((rdb) => listProcessReleases(rdb, id));
    const recordPackage = buildRecordPackage(
      releases,
      {
        ...context('x:'),
        uri: 'http://localhost/record',
        releasePackageUri: 'http://localhost/releases',
      },
      new Date(),
    );
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- walking a JSON document
    const compiled = (recordPackage.records as { compiledRelease: Record<string, any> }[])[0]!
      .compiledRelease;
    expect(compiled.tender.status).toBe('complete');
    expect(compiled.awards).toHaveLength(1);
    expect(compiled.awards[0].suppliers[0].name).toMatch(/Sensorwerk/);
    expect(
      compiled.contracts[0].implementation.milestones.map((m: { status: string }) => m.status),
    ).toEqual(['met', 'partiallyMet', 'scheduled']);
    const roles = Object.fromEntries(
      compiled.parties.map((p: { name: string; roles: string[] }) => [p.name, p.roles]),
    );
    expect(Object.values(roles).flat()).toEqual(
      expect.arrayContaining(['buyer', 'supplier', 'tenderer', 'interestedParty']),
    );
    // Bid contents are never in the open data.
    expect(JSON.stringify(recordPackage)).not.toMatch(
      /alerts by text message and app|dashboard; alerts by e-mail/,
    );
  });
});
