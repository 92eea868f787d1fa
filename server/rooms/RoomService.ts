import { generateId, matchMaker } from '@colyseus/core';
import { ROOM_NAME, type LinksMessage, type RoomMode } from '@shared';
import { HttpError } from '../http';
import { roomLinks, type RoomListing } from './roomStore';
import type { RoomDeps } from './RoomDeps';

/** What the lobby shows for one public room. */
export interface PublicRoom {
  roomId: string;
  character: { id: string; name: string };
  mode: string;
  hostName: string;
  participants: number;
  spectators: number;
}

/** A room as its page needs it before joining. */
export interface RoomSummary {
  roomId: string;
  character: { id: string; name: string; avatarUrl: string };
  mode: RoomMode;
  links?: LinksMessage;
}

/**
 * Rooms seen from HTTP: created with their database record and links, listed from the
 * matchmaker (across processes), and brought back to life when someone opens a link to a room
 * whose live instance was disposed while empty.
 */
export class RoomService {
  private readonly reviving = new Map<string, Promise<void>>();

  constructor(private readonly deps: RoomDeps) {}

  async create(
    ownerId: string,
    options: { characterId?: string; mode?: RoomMode },
  ): Promise<{ roomId: string; links: LinksMessage }> {
    const characterId = options.characterId ?? (await this.deps.characters.default()).id;
    if (!(await this.deps.characters.usableBy(characterId, ownerId))) {
      throw new HttpError(
        404,
        'character_not_found',
        'That character does not exist or is not yours to use.',
      );
    }
    const roomId = generateId();
    const conversation = await this.deps.repos.conversations.create(characterId, roomId);
    await this.deps.repos.rooms.create({
      id: roomId,
      ownerId,
      characterId,
      conversationId: conversation.id,
      mode: options.mode ?? 'open',
      isPublic: true,
      createdAt: new Date(),
    });
    await matchMaker.createRoom(ROOM_NAME, { roomId });
    return { roomId, links: roomLinks(this.deps, roomId, 0) };
  }

  /** The room's summary; makes sure it is live. Links are included for its owner only. */
  async open(roomId: string, userId: string | null): Promise<RoomSummary> {
    const record = await this.deps.repos.rooms.findById(roomId);
    if (!record || record.closedAt)
      throw new HttpError(404, 'room_not_found', 'This room does not exist or has ended.');
    await this.ensureLive(roomId);
    const staged = await this.deps.characters.stage(record.characterId);
    return {
      roomId,
      character: {
        id: record.characterId,
        name: staged?.profile.name ?? '',
        avatarUrl: staged?.avatarUrl ?? '',
      },
      mode: record.mode,
      ...(userId === record.ownerId ? { links: roomLinks(this.deps, roomId, record.linkGeneration) } : {}),
    };
  }

  /** Live public rooms, busiest first. */
  async listPublic(): Promise<PublicRoom[]> {
    const rooms = await matchMaker.query({ name: ROOM_NAME });
    return rooms
      .filter((r) => (r.metadata as RoomListing | undefined)?.isPublic && !r.private)
      .map((r) => {
        const m = r.metadata as RoomListing;
        return {
          roomId: r.roomId,
          character: { id: m.characterId, name: m.characterName },
          mode: m.mode,
          hostName: m.hostName,
          participants: m.participants,
          spectators: m.spectators,
        };
      })
      .sort((a, b) => b.participants + b.spectators - (a.participants + a.spectators));
  }

  /** How many live rooms `userId` hosts now, on every process. */
  async liveRoomsHostedBy(userId: string): Promise<number> {
    const rooms = await matchMaker.query({ name: ROOM_NAME });
    return rooms.filter((r) => (r.metadata as RoomListing | undefined)?.ownerId === userId).length;
  }

  private async ensureLive(roomId: string): Promise<void> {
    if (await isLive(roomId)) return;
    let pending = this.reviving.get(roomId);
    if (!pending) {
      pending = revive(roomId).finally(() => this.reviving.delete(roomId));
      this.reviving.set(roomId, pending);
    }
    await pending;
  }
}

/** How long one process may take to bring a room back before another may try. */
const REVIVE_LOCK_SECONDS = 10;

/**
 * Listed, and its process answers: a process that died without unlisting its rooms (killed) fails
 * the health check, which also removes its listings, so the room is reopened on a live process.
 */
async function isLive(roomId: string): Promise<boolean> {
  const [listing] = await matchMaker.query({ roomId });
  if (!listing) return false;
  if (listing.processId === matchMaker.processId) return true;
  return matchMaker.healthCheckProcessId(listing.processId);
}

/**
 * Brings a dormant room back on whichever process wins a lock in the shared presence (Redis
 * when scaled out), so two processes opening its link at once create it once; the others wait
 * for it to appear.
 */
async function revive(roomId: string): Promise<void> {
  const key = `kotodama:revive:${roomId}`;
  const turn = await matchMaker.presence.hincrbyex(key, 'claims', 1, REVIVE_LOCK_SECONDS);
  if (turn === 1) {
    try {
      if (!(await isLive(roomId))) await matchMaker.createRoom(ROOM_NAME, { roomId });
    } finally {
      matchMaker.presence.del(key);
    }
    return;
  }
  const deadline = Date.now() + REVIVE_LOCK_SECONDS * 1000;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    if (await isLive(roomId)) return;
  }
  throw new HttpError(503, 'room_starting', 'The room is taking long to start; try again in a moment.');
}
