/**
 * The end-to-end server's clock, which the suite can move forward instead of
 * waiting (tests/support/server-clock.ts). Test harness only: the e2e global
 * setup loads it into the server it starts (`node --import`); the portal
 * never imports it, and without E2E_SERVER_CLOCK_FILE it changes nothing.
 *
 * Moving `Date.now()` moves everything the story depends on at once: the
 * server's own code, and the embedded database, whose `now()` reads the
 * process's clock (PGlite's WASM asks `Date.now()`). The offset in
 * milliseconds is read from the file whenever the file changes, so a request
 * made after the suite wrote it sees the new time.
 */
import fs from 'node:fs';

const file = process.env.E2E_SERVER_CLOCK_FILE;

if (file) {
  const RealDate = Date;
  const realNow = () => RealDate.now();
  let stamp = '';
  let offset = 0;
  const now = () => {
    const stat = fs.statSync(file, { bigint: true, throwIfNoEntry: false });
    const current = stat ? `${stat.ino}:${stat.mtimeNs}:${stat.size}` : '';
    if (current !== stamp) {
      stamp = current;
      offset = stat ? Number(fs.readFileSync(file, 'utf8').trim()) || 0 : 0;
    }
    return realNow() + offset;
  };
  // A proxy, not a subclass: every Date stays a real Date (instanceof works
  // for Dates made by Node's internals too); only "now" is shifted.
  globalThis.Date = new Proxy(RealDate, {
    construct: (target, args, newTarget) =>
      Reflect.construct(target, args.length === 0 ? [now()] : args, newTarget),
    apply: () => new RealDate(now()).toString(),
    get: (target, property, receiver) =>
      property === 'now' ? now : Reflect.get(target, property, receiver),
  });
}
