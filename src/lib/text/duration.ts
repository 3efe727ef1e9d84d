import type { Translator } from '../i18n';

/**
 * A length of time in the largest whole unit that states it exactly:
 * 604800 → "7 days", 43200 → "12 hours", 5400 → "90 minutes". For texts
 * that quote a configured period (the privacy notice's session lengths).
 */
export function formatDuration(seconds: number, tp: Translator['tp']): string {
  const whole = Math.max(0, Math.round(seconds));
  if (whole > 0 && whole % 86_400 === 0) return tp('duration.days', whole / 86_400);
  if (whole > 0 && whole % 3_600 === 0) return tp('duration.hours', whole / 3_600);
  return tp('duration.minutes', Math.max(1, Math.round(whole / 60)));
}
