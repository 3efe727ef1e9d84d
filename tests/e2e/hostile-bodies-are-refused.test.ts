import { beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, e2eEnabled } from '../support/browser';
import { postBody, sessionCookie } from '../support/raw-http';
import { demoEmails, demoPassword } from '../support/sign-in';

const mb = 1024 * 1024;
const form = { 'content-type': 'application/x-www-form-urlencoded' };
const multipart = { 'content-type': 'multipart/form-data; boundary=hostile' };

/**
 * Bodies larger than a route takes are stopped as they arrive, whether they
 * declare their length or come chunked, on every kind of route (sign-in, a
 * public page with a form, the editors, the upload API); bodies that are not
 * the form the route expects are refused with a message, and nothing is kept.
 * Against the production build, over raw HTTP.
 */
describe.skipIf(!e2eEnabled())('hostile bodies are refused', () => {
  let member = '';
  let coordinator = '';
  beforeAll(async () => {
    member = await sessionCookie(baseUrl(), demoEmails.member, demoPassword);
    coordinator = await sessionCookie(baseUrl(), demoEmails.coordinator, demoPassword);
  });

  it('answers 413 to a chunked body over the limit of sign-in (no Content-Length to trust)', async () => {
    const answer = await postBody(`${baseUrl()}/login`, { totalBytes: 2 * mb, headers: form });
    expect(answer.status).toBe(413);
    expect(answer.body).toContain('larger than this form accepts (64 KB)');
  });

  it('answers 413 to a declared 150 MB body before reading it', async () => {
    const answer = await postBody(`${baseUrl()}/login`, {
      totalBytes: 150 * mb,
      headers: form,
      declare: true,
    });
    expect(answer.status).toBe(413);
    // Answered long before the body could have been read (what was sent sits in socket buffers).
    expect(answer.sent).toBeLessThan(100 * mb);
  });

  it('answers 413 to chunked bodies on a member’s event page, the news editor and the upload API', async () => {
    const event = await postBody(`${baseUrl()}/events/demo-austrian-hub-smart-city-dialogue`, {
      totalBytes: 20 * mb,
      headers: { ...form, cookie: member },
    });
    expect(event.status).toBe(413);

    const news = await postBody(`${baseUrl()}/news/new`, {
      totalBytes: 20 * mb,
      headers: { ...multipart, cookie: coordinator },
    });
    expect(news.status).toBe(413);
    expect(news.body).toContain('The file is larger than 5 MB');

    const upload = await postBody(`${baseUrl()}/media/upload`, {
      totalBytes: 20 * mb,
      headers: { ...multipart, cookie: coordinator },
    });
    expect(upload.status).toBe(413);
    expect(JSON.parse(upload.body)).toEqual({
      error: 'The file is larger than 5 MB. Make it smaller and try again.',
    });
  });

  it('refuses before reading: a visitor is sent to sign in, a member without the role gets 403', async () => {
    const visitor = await postBody(`${baseUrl()}/news/new`, {
      totalBytes: 20 * mb,
      headers: multipart,
    });
    expect(visitor.status).toBe(303);
    const stranger = await postBody(`${baseUrl()}/hubs/austria/edit`, {
      totalBytes: 20 * mb,
      headers: { ...form, cookie: member },
    });
    expect(stranger.status).toBe(403);
  });

  const post = (path: string, cookie: string, contentType: string, body: string) =>
    fetch(`${baseUrl()}${path}`, {
      method: 'POST',
      headers: { origin: baseUrl(), cookie, 'content-type': contentType },
      body,
      redirect: 'manual',
    });

  it('answers 400 with a message to JSON and to broken multipart on form routes', async () => {
    const json = await post(
      '/news/new',
      coordinator,
      'application/json',
      JSON.stringify({ title: 'Sent as JSON', action: 'publish' }),
    );
    expect(json.status).toBe(400);
    expect(await json.text()).toContain('The form could not be read, so nothing was saved');

    const broken = await post(
      '/events/new',
      coordinator,
      'multipart/form-data; boundary=b',
      '--b\r\nContent-Disposition: form-data; name="title"\r\n\r\nBroken multipart',
    );
    expect(broken.status).toBe(400);
    const page = await fetch(`${baseUrl()}/events/manage`, { headers: { cookie: coordinator } });
    expect(await page.text()).not.toContain('Broken multipart');
  });

  it('answers 422 to a NUL byte in a text field, names the field, and stores nothing', async () => {
    const title = 'NUL probe title';
    const response = await post(
      '/news/new',
      coordinator,
      'application/x-www-form-urlencoded',
      new URLSearchParams({ title: `${title}\u0000`, summary: 'x', action: 'publish' }).toString(),
    );
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('invisible control character (NUL)');
    expect(html).toContain('href="#field-title"');
    const manage = await fetch(`${baseUrl()}/news/manage`, { headers: { cookie: coordinator } });
    expect(await manage.text()).not.toContain(title);

    const signUp = await post(
      '/signup',
      '',
      'application/x-www-form-urlencoded',
      new URLSearchParams({
        displayName: 'Nul\u0000Name',
        email: 'nul-probe@example.org',
        password: 'a long and unusual passphrase',
      }).toString(),
    );
    expect(signUp.status).toBe(422);
    expect(await signUp.text()).toContain('href="#field-displayName"');
  });
});
