/**
 * schema.org data for a case-study page (a `script type="application/ld+json"`
 * block), so search engines and aggregators read what the page says: what,
 * where, when, in which language, with whom, about which SDGs.
 */

/**
 * JSON that is safe inside a <script> element: `<`, `>` and `&` are written
 * as \u escapes, so no text of the case study can close the element
 * ("</script>") or open a comment, and U+2028/U+2029 cannot end a line. The
 * value parses back to the same object.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export interface JsonLdCaseStudy {
  slug: string;
  title: string;
  summary: string;
  language: string;
  publishedAt: Date | null;
  updatedAt: Date;
  startedOn: string | null;
  endedOn: string | null;
  themes: string[];
  sdgGoals: number[];
  cityName: string;
  citySlug: string;
  cityCountry: string;
  partners: { name: string; slug: string; verified: boolean }[];
  deliverables: { slug: string; code: string | null; title: string }[];
  isDemo: boolean;
}

/** The JSON-LD object of a published case study (an Article about a project in a place). */
export function caseStudyJsonLd(
  caseStudy: JsonLdCaseStudy,
  origin: string,
  labels: { publisher: string; sdg: (goal: number) => string; theme: (key: string) => string },
): Record<string, unknown> {
  const url = `${origin}/case-studies/${caseStudy.slug}`;
  return {
    '@context': 'https://schema.org',
    '@type': 'Article',
    '@id': url,
    url,
    headline: caseStudy.title,
    description: caseStudy.summary,
    inLanguage: caseStudy.language,
    genre: 'Case study',
    ...(caseStudy.publishedAt ? { datePublished: caseStudy.publishedAt.toISOString() } : {}),
    dateModified: caseStudy.updatedAt.toISOString(),
    ...(caseStudy.startedOn || caseStudy.endedOn
      ? { temporalCoverage: `${caseStudy.startedOn ?? '..'}/${caseStudy.endedOn ?? '..'}` }
      : {}),
    spatialCoverage: {
      '@type': 'City',
      name: caseStudy.cityName,
      url: `${origin}/cities/${caseStudy.citySlug}`,
      address: { '@type': 'PostalAddress', addressCountry: caseStudy.cityCountry },
    },
    about: [
      ...caseStudy.sdgGoals.map((goal) => ({
        '@type': 'Thing',
        name: labels.sdg(goal),
        sameAs: `https://sdgs.un.org/goals/goal${goal}`,
      })),
      ...caseStudy.themes.map((theme) => ({ '@type': 'Thing', name: labels.theme(theme) })),
    ],
    contributor: caseStudy.partners
      .filter((partner) => partner.verified)
      .map((partner) => ({
        '@type': 'Organization',
        name: partner.name,
        url: `${origin}/directory/${partner.slug}`,
      })),
    citation: caseStudy.deliverables.map((deliverable) => ({
      '@type': 'CreativeWork',
      name: deliverable.code ? `${deliverable.code}: ${deliverable.title}` : deliverable.title,
      url: `${origin}/deliverables/${deliverable.slug}`,
    })),
    publisher: { '@type': 'Organization', name: labels.publisher, url: origin },
    ...(caseStudy.isDemo ? { creativeWorkStatus: 'Demo' } : {}),
  };
}
