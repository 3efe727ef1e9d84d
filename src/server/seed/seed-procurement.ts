import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { getConfig } from '../config';
import type { Queryable } from '../db/types';
import { publishRelease, type ReleaseTag } from '../procurement/publish-release';
import { deterministicId } from './deterministic-id';
import { demoUserId } from './seed-demo';

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);
const money = z.object({
  amount: z.number().nonnegative(),
  currency: z.string().length(3),
  usd: z.number().nonnegative(),
});

/** `supabase/seed/demo-procurement.json`: invented processes in every stage, dated relative to the first seed. */
export const demoProcurementSchema = z.object({
  about: z.string(),
  processes: z.array(
    z.object({
      key: slug,
      city: slug,
      openedDaysAgo: z.number().int().nonnegative(),
      title: z.string().min(3),
      problem: z.string(),
      outcomes: z.array(z.object({ outcome: z.string(), measure: z.string() })),
      beneficiaries: z.string(),
      themes: z.array(z.string()),
      sdgs: z.array(z.number().int()),
      kpiCodes: z.array(z.string()),
      budget: money.nullable(),
      fundingSource: z.string(),
      gender: z.object({ affected: z.string(), consultation: z.string(), criteria: z.string() }),
      planPublishedDaysAgo: z.number().int().nullable(),
      plannedNoticeInDays: z.number().int().optional(),
      plannedAwardInDays: z.number().int().optional(),
      notice: z
        .object({
          publishedDaysAgo: z.number().int(),
          deadlineInDays: z.number().int(),
          problemStatement: z.string(),
          marketQuestions: z.string(),
          shortDeadlineReason: z.string(),
          documents: z.array(z.object({ title: z.string(), url: z.url() })),
          criteria: z.array(
            z.object({
              name: z.string(),
              description: z.string(),
              weight: z.number().int(),
              genderResponsive: z.boolean(),
            }),
          ),
        })
        .optional(),
      questions: z
        .array(
          z.object({
            organization: slug,
            body: z.string(),
            daysAgo: z.number().int(),
            answer: z
              .object({ question: z.string(), answer: z.string(), daysAgo: z.number().int() })
              .nullable(),
          }),
        )
        .default([]),
      interests: z
        .array(
          z.object({
            organization: slug,
            message: z.string(),
            listedPublicly: z.boolean(),
            daysAgo: z.number().int(),
          }),
        )
        .default([]),
      tender: z
        .object({
          recordedDaysAgo: z.number().int(),
          method: z.enum(['open', 'selective', 'limited', 'direct']),
          rationale: z.string(),
        })
        .optional(),
      bids: z
        .array(
          z.object({
            organization: slug.nullable(),
            name: z.string().nullable(),
            amount: z.number(),
            currency: z.string().length(3),
            summary: z.string(),
            receivedDaysAgo: z.number().int(),
            scores: z.array(z.number().min(0).max(100)),
          }),
        )
        .default([]),
      award: z
        .object({
          bid: z.number().int().nonnegative(),
          amount: z.number(),
          currency: z.string().length(3),
          usd: z.number(),
          awardedDaysAgo: z.number().int(),
          justification: z.string(),
          nonBidderReason: z.string(),
        })
        .optional(),
      contract: z
        .object({
          amount: z.number(),
          currency: z.string().length(3),
          startDaysAgo: z.number().int(),
          endInDays: z.number().int(),
          signedDaysAgo: z.number().int(),
        })
        .optional(),
      milestones: z
        .array(
          z.object({
            title: z.string(),
            description: z.string(),
            dueDaysAgo: z.number().int(),
            status: z.enum(['scheduled', 'met', 'notMet', 'partiallyMet']),
            metDaysAgo: z.number().int().nullable(),
          }),
        )
        .default([]),
      closed: z
        .object({
          closingNote: z.string(),
          lessonsLearned: z.string(),
          closedDaysAgo: z.number().int(),
        })
        .optional(),
    }),
  ),
});

/** The stable id of a demo process: `demoProcessId('fjordby-school-routes')`. */
export function demoProcessId(key: string): string {
  return deterministicId('demo-procurement', key);
}

const day = 24 * 3600 * 1000;

/**
 * Loads the demo procurement processes (is_demo = true) for the demo cities
 * and organizations already seeded, replaying each one's history step by
 * step with its dates, and publishing a dated OCDS release after each
 * published step, as the use cases do. A process that exists is left alone:
 * its releases are immutable, so seeding again changes nothing.
 */
export async function seedProcurement(
  db: Queryable,
  seedDir: string,
): Promise<{ processes: number }> {
  const demo = demoProcurementSchema.parse(
    JSON.parse(fs.readFileSync(path.join(seedDir, 'demo-procurement.json'), 'utf8')),
  );
  const ids = async (table: 'cities' | 'organizations') =>
    new Map(
      (await db.query<{ slug: string; id: string }>(`select slug, id from public.${table}`)).map(
        (row) => [row.slug, row.id],
      ),
    );
  const cities = await ids('cities');
  const organizations = await ids('organizations');
  const need = (map: Map<string, string>, key: string, what: string) => {
    const id = map.get(key);
    if (!id) throw new Error(`Demo procurement names an unknown ${what}: ${key}`);
    return id;
  };
  const prefix = getConfig().procurement.ocdsPrefix;
  const now = Date.now();
  const ago = (days: number) => new Date(now - days * day);
  const dateOf = (days: number) => ago(days).toISOString().slice(0, 10);
  const editor = demoUserId('city-editor');
  const partner = demoUserId('partner');
  let seeded = 0;

  for (const p of demo.processes) {
    const id = demoProcessId(p.key);
    const [exists] = await db.query('select 1 from public.procurement_processes where id = $1', [
      id,
    ]);
    if (exists) continue;
    seeded += 1;
    const cityId = need(cities, p.city, 'city');
    const release = (tags: ReleaseTag[], daysAgo: number) =>
      publishRelease(db, id, tags, ago(daysAgo));
    await db.query(
      `insert into public.procurement_processes (id, ocid, city_id, title, problem, outcomes, beneficiaries, themes, sdgs,
         kpi_codes, budget_amount, budget_currency, budget_usd, funding_source, planned_notice_on, planned_award_on,
         gender_affected, gender_consultation, gender_criteria, created_by, created_at, is_demo)
       values ($1, $2, $3, $4, $5, $6::text::jsonb, $7, $8::text[], $9::smallint[], $10::text[], $11, $12, $13, $14, $15, $16,
         $17, $18, $19, $20, $21, true)`,
      [
        id,
        `${prefix}${id}`,
        cityId,
        p.title,
        p.problem,
        JSON.stringify(p.outcomes),
        p.beneficiaries,
        p.themes,
        p.sdgs,
        p.kpiCodes,
        p.budget?.amount ?? null,
        p.budget?.currency ?? null,
        p.budget?.usd ?? null,
        p.fundingSource,
        p.plannedNoticeInDays === undefined ? null : dateOf(-p.plannedNoticeInDays),
        p.plannedAwardInDays === undefined ? null : dateOf(-p.plannedAwardInDays),
        p.gender.affected,
        p.gender.consultation,
        p.gender.criteria,
        p.city === 'demo-fjordby' ? editor : null,
        ago(p.openedDaysAgo),
      ],
    );
    if (p.planPublishedDaysAgo === null) continue;
    await db.query('update public.procurement_processes set published_at = $2 where id = $1', [
      id,
      ago(p.planPublishedDaysAgo),
    ]);
    await release(['planning'], p.planPublishedDaysAgo);
    if (!p.notice) continue;

    const n = p.notice;
    await db.query(
      `insert into public.procurement_notices (process_id, problem_statement, market_questions, deadline, short_deadline_reason, documents)
       values ($1, $2, $3, $4, $5, $6::text::jsonb)`,
      [
        id,
        n.problemStatement,
        n.marketQuestions,
        ago(-n.deadlineInDays),
        n.shortDeadlineReason,
        JSON.stringify(n.documents),
      ],
    );
    const criterionIds: string[] = [];
    for (const [index, c] of n.criteria.entries()) {
      const [row] = await db.query<{ id: string }>(
        `insert into public.procurement_criteria (process_id, position, name, description, weight, gender_responsive)
         values ($1, $2, $3, $4, $5, $6) returning id`,
        [id, index + 1, c.name, c.description, c.weight, c.genderResponsive],
      );
      criterionIds.push(row!.id);
    }
    await db.query(
      'update public.procurement_notices set published_at = $2 where process_id = $1',
      [id, ago(n.publishedDaysAgo)],
    );
    await db.query(`update public.procurement_processes set stage = 'market' where id = $1`, [id]);
    await release(['tender'], n.publishedDaysAgo);

    for (const q of p.questions) {
      const [question] = await db.query<{ id: string }>(
        `insert into public.procurement_questions (process_id, organization_id, asked_by, body, created_at)
         values ($1, $2, $3, $4, $5) returning id`,
        [id, need(organizations, q.organization, 'organization'), partner, q.body, ago(q.daysAgo)],
      );
      if (!q.answer) continue;
      await db.query(
        `insert into public.procurement_answers (process_id, question_id, question, answer, created_by, created_at)
         values ($1, $2, $3, $4, $5, $6)`,
        [
          id,
          question!.id,
          q.answer.question,
          q.answer.answer,
          p.city === 'demo-fjordby' ? editor : null,
          ago(q.answer.daysAgo),
        ],
      );
      await release(['tenderUpdate'], q.answer.daysAgo);
    }
    for (const i of p.interests) {
      await db.query(
        `insert into public.procurement_interests (process_id, organization_id, submitted_by, message, listed_publicly, created_at)
         values ($1, $2, $3, $4, $5, $6)`,
        [
          id,
          need(organizations, i.organization, 'organization'),
          partner,
          i.message,
          i.listedPublicly,
          ago(i.daysAgo),
        ],
      );
    }
    if (!p.tender) continue;

    const bidIds: string[] = [];
    for (const b of p.bids) {
      const orgId = b.organization ? need(organizations, b.organization, 'organization') : null;
      const [org] = orgId
        ? await db.query<{ name: string }>('select name from public.organizations where id = $1', [
            orgId,
          ])
        : [];
      const [bid] = await db.query<{ id: string }>(
        `insert into public.procurement_bids (process_id, organization_id, bidder_name, amount, currency, summary, received_on)
         values ($1, $2, $3, $4, $5, $6, $7) returning id`,
        [
          id,
          orgId,
          org?.name ?? b.name,
          b.amount,
          b.currency,
          b.summary,
          dateOf(b.receivedDaysAgo),
        ],
      );
      bidIds.push(bid!.id);
      for (const [index, score] of b.scores.entries()) {
        await db.query(
          'insert into public.procurement_scores (process_id, bid_id, criterion_id, score) values ($1, $2, $3, $4)',
          [id, bid!.id, criterionIds[index], score],
        );
      }
    }
    await db.query(
      `update public.procurement_processes set tender_method = $2, tender_method_rationale = $3, tender_recorded_at = $4,
         stage = 'evaluation' where id = $1`,
      [id, p.tender.method, p.tender.rationale, ago(p.tender.recordedDaysAgo)],
    );
    await release(['tenderUpdate'], p.tender.recordedDaysAgo);
    if (!p.award) continue;

    const a = p.award;
    const [award] = await db.query<{ id: string }>(
      `insert into public.procurement_awards (process_id, bid_id, supplier_name, amount, currency, value_usd, awarded_on,
         justification, non_bidder_reason, created_at)
       values ($1, $2, 'bidder', $3, $4, $5, $6, $7, $8, $9) returning id`,
      [
        id,
        bidIds[a.bid],
        a.amount,
        a.currency,
        a.usd,
        dateOf(a.awardedDaysAgo),
        a.justification,
        a.nonBidderReason,
        ago(a.awardedDaysAgo),
      ],
    );
    await release(['award'], a.awardedDaysAgo);
    if (!p.contract) continue;

    const c = p.contract;
    const [contract] = await db.query<{ id: string }>(
      `insert into public.procurement_contracts (process_id, award_id, amount, currency, period_start, period_end, signed_on, created_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
      [
        id,
        award!.id,
        c.amount,
        c.currency,
        dateOf(c.startDaysAgo),
        dateOf(-c.endInDays),
        dateOf(c.signedDaysAgo),
        ago(c.signedDaysAgo),
      ],
    );
    await db.query(`update public.procurement_processes set stage = 'delivery' where id = $1`, [
      id,
    ]);
    await release(['contract'], c.signedDaysAgo);
    // Implementation releases follow the contract, each after the one before.
    let last = c.signedDaysAgo;
    for (const [index, m] of p.milestones.entries()) {
      await db.query(
        `insert into public.procurement_milestones (process_id, contract_id, title, description, due_on, status, met_on)
         values ($1, $2, $3, $4, $5, $6, $7)`,
        [
          id,
          contract!.id,
          m.title,
          m.description,
          dateOf(m.dueDaysAgo),
          m.status,
          m.metDaysAgo === null ? null : dateOf(m.metDaysAgo),
        ],
      );
      last = Math.max(Math.min(m.metDaysAgo ?? last - 1, last - 1), 0);
      await release([index === 0 ? 'implementation' : 'implementationUpdate'], last);
    }
    if (!p.closed) continue;
    await db.query(
      `update public.procurement_contracts set status = 'terminated' where process_id = $1`,
      [id],
    );
    await db.query(
      `update public.procurement_processes set closing_note = $2, lessons_learned = $3, closed_at = $4, stage = 'closed',
         status = 'complete' where id = $1`,
      [id, p.closed.closingNote, p.closed.lessonsLearned, ago(p.closed.closedDaysAgo)],
    );
    await release(['contractTermination'], p.closed.closedDaysAgo);
  }
  return { processes: seeded };
}
