import type { AccessClaims } from '../auth';
import type { UserRepository } from '../db';

/** Who is asking: a signed-in user, and whether they are an admin. */
export interface Viewer {
  userId: string;
  admin: boolean;
}

/** Decides who is an admin: `ADMINS` lists user ids or e-mail addresses (compared without case); the `admin` role counts too. */
export class AdminPolicy {
  private readonly ids: Set<string>;
  private readonly emails: Set<string>;

  constructor(
    admins: readonly string[],
    private readonly users: UserRepository,
  ) {
    this.ids = new Set(admins.filter((a) => !a.includes('@')).map((a) => a.toLowerCase()));
    this.emails = new Set(admins.filter((a) => a.includes('@')).map((a) => a.toLowerCase()));
  }

  /** True when `userId` is listed, their account's e-mail is, or the account has the `admin` role. */
  async isAdmin(userId: string): Promise<boolean> {
    if (this.ids.has(userId.toLowerCase())) return true;
    const user = await this.users.findById(userId);
    if (!user) return false;
    if (user.roles?.includes('admin')) return true;
    return !!user.email && this.emails.has(user.email.toLowerCase());
  }

  /** The viewer for a request's claims (null when signed out). */
  async viewerOf(claims: AccessClaims | undefined): Promise<Viewer | null> {
    if (!claims) return null;
    return { userId: claims.userId, admin: await this.isAdmin(claims.userId) };
  }
}
