/** The pixi overlay: the HUD and its parts. */
export { Hud, type HudLocal } from './Hud';
export { hudLayout, COMPACT_WIDTH, type HudLayout, type HudInsets, type Rect } from './hudLayout';
export { REACTION_LIFE_S, REACTION_MAX } from './ReactionLayer';
