/** The room's HUD: the pixi overlay and its view-models. DOM widgets live in `./dom`. */
export {
  Hud,
  hudLayout,
  COMPACT_WIDTH,
  REACTION_LIFE_S,
  REACTION_MAX,
  type HudLocal,
  type HudLayout,
  type HudInsets,
  type Rect,
} from './hud';
export * from './model';
