// Who is on a session's cutover: roles filled, sign-offs given, and T0, which waits for every
// required role.
import { CutoverError, EXIT } from '../domain/errors.js';
import type { CutoverSession } from './session.js';

export interface RoleHolder {
  name: string;
  contact?: string;
  backup?: string;
  tbd?: boolean;
}

function requireRole(session: CutoverSession, roleId: string): void {
  if (!session.checklist.roles.some((r) => r.id === roleId)) throw new CutoverError(`no role ${roleId} in checklist ${session.checklist.id}`, EXIT.usage);
}

export async function assignRole(session: CutoverSession, roleId: string, who: RoleHolder): Promise<void> {
  requireRole(session, roleId);
  const tbd = who.tbd ?? false;
  if (!tbd && !who.name.trim()) throw new CutoverError(`role ${roleId} needs a name (or acknowledge it as TBD)`, EXIT.usage);
  await session.append({ type: 'role.assigned', role: roleId, name: tbd && !who.name.trim() ? 'TBD' : who.name.trim(), contact: who.contact ?? '', backup: who.backup ?? '', tbd });
}

export async function signOff(session: CutoverSession, roleId: string, name: string, note: string, itemId?: string): Promise<void> {
  requireRole(session, roleId);
  await session.append({ type: 'signoff.recorded', role: roleId, name, note, ...(itemId ? { item: itemId } : {}) });
}

export async function markT0(session: CutoverSession, note?: string): Promise<void> {
  const missing = session.missingRoles();
  if (missing.length) {
    throw new CutoverError(`T0 is blocked: required role${missing.length > 1 ? 's' : ''} not filled: ${missing.map((r) => r.title).join(', ')}`, EXIT.failed, 'fill them in the roles screen, or acknowledge them as TBD');
  }
  await session.append({ type: 't0.marked', at: new Date().toISOString(), ...(note ? { note } : {}) });
}
