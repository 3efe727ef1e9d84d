import type { AuthRequest } from '../identity-provider';
import { clearSessionCookie } from '../session-cookie';

/** Ends the current session in the database (so a copied token stops working) and clears the cookie. */
export async function signOutBuiltin(req: AuthRequest): Promise<void> {
  if (req.claims) await req.db.query('select private.end_session(null)');
  clearSessionCookie(req.cookies, req.url);
}
