import type { RequestDb } from '../db/request-context';
import { isDatabaseRefusal } from './outcomes';

/** Deletes a case study that is not public (its editors; admins any). */
export async function deleteCaseStudy(db: RequestDb, id: string): Promise<boolean> {
  try {
    const rows = await db.savepoint((tx) =>
      tx.query('delete from public.case_studies where id = $1 returning id', [id]),
    );
    return rows.length > 0;
  } catch (error) {
    if (isDatabaseRefusal(error)) return false;
    throw error;
  }
}
