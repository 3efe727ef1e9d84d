import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, e2eEnabled, launchBrowser, newContext } from '../support/browser';
import { demoEmails, demoPassword, signIn } from '../support/sign-in';

/**
 * Forged ids through the real HTTP routes: a coordinator of the Austrian and
 * Nordic hubs sends another hub's id in a form body, or another hub's slug in
 * a URL. The server must refuse, and nothing may appear on the public pages.
 */
describe.skipIf(!e2eEnabled())('signed-in users cannot forge their way into other hubs', () => {
  let browser: Browser;
  let coordinator: BrowserContext;
  let andeanHubId: string;
  const origin = () => new URL(baseUrl()).origin;

  beforeAll(async () => {
    browser = await launchBrowser();
    // The Andean coordinator's own form names their hub's id: that is the id to forge.
    const andes = await newContext(browser);
    const andesPage = await andes.newPage();
    await signIn(andesPage, demoEmails.otherCoordinator, demoPassword, '/news/new');
    andeanHubId =
      (await andesPage.locator('select[name="hub"] option').first().getAttribute('value')) ?? '';
    await andes.close();
    expect(andeanHubId).toMatch(/^[0-9a-f-]{36}$/);

    coordinator = await newContext(browser);
    await signIn(await coordinator.newPage(), demoEmails.coordinator, demoPassword);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('refuses news posted for a hub the coordinator does not run', async () => {
    const response = await coordinator.request.post('/news/new', {
      headers: { Origin: origin() },
      multipart: {
        hub: andeanHubId,
        title: 'Forged news for another hub',
        summary: 'This must never be published.',
        body: JSON.stringify({ type: 'doc', content: [] }),
        action: 'publish',
      },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(403);
    for (const path of ['/news', '/hubs/demo-andean-hub', '/news/rss.xml']) {
      const page = await (await fetch(`${baseUrl()}${path}`)).text();
      expect(page, path).not.toContain('Forged news for another hub');
    }
  });

  it('refuses an edit of another hub’s description through its URL', async () => {
    const response = await coordinator.request.post('/hubs/demo-andean-hub/edit', {
      headers: { Origin: origin() },
      form: {
        description: JSON.stringify({
          type: 'doc',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Forged description' }] }],
        }),
      },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(403);
    expect(await response.text()).toContain(
      'A hub’s coordinators (and platform administrators) edit its page',
    );
    const page = await (await fetch(`${baseUrl()}/hubs/demo-andean-hub`)).text();
    expect(page).not.toContain('Forged description');
  });

  it('refuses an event, an image and a membership decision for another hub with 403', async () => {
    const event = await coordinator.request.post('/events/new', {
      headers: { Origin: origin() },
      form: {
        hub: andeanHubId,
        title: 'Forged event for another hub',
        time_zone: 'UTC',
        starts_at: '2031-01-01T10:00',
        ends_at: '2031-01-01T11:00',
        venue_name: 'Nowhere',
        registration_mode: 'none',
        action: 'publish',
      },
      maxRedirects: 0,
    });
    expect(event.status()).toBe(403);
    expect(await (await fetch(`${baseUrl()}/events`)).text()).not.toContain('Forged event');

    const upload = await coordinator.request.post('/media/upload', {
      headers: { Origin: origin() },
      multipart: {
        hub: andeanHubId,
        file: { name: 'x.png', mimeType: 'image/png', buffer: Buffer.from('not decoded') },
      },
    });
    expect(upload.status()).toBe(403);
    expect(await upload.json()).toMatchObject({ code: 'forbidden' });

    const decision = await coordinator.request.post('/hubs/demo-andean-hub/applications', {
      headers: { Origin: origin() },
      form: { application: '00000000-0000-4000-8000-000000000000', decision: 'approved' },
      maxRedirects: 0,
    });
    expect(decision.status()).toBe(403);
  });

  it('refuses an application to join for a city the applicant does not edit with 403', async () => {
    const editor = await newContext(browser);
    await signIn(
      await editor.newPage(),
      demoEmails.cityEditor,
      demoPassword,
      '/hubs/austria/apply',
    );
    const options = await (await editor.request.get('/hubs/austria/apply')).text();
    const own = /name="applicant" value="city:([0-9a-f-]{36})"/.exec(options)![1]!;
    const forged = own.replace(/^./, (c) => (c === 'a' ? 'b' : 'a'));
    const response = await editor.request.post('/hubs/austria/apply', {
      headers: { Origin: origin() },
      form: { applicant: `city:${forged}`, message: 'Forged application' },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(403);
    await editor.close();
  });

  it('still lets the coordinator edit their own hub the same way', async () => {
    const response = await coordinator.request.post('/hubs/demo-nordic-hub/edit', {
      headers: { Origin: origin() },
      form: {
        description: JSON.stringify({
          type: 'doc',
          content: [
            { type: 'paragraph', content: [{ type: 'text', text: 'Nordic description, edited' }] },
          ],
        }),
      },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(303);
    const page = await (await fetch(`${baseUrl()}/hubs/demo-nordic-hub`)).text();
    expect(page).toContain('Nordic description, edited');
  });
});
