/** Character rooms: the live, authoritative state of each session, and their REST face. */
export { defineCharacterRoom } from './defineCharacterRoom';
export { CharacterRoom } from './CharacterRoom';
export { RoomService, type PublicRoom, type RoomSummary } from './RoomService';
export {
  CharacterCatalog,
  DEFAULT_AVATAR_URL,
  defaultCharacter,
  type StagedCharacter,
} from './CharacterCatalog';
export { DEFAULT_ROOM_SETTINGS, type RoomAccounts, type RoomDeps, type RoomSettings } from './RoomDeps';
export { roomLinks } from './roomStore';
export { drainRooms } from './drainRooms';
