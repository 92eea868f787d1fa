import type { LinksMessage } from '@shared';
import type { Room as RoomRecord } from '../db';
import type { StagedCharacter } from './CharacterCatalog';
import type { RoomDeps } from './RoomDeps';

/** A room as loaded from the database when its live instance is created. */
export interface LoadedRoom {
  record: RoomRecord;
  character: StagedCharacter;
  history: {
    id: string;
    kind: 'user' | 'character' | 'system';
    userId: string;
    name: string;
    text: string;
    at: number;
  }[];
}

/** Loads a room's record, character and the last chat lines of its conversation. */
export async function loadRoom(deps: RoomDeps, roomId: string): Promise<LoadedRoom> {
  const record = await deps.repos.rooms.findById(roomId);
  if (!record || record.closedAt) throw new Error(`Room ${roomId} does not exist or was closed.`);
  const character =
    (await deps.characters.stage(record.characterId)) ??
    (await deps.characters.stage((await deps.characters.default()).id));
  if (!character) throw new Error('No character available for the room.');
  const messages = await deps.repos.conversations.recentMessages(record.conversationId, 200);
  const history = messages.map((m) => ({
    id: m.id,
    kind: m.kind,
    userId: m.userId ?? '',
    name: m.name,
    text: m.text,
    at: m.createdAt.getTime(),
  }));
  return { record, character, history };
}

/** The participant and spectator page links of a room, for the current link generation. */
export function roomLinks(
  deps: Pick<RoomDeps, 'signer' | 'publicUrl' | 'linkTtlSeconds'>,
  roomId: string,
  generation: number,
): LinksMessage {
  const link = (role: 'participant' | 'spectator') =>
    `${deps.publicUrl}/r/${roomId}?link=${deps.signer.signLink({ roomId, role, generation }, deps.linkTtlSeconds)}`;
  return { participant: link('participant'), spectator: link('spectator') };
}

/** What the lobby lists about a live room (kept in the matchmaker's metadata, visible to every process). */
export interface RoomListing {
  /** The host's user id (counts their live rooms against their plan). */
  ownerId: string;
  characterId: string;
  characterName: string;
  mode: string;
  hostName: string;
  participants: number;
  spectators: number;
  isPublic: boolean;
}

/** Metadata of a live room for listings. */
export function roomMetadata(room: {
  state: {
    character: { id: string; name: string };
    mode: string;
    members: Map<string, { role: string; name: string; userId: string }>;
  };
  record: RoomRecord;
  count(role: string): number;
}): RoomListing {
  let hostName = '';
  room.state.members.forEach((m) => {
    if (m.userId === room.record.ownerId) hostName = m.name;
  });
  return {
    ownerId: room.record.ownerId,
    characterId: room.state.character.id,
    characterName: room.state.character.name,
    mode: room.state.mode,
    hostName,
    participants: room.count('participant') + room.count('host'),
    spectators: room.count('spectator'),
    isPublic: room.record.isPublic,
  };
}
