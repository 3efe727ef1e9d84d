/**
 * Decides whether a suite that needs an outside service can run. Locally a
 * missing PostgreSQL or Chromium skips the suite with a clear message; with
 * CI=true it is a failure, so CI never passes by running less.
 */
export function requireOrSkip(
  available: boolean,
  what: string,
  howToEnable: string,
): { run: boolean; reason?: string } {
  if (available) return { run: true };
  const reason = `${what} is not available: ${howToEnable}`;
  if (process.env.CI === 'true') {
    throw new Error(`CI=true and a required suite cannot run. ${reason}`);
  }
  console.warn(`\n[skipped] ${reason}\n`);
  return { run: false, reason };
}
