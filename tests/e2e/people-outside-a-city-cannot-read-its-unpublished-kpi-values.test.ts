import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn as signInOverHttp, type Session } from '../../bench/lib/http-session';
import { baseUrl, e2eEnabled } from '../support/browser';
import { demoEmails, demoPassword } from '../support/sign-in';

/**
 * Every route of the KPI assessments, as each person who is not one of
 * Fjordby's editors or its hubs' coordinators (another city's editor, a
 * coordinator of another hub, a partner, a member, a platform admin, a
 * visitor): the private pages, exports and JSON refuse them; the public
 * snapshot, its CSV and JSON, the city page and search carry only what the
 * seeded 2025 snapshot shares. The Nordic coordinator reads every page but
 * changes nothing; only the city's editor does.
 *
 * Seeded: Fjordby 2023–2025, 2025 verified and published without three of
 * its values (Violent Crime Rate, Police Service, Youth Unemployment Rate).
 */
const city = '/cities/demo-fjordby';
const privatePages = [
  `${city}/kpis/assessments`,
  `${city}/kpis/assessments/2024`,
  `${city}/kpis/assessments/2024/sections/sc-sh`,
  `${city}/kpis/assessments/2024/import`,
  `${city}/kpis/assessments/2024/verification`,
  `${city}/kpis/assessments/2024/snapshot`,
  `${city}/kpis/assessments/2025/export.csv`,
  `${city}/kpis/targets`,
  `${city}/kpis/dashboard`,
  `${city}/kpis/dashboard?sdg=16`,
];
const privateJson = `${city}/kpis/assessments/2024/export.json`;
const unshared = ['SC:SH:SA:8C', 'SC:SH:SA:6C', 'EC:P:EM:2C'];
const unsharedNames = ['Violent Crime Rate', 'Police Service', 'Youth Unemployment Rate'];
const outsiders = ['otherCityEditor', 'otherCoordinator', 'orgMember', 'member', 'admin'] as const;

describe.skipIf(!e2eEnabled())(
  'people outside a city cannot read its unpublished KPI values',
  () => {
    const sessions = new Map<string, Session>();
    const get = (path: string, session?: Session) =>
      fetch(`${baseUrl()}${path}`, {
        headers: session ? { cookie: session.cookie } : {},
        redirect: 'manual',
      });
    const post = (path: string, form: Record<string, string>, session: Session) =>
      fetch(`${baseUrl()}${path}`, {
        method: 'POST',
        headers: {
          cookie: session.cookie,
          origin: new URL(baseUrl()).origin,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams(form),
        redirect: 'manual',
      });

    beforeAll(async () => {
      for (const persona of [...outsiders, 'coordinator', 'cityEditor'] as const) {
        sessions.set(persona, await signInOverHttp(baseUrl(), demoEmails[persona], demoPassword));
      }
      // A private value whose source has a word no record has (2024 is not published).
      const saved = await post(
        `${city}/kpis/assessments/2024/sections/ec-p`,
        {
          intent: 'save',
          kpi: 'EC:P:IN:3A',
          value: '61.5',
          source: 'Quxbramble business register',
        },
        sessions.get('cityEditor')!,
      );
      expect(saved.status).toBe(303);
    });
    afterAll(() => sessions.clear());

    it('refuses the private pages, exports and JSON to a visitor and to every outsider', async () => {
      for (const path of privatePages) {
        const anon = await get(path);
        expect(anon.status, `visitor ${path}`).toBe(303);
        expect(anon.headers.get('location'), path).toMatch(/^\/login\?notice=sign-in-required/);
        for (const persona of outsiders) {
          const response = await get(path, sessions.get(persona));
          const body = await response.text();
          expect(response.status, `${persona} ${path}`).toBe(403);
          expect(body, `${persona} ${path}`).toContain('This assessment is private to the city');
          expect(body).not.toContain('Municipal social services');
        }
      }
      expect((await get(privateJson)).status).toBe(401);
      for (const persona of outsiders) {
        const response = await get(privateJson, sessions.get(persona));
        expect(response.status, persona).toBe(403);
        expect(await response.json()).toMatchObject({ code: 'forbidden' });
      }
      // The shortened snapshot address leads visitors to the city page, its managers to the assessments.
      expect((await get(`${city}/kpis`)).headers.get('location')).toBe(`${city}#city-kpi-status`);
      expect((await get(`${city}/kpis`, sessions.get('member'))).headers.get('location')).toBe(
        `${city}#city-kpi-status`,
      );
      expect((await get(`${city}/kpis`, sessions.get('coordinator'))).headers.get('location')).toBe(
        `${city}/kpis/assessments`,
      );
      expect((await get('/kpis/assessments')).status).toBe(303);
      expect((await get('/kpis/assessments', sessions.get('member'))).status).toBe(403);
    });

    it('publishes only the shared values of the published snapshot, to everyone', async () => {
      for (const persona of [undefined, ...outsiders, 'cityEditor'] as const) {
        const session = persona ? sessions.get(persona) : undefined;
        const page = await (await get(`${city}/kpis/2025`, session)).text();
        expect(page, persona).toContain('Household Internet Access');
        const csv = await (await get(`${city}/kpis/2025.csv`, session)).text();
        const json = await (await get(`${city}/kpis/2025.json`, session)).json();
        expect(json.values.length, persona).toBeGreaterThan(50);
        for (const code of unshared) {
          expect(csv, `${persona} ${code}`).not.toContain(code);
          expect(JSON.stringify(json), `${persona} ${code}`).not.toContain(code);
        }
        for (const name of unsharedNames) expect(page, `${persona} ${name}`).not.toContain(name);
        for (const year of [2023, 2024]) {
          expect((await get(`${city}/kpis/${year}`, session)).status, `${persona} ${year}`).toBe(
            404,
          );
          expect((await get(`${city}/kpis/${year}.json`, session)).status).toBe(404);
        }
      }
    });

    it('keeps search free of assessment values for everyone', async () => {
      for (const persona of [undefined, ...outsiders, 'coordinator', 'cityEditor'] as const) {
        const session = persona ? sessions.get(persona) : undefined;
        const result = await (await get('/api/search?q=Quxbramble', session)).json();
        expect(result.total, persona).toBe(0);
        const page = await (await get('/search?q=Quxbramble', session)).text();
        expect(page, persona).not.toContain('Quxbramble business');
      }
    });

    it('lets the city’s hub coordinator read every page but change nothing; the city’s editor changes', async () => {
      const coordinator = sessions.get('coordinator')!;
      for (const path of [...privatePages, privateJson]) {
        expect((await get(path, coordinator)).status, path).toBe(200);
      }
      const section = `${city}/kpis/assessments/2024/sections/ec-ict`;
      const page = await (await get(section, coordinator)).text();
      expect(page).not.toContain('name="kpi"');
      const save = {
        intent: 'save',
        kpi: 'EC:ICT:ICT:1C',
        value: '1',
        source: 'Forged by a coordinator',
      };
      expect((await post(section, save, coordinator)).status).toBe(403);
      for (const persona of outsiders) {
        expect((await post(section, save, sessions.get(persona)!)).status, persona).toBe(403);
        expect(
          (
            await post(
              `${city}/kpis/targets`,
              {
                intent: 'save',
                kpi: 'EC:ICT:ICT:1C',
                baselineYear: '2023',
                targetValue: '1',
                targetYear: '2030',
              },
              sessions.get(persona)!,
            )
          ).status,
          persona,
        ).toBe(403);
        expect(
          (
            await post(
              `${city}/kpis/assessments/2024/snapshot`,
              { intent: 'publish' },
              sessions.get(persona)!,
            )
          ).status,
          persona,
        ).toBe(403);
      }
      const after = await (await get(section, coordinator)).text();
      expect(after).not.toContain('Forged by a coordinator');
      // The city's own editor: the same form saves.
      const editor = sessions.get('cityEditor')!;
      const saved = await post(
        section,
        { ...save, value: '88.8', source: 'Municipal statistics office' },
        editor,
      );
      expect(saved.status).toBe(303);
      expect(saved.headers.get('location')).toBe(
        `${section}?saved=ec-ict-ict-1c#kpi-ec-ict-ict-1c`,
      );
      expect(await (await get(section, coordinator)).text()).toContain('88.8');
    });
  },
);
