import type { Translator } from '../i18n';
import { sdgGoalLabel } from '../sdgs';
import { themeLabel } from '../taxonomy/themes';
import type { PeerReason } from './rank-peers';

/** A list in words ("A, B and C") in the translator's language. */
export function listInWords(locale: string, items: readonly string[]): string {
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items);
}

/** At most this many items of one reason are named; the match has them all. */
export const namedPerReason = 3;

/**
 * One reason in words, as a lower-case clause ("both address SDG target
 * 11.2", "similar population (50,000 to 200,000 inhabitants)"). KPI codes
 * are named through `kpiName` (the catalogue's names are data, not messages).
 */
export function describePeerReason(
  i18n: Pick<Translator, 't' | 'tp' | 'locale'>,
  reason: PeerReason,
  kpiName: (code: string) => string = (code) => code,
): string {
  const { t, tp, locale } = i18n;
  const list = (items: readonly string[]) => listInWords(locale, items.slice(0, namedPerReason));
  switch (reason.kind) {
    case 'sdgTargets':
      return tp('peers.reason.sdgTargets', reason.values.length, { list: list(reason.values) });
    case 'sdgGoals':
      return t('peers.reason.sdgGoals', {
        list: list(reason.values.map((goal) => sdgGoalLabel(t, goal))),
      });
    case 'technologies':
      return t('peers.reason.technologies', { list: list(reason.values) });
    case 'themes':
      return t('peers.reason.themes', {
        list: reason.values
          .slice(0, namedPerReason)
          .map((key) => themeLabel(t, key))
          .join('; '),
      });
    case 'kpis':
      return tp('peers.reason.kpis', reason.values.length, {
        list: list(reason.values.map((code) => `“${kpiName(code)}”`)),
      });
    case 'words':
      return t('peers.reason.words', { list: list(reason.values.map((word) => `“${word}”`)) });
    case 'population':
      return t(reason.same ? 'peers.reason.samePopulation' : 'peers.reason.nearPopulation', {
        band: t(`band.population.${reason.band}`),
      });
    case 'region':
      return t('peers.reason.region', { region: t(`region.${reason.region}` as 'region.europe') });
  }
}

/** All reasons of a match as one sentence: "Both address SDG target 11.2; similar population (…)." */
export function describePeerReasons(
  i18n: Pick<Translator, 't' | 'tp' | 'locale'>,
  reasons: readonly PeerReason[],
  kpiName?: (code: string) => string,
): string {
  const text = reasons.map((reason) => describePeerReason(i18n, reason, kpiName)).join('; ');
  return text ? `${text.charAt(0).toLocaleUpperCase(i18n.locale)}${text.slice(1)}.` : '';
}
