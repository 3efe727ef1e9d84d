import type { Database } from '../../src/server/db/types';

/**
 * Lets a published notice's deadline pass without waiting: as the owner,
 * moves the notice's publication and deadline back by the same span so the
 * deadline is a minute ago (the notice stays as long as it was), skipping the
 * edit guards as time passing would (`session_replication_role = replica`,
 * this transaction only), and re-derives the search record.
 */
export async function letNoticeDeadlinePass(db: Database, processId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('set local session_replication_role = replica');
    const rows = await tx.query(
      `update public.procurement_notices
          set published_at = published_at - (deadline - now()) - interval '1 minute',
              deadline = now() - interval '1 minute'
        where process_id = $1 and published_at is not null and deadline > now() returning 1`,
      [processId],
    );
    if (rows.length === 0) throw new Error(`The notice of ${processId} is not open`);
    await tx.query('set local session_replication_role = origin');
    await tx.query('select private.search_sync_procurement($1)', [processId]);
  });
}

/** The fields of a complete plan form, as a browser sends them (tests override some). */
export function planFields(title: string, extra: Record<string, unknown> = {}) {
  return {
    title,
    problem: 'Children walk to school along busy roads without crossings or lighting.',
    outcome_1: 'Fewer children hurt on the way to school',
    measure_1: 'Injuries on school routes, police records: from 14 to under 5 a year by 2028',
    beneficiaries: 'Pupils of the four primary schools and their families',
    themes: ['mobility', 'safety'],
    sdgs: ['3', '11'],
    kpi_codes: '',
    budget_amount: '250,000',
    budget_currency: 'eur',
    budget_usd: '270000',
    funding_source: 'City budget 2027, road safety line',
    gender_affected: 'Girls walk more often than boys and feel less safe after dark.',
    gender_consultation: 'Walks with pupils and parents, a session with girls only.',
    gender_criteria: 'Lighting and visibility on routes used by girls after school.',
    ...extra,
  };
}

/** The fields of a complete notice form with three criteria (weights 60, 30, 10). */
export function noticeFields(deadline: Date, extra: Record<string, unknown> = {}) {
  return {
    problem_statement:
      'We want safe walking routes to four schools. How would you make them safer?',
    market_questions: 'What would you measure? How long would it take?',
    deadline: deadline.toISOString().slice(0, 16),
    deadline_tz: 'UTC',
    criterion_name_1: 'Quality of the approach',
    criterion_weight_1: '60',
    criterion_name_2: 'Price',
    criterion_weight_2: '30',
    criterion_name_3: 'Gender-responsive design',
    criterion_weight_3: '10',
    criterion_gender_3: 'on',
    document_title_1: 'Map of the school routes',
    document_url_1: 'https://example.org/routes.pdf',
    ...extra,
  };
}
