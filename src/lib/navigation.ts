import type { MessageKey } from './i18n';

export interface NavItem {
  href: string;
  label: MessageKey;
}

/**
 * Top navigation in the order DESIGN.md gives. An area appears here once its
 * pages exist, so the menu never leads to a page that is not built yet.
 */
export const mainNavigation: readonly NavItem[] = [
  { href: '/hubs', label: 'nav.hubs' },
  { href: '/cities', label: 'nav.cities' },
  { href: '/case-studies', label: 'nav.caseStudies' },
  { href: '/directory', label: 'nav.directory' },
  { href: '/deliverables', label: 'nav.deliverables' },
  { href: '/kpis', label: 'nav.kpis' },
  { href: '/news', label: 'nav.news' },
  { href: '/events', label: 'nav.events' },
  { href: '/procurement', label: 'nav.procurement' },
];

/** True when `pathname` is the item's page or one below it. */
export function isCurrentSection(item: NavItem, pathname: string): boolean {
  return pathname === item.href || pathname.startsWith(`${item.href}/`);
}

/**
 * Where an organization registers as a partner: every "Register your
 * organization" and "Join as a partner" link leads here (it explains that an
 * account comes first, and keeps the registration's progress).
 */
export const organizationRegistrationHref = '/register/organization';
