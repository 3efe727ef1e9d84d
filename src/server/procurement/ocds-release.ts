import type { ProcessDetail } from './queries';

/**
 * Builds the body of an OCDS 1.1 release from what is public about a process
 * (`findProcess` as a visitor would see it, plus the notice only once
 * published). The database stamps `ocid`, `id`, `date`, `tag` and
 * `initiationType` when the release is stored (`procurement_releases`), so a
 * release is always the whole public state at that moment: compiling the
 * releases of a process (`compileReleases`) gives its current state.
 *
 * Mapping of the U4SSC buying cycle (docs/procurement.md):
 * - plan → `planning` (rationale, budget, the plan and its gender and
 *   inclusion assessment as documents) and a `tender` with status `planning`;
 * - inform the market → `tender` (status `active`, tenderPeriod to the
 *   deadline, rated criteria, documents, clarifications, amendments);
 * - evaluate and award → `tender` (method, tenderers, status `complete`) and
 *   `awards`;
 * - manage delivery → `contracts` with `implementation.milestones`, contract
 *   amendments and the closing note.
 */
export interface ReleaseContext {
  /** Absolute address of the portal, for document links. */
  siteUrl: string;
  language: string;
}

/** OCDS dates are date-times: a calendar date is its UTC midnight. */
const dateTime = (date: string | null | undefined) => (date ? `${date}T00:00:00Z` : undefined);
const iso = (date: Date | null | undefined) => (date ? date.toISOString() : undefined);

const isEmptyObject = (value: unknown) =>
  value !== null &&
  typeof value === 'object' &&
  !Array.isArray(value) &&
  Object.keys(value).length === 0;

/** Drops undefined fields, empty arrays and empty objects, so releases carry only what is known. */
export function pruneEmpty<T>(value: T): T {
  if (Array.isArray(value)) {
    return value
      .map((item) => pruneEmpty(item))
      .filter((item) => item !== undefined && !isEmptyObject(item)) as T;
  }
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      const pruned = pruneEmpty(child);
      if (pruned === undefined) continue;
      if (Array.isArray(pruned) && pruned.length === 0) continue;
      if (
        pruned &&
        typeof pruned === 'object' &&
        !Array.isArray(pruned) &&
        Object.keys(pruned).length === 0
      )
        continue;
      out[key] = pruned;
    }
    return out as T;
  }
  return value;
}

type Party = { id: string; name: string; roles: string[]; address?: { countryName?: string } };

export function buildReleaseBody(
  detail: ProcessDetail,
  context: ReleaseContext,
  countryName: (code: string) => string,
): Record<string, unknown> {
  const { plan, notice, criteria, amendments, answers, award, contract, milestones } = detail;
  const page = `${context.siteUrl}/procurement/${plan.id}`;
  const publishedNotice = notice?.publishedAt ? notice : null;

  // parties: the city as buyer, organizations by their directory id, others by their row.
  const parties = new Map<string, Party>();
  const partyOf = (key: string, name: string, role: string, country?: string | null) => {
    const existing = parties.get(key);
    if (existing) {
      if (!existing.roles.includes(role)) existing.roles.push(role);
      return { id: existing.id, name: existing.name };
    }
    const party: Party = { id: key, name, roles: [role] };
    if (country) party.address = { countryName: countryName(country) };
    parties.set(key, party);
    return { id: key, name };
  };
  const buyer = partyOf(`city-${plan.cityId}`, plan.cityName, 'buyer', plan.cityCountry);
  parties.get(buyer.id)!.roles.push('procuringEntity');
  const tenderers = detail.parties
    .filter((party) => party.role === 'tenderer')
    .map((party) =>
      partyOf(
        party.organizationId ? `org-${party.organizationId}` : party.partyKey,
        party.name,
        'tenderer',
        party.country,
      ),
    );
  for (const party of detail.parties.filter((p) => p.role === 'interestedParty')) {
    partyOf(
      party.organizationId ? `org-${party.organizationId}` : party.partyKey,
      party.name,
      'interestedParty',
      party.country,
    );
  }
  const supplier = award
    ? partyOf(
        award.organizationId ? `org-${award.organizationId}` : `award-${award.id}`,
        award.supplierName,
        'supplier',
      )
    : null;

  const money = (amount: number | null, currency: string | null) =>
    amount === null || currency === null ? undefined : { amount, currency };

  const outcomes = plan.outcomes
    .map((o) => (o.measure ? `${o.outcome} (${o.measure})` : o.outcome))
    .join('; ');
  const rationale = [
    plan.problem,
    outcomes && `Outcomes: ${outcomes}`,
    plan.beneficiaries && `Who benefits: ${plan.beneficiaries}`,
  ]
    .filter(Boolean)
    .join('\n\n');
  const gender = [
    plan.genderAffected && `Who is affected: ${plan.genderAffected}`,
    plan.genderConsultation &&
      `How women, girls and other groups were consulted: ${plan.genderConsultation}`,
    plan.genderCriteria && `Gender-responsive criteria: ${plan.genderCriteria}`,
  ]
    .filter(Boolean)
    .join('\n\n');

  const tenderStatus =
    plan.status === 'cancelled'
      ? 'cancelled'
      : award
        ? 'complete'
        : publishedNotice
          ? 'active'
          : 'planning';

  const noticeAmendments = amendments.filter((a) => a.subject !== 'contract');
  const contractAmendments = amendments.filter((a) => a.subject === 'contract');
  const amendment = (a: (typeof amendments)[number]) => ({
    id: a.id,
    date: iso(a.createdAt),
    rationale: a.rationale,
    description: a.description || undefined,
  });

  const tenderDocuments = publishedNotice
    ? [
        {
          id: 'notice',
          documentType: 'tenderNotice',
          title: `Market-engagement notice: ${plan.title}`,
          description: [
            publishedNotice.problemStatement,
            publishedNotice.marketQuestions &&
              `Questions for the market: ${publishedNotice.marketQuestions}`,
          ]
            .filter(Boolean)
            .join('\n\n'),
          url: `${page}#notice`,
          datePublished: iso(publishedNotice.publishedAt),
          dateModified: iso(publishedNotice.updatedAt),
          format: 'text/html',
          language: context.language,
        },
        criteria.length > 0
          ? {
              id: 'evaluation-criteria',
              documentType: 'evaluationCriteria',
              title: 'Evaluation criteria and weights',
              description: criteria
                .map(
                  (c) =>
                    `${c.name}: ${c.weight}%${c.genderResponsive ? ' (gender-responsive)' : ''}`,
                )
                .join('; '),
              url: `${page}#criteria`,
              format: 'text/html',
            }
          : undefined,
        ...publishedNotice.documents.map((doc, index) => ({
          id: `document-${index + 1}`,
          documentType: 'biddingDocuments',
          title: doc.title,
          url: doc.url,
        })),
        answers.length > 0
          ? {
              id: 'clarifications',
              documentType: 'clarifications',
              title: 'Questions and answers',
              description: answers.map((a) => `Q: ${a.question}\nA: ${a.answer}`).join('\n\n'),
              url: `${page}#questions`,
              dateModified: iso(answers[answers.length - 1]!.createdAt),
              format: 'text/html',
            }
          : undefined,
        plan.status === 'cancelled'
          ? {
              id: 'cancellation',
              documentType: 'cancellationDetails',
              title: 'Why the process was cancelled',
              description: plan.cancellationReason,
            }
          : undefined,
      ]
    : [];

  const release = {
    language: context.language,
    parties: [...parties.values()],
    buyer,
    planning: {
      rationale,
      budget: {
        id: 'budget',
        description: plan.fundingSource || undefined,
        amount: money(plan.budgetAmount, plan.budgetCurrency),
      },
      documents: [
        {
          id: 'plan',
          documentType: 'procurementPlan',
          title: `Plan: ${plan.title}`,
          url: `${page}#plan`,
          format: 'text/html',
        },
        gender
          ? {
              id: 'gender-inclusion',
              documentType: 'needsAssessment',
              title: 'Gender and inclusion assessment',
              description: gender,
              url: `${page}#gender`,
              format: 'text/html',
            }
          : undefined,
      ],
    },
    tender: {
      id: 'tender',
      title: plan.title,
      description: publishedNotice?.problemStatement || plan.problem,
      status: tenderStatus,
      procuringEntity: buyer,
      value: money(plan.budgetAmount, plan.budgetCurrency),
      procurementMethod: plan.tenderMethod ?? undefined,
      procurementMethodRationale: plan.tenderMethodRationale || undefined,
      awardCriteria: publishedNotice && criteria.length > 0 ? 'ratedCriteria' : undefined,
      awardCriteriaDetails:
        publishedNotice && criteria.length > 0
          ? criteria.map((c) => `${c.name} ${c.weight}%`).join(', ')
          : undefined,
      submissionMethod: publishedNotice ? ['electronicSubmission'] : undefined,
      submissionMethodDetails: publishedNotice ? `${page}#respond` : undefined,
      tenderPeriod: publishedNotice
        ? { startDate: iso(publishedNotice.publishedAt), endDate: iso(publishedNotice.deadline) }
        : plan.plannedNoticeOn
          ? { startDate: dateTime(plan.plannedNoticeOn) }
          : undefined,
      enquiryPeriod: publishedNotice
        ? { startDate: iso(publishedNotice.publishedAt), endDate: iso(publishedNotice.deadline) }
        : undefined,
      hasEnquiries: publishedNotice ? answers.length > 0 : undefined,
      awardPeriod: plan.plannedAwardOn ? { endDate: dateTime(plan.plannedAwardOn) } : undefined,
      contractPeriod:
        plan.plannedDeliveryStart || plan.plannedDeliveryEnd
          ? {
              startDate: dateTime(plan.plannedDeliveryStart),
              endDate: dateTime(plan.plannedDeliveryEnd),
            }
          : undefined,
      numberOfTenderers: award ? tenderers.length : undefined,
      tenderers,
      documents: tenderDocuments,
      amendments: noticeAmendments.map(amendment),
    },
    awards: award
      ? [
          {
            id: award.id,
            title: `Award: ${plan.title}`,
            description: [
              award.justification,
              award.nonBidderReason &&
                `Awarded to a supplier that did not bid: ${award.nonBidderReason}`,
            ]
              .filter(Boolean)
              .join('\n\n'),
            status: plan.status === 'cancelled' ? 'cancelled' : 'active',
            date: dateTime(award.awardedOn),
            value: { amount: award.amount, currency: award.currency },
            suppliers: supplier ? [supplier] : [],
          },
        ]
      : [],
    contracts: contract
      ? [
          {
            id: contract.id,
            awardID: contract.awardId,
            title: `Contract: ${plan.title}`,
            status: contract.status,
            period: {
              startDate: dateTime(contract.periodStart),
              endDate: dateTime(contract.periodEnd),
            },
            value: { amount: contract.amount, currency: contract.currency },
            dateSigned: dateTime(contract.signedOn),
            amendments: contractAmendments.map(amendment),
            implementation: {
              milestones: milestones.map((m) => ({
                id: m.id,
                title: m.title,
                type: 'delivery',
                description: m.description || undefined,
                dueDate: dateTime(m.dueOn),
                dateMet: dateTime(m.metOn),
                status: m.status,
                dateModified: iso(m.updatedAt),
              })),
              documents: plan.closedAt
                ? [
                    {
                      id: 'closing-note',
                      documentType: 'completionCertificate',
                      title: 'Closing note and lessons learned',
                      description: `${plan.closingNote}\n\nLessons learned: ${plan.lessonsLearned}`,
                      url: `${page}#closing`,
                      datePublished: iso(plan.closedAt),
                      format: 'text/html',
                    },
                  ]
                : [],
            },
          },
        ]
      : [],
  };
  return pruneEmpty(release) as Record<string, unknown>;
}
