/** A signed-in browser session: its cookie header. */
export interface Session {
  cookie: string;
}

export interface SignInAttempt {
  status: number;
  /** The session cookie when the portal signed the user in (303), else undefined. */
  session?: Session;
}

/**
 * Posts the real /login form as a browser would (same-origin, urlencoded),
 * with any extra `headers`, and reports the status and the session cookie.
 * Used by the drills and by e2e tests that talk HTTP without a browser.
 */
export async function postSignIn(
  baseUrl: string,
  email: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<SignInAttempt> {
  const response = await fetch(`${baseUrl}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: baseUrl, ...headers },
    body: new URLSearchParams({ email, password, next: '/account' }),
    signal: AbortSignal.timeout(15_000),
  });
  await response.arrayBuffer();
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0]!)
    .filter((pair) => /^(__Host-)?portal_session=/.test(pair))
    .join('; ');
  return {
    status: response.status,
    session: response.status === 303 && cookie ? { cookie } : undefined,
  };
}

/** Signs in and returns the session; throws when the portal refuses. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<Session> {
  const attempt = await postSignIn(baseUrl, email, password);
  if (!attempt.session) throw new Error(`Sign-in as ${email} failed with status ${attempt.status}`);
  return attempt.session;
}
