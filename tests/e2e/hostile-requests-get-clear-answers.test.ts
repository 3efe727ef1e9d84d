import { beforeAll, describe, expect, it } from 'vitest';
import { sandboxContentSecurityPolicy } from '../../src/server/http/security-headers';
import { craftedPng, makeTestFiles } from '../fixtures/test-images';
import { deeplyNestedRichText } from '../fixtures/hostile-values';
import { baseUrl, e2eEnabled } from '../support/browser';
import { demoEmails, demoPassword } from '../support/sign-in';

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

/** Signs in with the /login form and returns the Cookie header of that browser. */
async function signInCookies(email: string): Promise<string> {
  const response = await fetch(`${baseUrl()}/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: baseUrl() },
    body: form({ email, password: demoPassword }),
    redirect: 'manual',
  });
  expect(response.status, `sign-in as ${email}`).toBe(303);
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ');
}

/** POSTs a form as the given browser, as a same-origin page would. */
function post(path: string, cookie: string, body: string | FormData) {
  return fetch(`${baseUrl()}${path}`, {
    method: 'POST',
    headers: {
      origin: baseUrl(),
      cookie,
      ...(typeof body === 'string' ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
    },
    body,
    redirect: 'manual',
  });
}

describe.skipIf(!e2eEnabled())(
  'hostile requests get clear answers from the production server',
  () => {
    let coordinator: string;
    let member: string;
    let austria: string;

    beforeAll(async () => {
      coordinator = await signInCookies(demoEmails.coordinator);
      member = await signInCookies(demoEmails.member);
      const page = await (
        await fetch(`${baseUrl()}/news/new`, { headers: { cookie: coordinator } })
      ).text();
      austria = /<option value="([0-9a-f-]{36})"[^>]*>\s*U4SSC Austrian Country Hub/.exec(
        page,
      )![1]!;
    });

    const upload = (cookie: string, bytes: Uint8Array, name = 'image.png') => {
      const body = new FormData();
      body.set('file', new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'image/png' }), name);
      body.set('hub', austria);
      return post('/media/upload', cookie, body);
    };

    it('serves an uploaded image with its sandbox policy, not the site-wide one', async () => {
      const { png } = await makeTestFiles();
      const uploaded = await upload(coordinator, new Uint8Array(png));
      expect(uploaded.status).toBe(201);
      const { url } = (await uploaded.json()) as { url: string };
      const image = await fetch(`${baseUrl()}${url}`);
      expect(image.status).toBe(200);
      expect(image.headers.get('content-type')).toBe('image/png');
      expect(image.headers.get('content-security-policy')).toBe(sandboxContentSecurityPolicy);
      expect(image.headers.get('x-content-type-options')).toBe('nosniff');
      expect((await fetch(`${baseUrl()}/media/${'-'.repeat(36)}.png`)).status).toBe(404);
    });

    it('refuses a member’s upload and a declared 6,300 × 6,300 image without decoding them', async () => {
      const bomb = craftedPng(6300, 6300);
      expect((await upload(member, bomb)).status).toBe(403);
      const refused = await upload(coordinator, bomb);
      expect(refused.status).toBe(422);
      expect(((await refused.json()) as { error: string }).error).toContain('25 megapixels');
    });

    it('answers a NUL byte in search facets with 400 from the API and a page that drops it', async () => {
      const api = await fetch(`${baseUrl()}/api/search?country=Austria%00&theme=a%00b`);
      expect(api.status).toBe(400);
      const issues = ((await api.json()) as { issues: { param: string }[] }).issues;
      expect(issues.map((issue) => issue.param).sort()).toEqual(['country', 'theme']);
      const page = await fetch(`${baseUrl()}/search?q=smart&country=Austria%00`);
      expect(page.status).toBe(200);
    });

    it('takes a lower-case time zone, and refuses impossible dates and control characters with 4xx', async () => {
      const event = {
        hub: austria,
        title: 'Hostile input day',
        time_zone: 'europe/vienna',
        starts_at: '2027-05-04T09:00',
        ends_at: '2027-05-04T17:00',
        venue_name: 'Town hall',
        registration_mode: 'none',
        action: 'save',
      };
      const accepted = await post('/events/new', coordinator, form(event));
      expect(accepted.status).toBe(303);
      const edit = await fetch(
        `${baseUrl()}${accepted.headers.get('location')!.replace(/\?.*$/, '')}/edit`,
        { headers: { cookie: coordinator } },
      );
      expect(await edit.text()).toMatch(/<option value="Europe\/Vienna"[^>]*selected/);

      const month13 = await post(
        '/events/new',
        coordinator,
        form({ ...event, starts_at: '2027-13-04T09:00' }),
      );
      expect(month13.status).toBe(422);
      expect(await month13.text()).toContain('a real day, month and year');
      const year0 = await post(
        '/events/new',
        coordinator,
        form({ ...event, ends_at: '0000-05-04T17:00' }),
      );
      expect(year0.status).toBe(422);
      const nul = await post(
        '/events/new',
        coordinator,
        form({ ...event, title: 'Nul\u0000title' }),
      );
      expect(nul.status).toBeGreaterThanOrEqual(400);
      expect(nul.status).toBeLessThan(500);
    });

    it('refuses rich text nested 10,000 levels deep with 422', async () => {
      const response = await post(
        '/news/new',
        coordinator,
        form({
          hub: austria,
          title: 'Deep text',
          body: deeplyNestedRichText(10_000),
          action: 'save',
        }),
      );
      expect(response.status).toBe(422);
      expect(await response.text()).toContain('nested too deeply');
    });

    it('refuses an applicant id that is not a UUID with 4xx', async () => {
      const cityEditor = await signInCookies(demoEmails.cityEditor);
      const response = await post(
        '/hubs/austria/apply',
        cityEditor,
        form({ applicant: `city:${'-'.repeat(36)}`, message: 'Hello' }),
      );
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
    });

    it('checks exactly five of eight parallel wrong passwords for one account', async () => {
      const statuses = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          fetch(`${baseUrl()}/login`, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded', origin: baseUrl() },
            body: form({ email: 'parallel-target@example.org', password: `wrong password ${i}` }),
            redirect: 'manual',
          }).then((response) => response.status),
        ),
      );
      expect(statuses.filter((status) => status === 401)).toHaveLength(5);
      expect(statuses.filter((status) => status === 429)).toHaveLength(3);
    });
  },
);
