import type { MessageKey, Translator } from '../i18n';
import { sectorKeys } from '../taxonomy/sectors';

export interface StakeholderGroup {
  key: string;
  label: string;
  items: { name: string; href?: string; detail: string }[];
}

/**
 * Partners grouped by sector, in the sector vocabulary's order (unknown
 * sectors last), for the stakeholder map and its list.
 */
export function groupStakeholders<P extends { sector: string; name: string }>(
  t: Translator['t'],
  partners: readonly P[],
  item: (partner: P) => { href?: string; detail: string },
): StakeholderGroup[] {
  const order = [...sectorKeys, ...new Set(partners.map((p) => p.sector))].filter(
    (key, index, all) => all.indexOf(key) === index,
  );
  return order
    .map((key) => ({
      key,
      label: t(`sector.${key}` as MessageKey),
      items: partners
        .filter((partner) => partner.sector === key)
        .map((partner) => ({ name: partner.name, ...item(partner) })),
    }))
    .filter((group) => group.items.length > 0);
}
