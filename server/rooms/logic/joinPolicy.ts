import { JOIN_ERRORS, type JoinErrorCode, type Role } from '@shared';

/** Who is joining, as the signed tokens say. */
export interface JoinIdentity {
  /** From a valid access token; null for an anonymous spectator. */
  user: { userId: string; name: string } | null;
  /** From a valid link token; null when the person came without a link. */
  link: { roomId: string; role: 'participant' | 'spectator'; generation: number } | null;
}

/** What the room knows when deciding. */
export interface RoomFacts {
  roomId: string;
  ownerId: string;
  linkGeneration: number;
  isPublic: boolean;
  promoted: ReadonlySet<string>;
  banned: ReadonlySet<string>;
}

export type JoinDecision = { ok: true; role: Role } | { ok: false; code: JoinErrorCode; message: string };

/**
 * Decides a joiner's role from signed facts only: the owner (or someone the host promoted) is
 * host; a participant link plus an account makes a participant; a spectator link, or a public
 * room without a link, makes a spectator.
 */
export function decideRole(who: JoinIdentity, room: RoomFacts): JoinDecision {
  const userId = who.user?.userId;
  if (userId && room.banned.has(userId))
    return refuse(JOIN_ERRORS.banned, 'The host removed you from this room.');
  if (userId && (userId === room.ownerId || room.promoted.has(userId))) return { ok: true, role: 'host' };
  if (who.link) return linkRole(who, room);
  if (room.isPublic) return { ok: true, role: 'spectator' };
  return refuse(JOIN_ERRORS.invalidLink, 'This room is private: ask the host for a link.');
}

function linkRole(who: JoinIdentity, room: RoomFacts): JoinDecision {
  const link = who.link!;
  if (link.roomId !== room.roomId) return refuse(JOIN_ERRORS.invalidLink, 'This link is for another room.');
  if (link.generation !== room.linkGeneration)
    return refuse(JOIN_ERRORS.invalidLink, 'The host has replaced this link: ask for a new one.');
  if (link.role === 'spectator') return { ok: true, role: 'spectator' };
  if (!who.user)
    return refuse(
      JOIN_ERRORS.signInRequired,
      'This link lets you talk to the character: enter a name first (a guest account will do).',
    );
  return { ok: true, role: 'participant' };
}

function refuse(code: JoinErrorCode, message: string): JoinDecision {
  return { ok: false, code, message };
}
