import { STATUS_CODES } from 'node:http';

/**
 * The standard reason phrase of a status code ("Bad Request" for 400).
 * Astro gives a page's response the phrase "OK" whatever status the page
 * sets (it corrects only 404 and 500), so without this a refused form went
 * out as `HTTP/1.1 400 OK`; the middleware puts the right phrase on every
 * response (`withStandardStatusText`).
 */
export function standardStatusText(status: number): string {
  return STATUS_CODES[status] ?? '';
}

/** The response itself when its reason phrase is right, else the same response with the standard one. */
export function withStandardStatusText(response: Response): Response {
  const statusText = standardStatusText(response.status);
  if (response.statusText === statusText) return response;
  return new Response(response.body, {
    status: response.status,
    statusText,
    headers: response.headers,
  });
}
