import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  BodyTooLargeError,
  fieldErrorsFrom,
  lingerLimits,
  plainFieldsSchema,
  readBodyBytes,
  readForm,
  readJson,
} from '../../src/server/forms';

const url = 'http://localhost/form';

/** A body that arrives in chunks with no Content-Length (as `Transfer-Encoding: chunked` does). */
function chunkedRequest(
  chunks: number,
  chunkBytes: number,
  headers: Record<string, string> = {},
): { request: Request; pulled: () => number } {
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= chunks) return controller.close();
      sent += 1;
      controller.enqueue(new Uint8Array(chunkBytes).fill(97));
    },
  });
  const request = new Request(url, {
    method: 'POST',
    body: stream,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    // @ts-expect-error Node's Request needs duplex for a streamed body; the DOM types lack it.
    duplex: 'half',
  });
  return { request, pulled: () => sent };
}

const post = (body: BodyInit, contentType?: string, headers: Record<string, string> = {}) =>
  new Request(url, {
    method: 'POST',
    body,
    headers: { ...(contentType ? { 'content-type': contentType } : {}), ...headers },
  });
const urlencoded = (fields: string) => post(fields, 'application/x-www-form-urlencoded');
const access = (request: Request) => ({ request });

const signInSchema = z.object({
  email: z.email('auth.error.emailInvalid'),
  password: z.string().min(1, 'auth.error.passwordRequired'),
});

describe('the byte-counting body reader', () => {
  it('reads a body within its limit', async () => {
    const bytes = await readBodyBytes(urlencoded('a=1&b=2'), 64);
    expect(new TextDecoder().decode(bytes)).toBe('a=1&b=2');
  });

  it('stops a chunked body at the limit, without Content-Length, and reads to its end when it is small', async () => {
    const { request, pulled } = chunkedRequest(40, 1024);
    await expect(readBodyBytes(request, 8 * 1024)).rejects.toBeInstanceOf(BodyTooLargeError);
    // Slightly over: the rest is read and dropped, so the client gets the answer.
    expect(pulled()).toBe(40);
  });

  it('stops reading a hostile chunked body after the linger allowance', async () => {
    const chunk = 64 * 1024;
    const total = (lingerLimits.bytes / chunk) * 4;
    const { request, pulled } = chunkedRequest(total, chunk);
    await expect(readBodyBytes(request, 64 * 1024)).rejects.toBeInstanceOf(BodyTooLargeError);
    expect(pulled()).toBeLessThan(total / 2);
    // The limit, the linger allowance, and the few chunks a stream reads ahead.
    expect(pulled() * chunk).toBeLessThanOrEqual(64 * 1024 + lingerLimits.bytes + 4 * chunk);
  });

  it('refuses a declared Content-Length over the limit without reading the body', async () => {
    const { request, pulled } = chunkedRequest(10_000, 64 * 1024, {
      'content-length': String(10_000 * 64 * 1024),
    });
    await expect(readBodyBytes(request, 1024)).rejects.toBeInstanceOf(BodyTooLargeError);
    expect(pulled()).toBeLessThanOrEqual(1);
  });
});

describe('readForm', () => {
  it('validates urlencoded fields with the schema and keeps values for the form', async () => {
    const form = await readForm(
      access(urlencoded('email=ada%40example.org&password=secret')),
      signInSchema,
      { secrets: ['password'] },
    );
    expect(form).toMatchObject({
      ok: true,
      data: { email: 'ada@example.org', password: 'secret' },
      values: { email: 'ada@example.org' },
    });
  });

  it('answers 422 with one error per field, as i18n keys, and never echoes secrets', async () => {
    const form = await readForm(access(urlencoded('email=nope&password=')), signInSchema, {
      secrets: ['password'],
    });
    expect(form.ok).toBe(false);
    if (form.ok) return;
    expect(form.status).toBe(422);
    expect(form.errors).toEqual([
      { field: 'email', message: 'auth.error.emailInvalid' },
      { field: 'password', message: 'auth.error.passwordRequired' },
    ]);
    expect(form.values).toEqual({ email: 'nope' });
    expect(form.lists).toEqual({ email: ['nope'] });
    expect(JSON.stringify(form)).not.toContain('password=');
  });

  it('replaces zod’s own wording with the generic message, or the field’s fallback', async () => {
    const schema = z.object({ count: z.coerce.number().int(), body: z.string().min(3) });
    const form = await readForm(access(urlencoded('count=x&body=a')), schema, {
      fallbacks: { body: 'richText.error.invalid' },
    });
    expect(form.ok ? [] : form.errors).toEqual([
      { field: 'count', message: 'form.error.invalid' },
      { field: 'body', message: 'richText.error.invalid' },
    ]);
  });

  it('gives repeated fields as lists, and refuses them where the schema wants one value', async () => {
    const schema = z.object({ sdg: z.array(z.string()), title: z.string() });
    const ok = await readForm(access(urlencoded('sdg=3&sdg=11&title=A')), schema);
    expect(ok).toMatchObject({ ok: true, data: { sdg: ['3', '11'] }, lists: { sdg: ['3', '11'] } });
    const twice = await readForm(access(urlencoded('title=A&title=B')), plainFieldsSchema);
    expect(twice.ok ? null : twice.errors).toEqual([
      { field: 'title', message: 'form.error.invalid' },
    ]);
  });

  it('refuses a NUL byte in any text field with 422 on that field, and stores nothing', async () => {
    const form = await readForm(
      access(urlencoded('email=ada%40example.org&password=a%00b')),
      signInSchema,
    );
    expect(form.ok).toBe(false);
    if (form.ok) return;
    expect(form.status).toBe(422);
    expect(form.errors).toEqual([{ field: 'password', message: 'form.error.nul' }]);
    expect('data' in form).toBe(false);
    const named = await readForm(
      access(urlencoded('a%00=1&email=x%40y.org&password=p')),
      signInSchema,
    );
    expect(named.ok ? null : named.errors).toEqual([{ field: 'form', message: 'form.error.nul' }]);
  });

  it('shows a NUL-bearing value again without the NUL', async () => {
    const form = await readForm(access(urlencoded('title=a%00b')), plainFieldsSchema);
    expect(form.values.title).toBe('ab');
  });

  it('answers 400 to a body that is not a form: JSON, text, no type, compressed', async () => {
    const cases = [
      post(JSON.stringify({ email: 'a@b.org' }), 'application/json'),
      post('email=a', 'text/plain'),
      post('email=a'),
      post('email=a', 'application/x-www-form-urlencoded', { 'content-encoding': 'gzip' }),
    ];
    for (const request of cases) {
      const form = await readForm(access(request), signInSchema);
      expect(form).toMatchObject({
        ok: false,
        status: 400,
        errors: [{ field: 'form', message: 'form.error.unreadable' }],
      });
    }
  });

  it('answers 400 to broken multipart', async () => {
    const broken = post(
      '--b\r\nContent-Disposition: form-data; name="title"\r\n\r\nhalf a part',
      'multipart/form-data; boundary=b',
    );
    expect(await readForm(access(broken), plainFieldsSchema)).toMatchObject({
      ok: false,
      status: 400,
    });
    const noBoundary = post('title=x', 'multipart/form-data');
    expect(await readForm(access(noBoundary), plainFieldsSchema)).toMatchObject({ status: 400 });
  });

  it('reads multipart text and files as bytes, skipping an empty file input', async () => {
    const data = new FormData();
    data.append('title', 'With a cover');
    data.append(
      'cover',
      new File([new Uint8Array([1, 2, 3])], 'co\u0000ver\n.png', { type: 'image/png' }),
    );
    const form = await readForm(access(post(data)), plainFieldsSchema);
    expect(form.ok).toBe(true);
    expect(form.values).toEqual({ title: 'With a cover' });
    expect(Object.keys(form.files)).toEqual(['cover']);
    expect(form.files.cover).toMatchObject({ name: 'cover.png', type: 'image/png' });
    expect([...form.files.cover!.bytes]).toEqual([1, 2, 3]);
  });

  it('ignores the empty part a browser sends for a file input left empty', async () => {
    const body =
      '--b\r\nContent-Disposition: form-data; name="cover"; filename=""\r\n' +
      'Content-Type: application/octet-stream\r\n\r\n\r\n' +
      '--b\r\nContent-Disposition: form-data; name="title"\r\n\r\nNo cover\r\n--b--\r\n';
    const form = await readForm(
      access(post(body, 'multipart/form-data; boundary=b')),
      z.object({ title: z.string() }),
    );
    expect(form).toMatchObject({ ok: true, data: { title: 'No cover' }, files: {} });
  });

  it('answers 413 past the limit, for urlencoded and multipart, with the limit in words', async () => {
    const big = await readForm(
      access(urlencoded(`title=${'a'.repeat(70_000)}`)),
      plainFieldsSchema,
    );
    expect(big).toMatchObject({
      ok: false,
      status: 413,
      errors: [{ field: 'form', message: 'form.error.tooLarge', params: { size: '64 KB' } }],
      values: {},
    });
    const data = new FormData();
    data.append('cover', new File([new Uint8Array(2048)], 'big.png'));
    const upload = await readForm(access(post(data)), plainFieldsSchema, {
      limit: 1024,
      tooLarge: { field: 'cover', message: 'upload.error.too-large' },
    });
    expect(upload).toMatchObject({
      status: 413,
      errors: [{ field: 'cover', message: 'upload.error.too-large' }],
    });
  });

  it('answers 413 to a chunked form body with no Content-Length', async () => {
    const { request } = chunkedRequest(100, 1024);
    expect(await readForm(access(request), plainFieldsSchema)).toMatchObject({ status: 413 });
  });
});

describe('readJson', () => {
  const schema = z.object({
    title: z.string().min(1, 'news.form.error.title'),
    tags: z.array(z.string()),
  });
  const json = (body: string) => post(body, 'application/json; charset=utf-8');

  it('validates a JSON body', async () => {
    expect(await readJson(access(json('{"title":"A","tags":["x"]}')), schema)).toEqual({
      ok: true,
      data: { title: 'A', tags: ['x'] },
    });
  });

  it('answers 400 to a body that is not JSON, 413 past the limit, 422 with paths', async () => {
    expect(await readJson(access(json('{"title":')), schema)).toMatchObject({ status: 400 });
    expect(await readJson(access(urlencoded('title=A')), schema)).toMatchObject({ status: 400 });
    expect(
      await readJson(access(json(JSON.stringify({ title: 'a'.repeat(2000), tags: [] }))), schema, {
        limit: 1000,
      }),
    ).toMatchObject({ status: 413 });
    expect(await readJson(access(json('{"title":"","tags":[1]}')), schema)).toEqual({
      ok: false,
      status: 422,
      errors: [
        { field: 'title', message: 'news.form.error.title' },
        { field: 'tags.0', message: 'form.error.invalid' },
      ],
    });
  });

  it('refuses a NUL in any string, however deep, with 422 on its path', async () => {
    const body = JSON.stringify({ title: 'A', tags: ['ok', 'b\u0000d'] });
    expect(await readJson(access(json(body)), schema)).toEqual({
      ok: false,
      status: 422,
      errors: [{ field: 'tags.1', message: 'form.error.nul' }],
    });
  });
});

describe('fieldErrorsFrom', () => {
  it('keeps the first problem of each field, in order, with a fallback for zod’s wording', () => {
    const schema = z.object({
      a: z.string().min(2, 'form.error.invalid').max(1),
      b: z.number(),
    });
    const result = schema.safeParse({ a: 'x', b: 'y' });
    expect(result.success).toBe(false);
    expect(fieldErrorsFrom(result.error!, { b: 'richText.error.invalid' })).toEqual([
      { field: 'a', message: 'form.error.invalid' },
      { field: 'b', message: 'richText.error.invalid' },
    ]);
  });
});
