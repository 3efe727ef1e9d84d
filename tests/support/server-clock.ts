import fs from 'node:fs';
import { inject } from 'vitest';

/**
 * Moves the end-to-end server's clock (tests/support/e2e-server-clock.mjs)
 * `ms` further ahead of the real time, for stories that happen at a time
 * ("the scheduled news appears at its time") without waiting for it. The
 * server and its embedded database see the new time from the next request.
 * Only the suite's own server has this clock: against E2E_BASE_URL it throws.
 */
export function advanceServerClock(ms: number): void {
  writeOffset(readOffset() + ms);
}

/** Puts the server's clock back to the real time, for the stories that follow. */
export function resetServerClock(): void {
  if (inject('serverClockFile')) writeOffset(0);
}

function clockFile(): string {
  const file = inject('serverClockFile');
  if (!file) {
    throw new Error(
      "This story moves the server's clock: run it against the suite's own server (unset E2E_BASE_URL).",
    );
  }
  return file;
}

function readOffset(): number {
  return Number(fs.readFileSync(clockFile(), 'utf8').trim()) || 0;
}

function writeOffset(ms: number): void {
  const file = clockFile();
  // Write then rename: the server never reads a half-written number.
  fs.writeFileSync(`${file}.next`, String(ms));
  fs.renameSync(`${file}.next`, file);
}
