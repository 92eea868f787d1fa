/**
 * Accounts made directly in a booted test server's database, with a chosen id or e-mail, and
 * signed in: how tests get an admin (ADMINS lists ids or e-mails, read at boot; guests get random ids).
 */
import { randomUUID } from 'node:crypto';
import { User } from '../server/db/entities';
import type { TestServer } from './testServer';

/** Creates an account (so its id or e-mail can be listed in ADMINS) and answers its id and an access token (15 minutes). */
export async function accountWith(
  server: TestServer,
  user: { id?: string; name: string; email?: string },
): Promise<{ id: string; token: string }> {
  const id = user.id ?? randomUUID();
  const em = server.services.db.em();
  em.create(User, {
    id,
    name: user.name,
    email: user.email ?? null,
    roles: [],
    isGuest: false,
    createdAt: new Date(),
  });
  await em.flush();
  return { id, token: server.services.signer.signAccess({ userId: id, name: user.name, guest: false }, 900) };
}
