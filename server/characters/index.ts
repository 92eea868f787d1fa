/** Characters and their avatars: CRUD with permissions, VRM uploads, the approved catalogue. */
export { AdminPolicy, type Viewer } from './AdminPolicy';
export { AvatarCatalog } from './AvatarCatalog';
export { AvatarUploads, type StoredUpload } from './AvatarUploads';
export { type AvatarStatus, type AvatarView, type AvatarWarning } from './avatarView';
export { BUILTIN_AVATARS, seedBuiltinAvatars } from './builtinAvatars';
export { CharacterService, type CharacterView } from './CharacterService';
export { NO_PLAN_CHECKS, type PlanChecks } from './PlanChecks';
export { VoiceInput, type CharacterInput, type CharacterPatch } from './characterInput';
export {
  createCharacterServices,
  type CharacterServices,
  type CharacterServicesOptions,
} from './createCharacterServices';
