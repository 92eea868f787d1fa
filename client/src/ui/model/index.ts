/** HUD view-models: pure functions from the room snapshot to what the HUD draws. */
export { COLORS, nameColor } from './palette';
export { chatModel, typingText, ROLE_BADGES, type Badge, type ChatLineModel } from './chatModel';
export { memberModel, type MemberListModel, type MemberRowModel } from './memberModel';
export {
  connectionModel,
  nameplateModel,
  composerModel,
  type ConnectionModel,
  type NameplateModel,
  type ComposerModel,
} from './statusModel';
