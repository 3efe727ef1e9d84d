import type { Database } from '../../src/server/db/types';

export interface TriggerOverhead {
  /** Milliseconds per single-row update transaction (each its own commit). */
  singleRowMs: { tracked: number; untracked: number };
  /** Milliseconds for one statement updating every city row. */
  bulkStatementMs: { tracked: number; untracked: number; rows: number };
}

async function time(fn: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

/**
 * What the data-version trigger costs a write: single-row update
 * transactions of `public.hubs` and one bulk update of `public.cities`, with
 * the trigger and with it disabled (as the owner), alternating rounds.
 */
export async function measureTriggerOverhead(
  db: Database,
  transactions = 1000,
): Promise<TriggerOverhead> {
  const single = { tracked: 0, untracked: 0 };
  const bulk = { tracked: 0, untracked: 0, rows: 0 };
  const [{ n }] = (await db.query<{ n: number }>(
    'select count(*)::int as n from public.cities',
  )) as [{ n: number }];
  bulk.rows = n;
  const rounds = 4;
  // A warm-up round first (plan caches, PL/pgSQL compilation), not counted.
  for (let round = -1; round < rounds; round += 1) {
    for (const tracked of [true, false]) {
      if (!tracked) {
        await db.exec(
          'alter table public.hubs disable trigger data_version; alter table public.cities disable trigger data_version',
        );
      }
      try {
        const singleMs = await time(async () => {
          for (let i = 0; i < transactions / rounds; i += 1) {
            await db.transaction(async (tx) => {
              await tx.query(`update public.hubs set summary = summary where slug = 'austria'`);
            });
          }
        });
        const bulkMs = await time(async () => {
          await db.transaction(async (tx) => {
            await tx.query('update public.cities set name = name');
          });
        });
        if (round >= 0) {
          single[tracked ? 'tracked' : 'untracked'] += singleMs;
          bulk[tracked ? 'tracked' : 'untracked'] += bulkMs;
        }
      } finally {
        if (!tracked) {
          await db.exec(
            'alter table public.hubs enable trigger data_version; alter table public.cities enable trigger data_version',
          );
        }
      }
    }
  }
  return {
    singleRowMs: {
      tracked: single.tracked / transactions,
      untracked: single.untracked / transactions,
    },
    bulkStatementMs: {
      tracked: bulk.tracked / rounds,
      untracked: bulk.untracked / rounds,
      rows: bulk.rows,
    },
  };
}
