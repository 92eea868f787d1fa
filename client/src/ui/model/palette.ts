/** Colours of the HUD (numbers for pixi, strings for CSS). */
export const COLORS = {
  panel: 0x141226,
  panelAlpha: 0.72,
  text: 0xf4f1ff,
  muted: 0xa9a3c7,
  accent: 0xff6fae,
  accent2: 0x8b7bff,
  ok: 0x47d18c,
  warn: 0xffc857,
  bad: 0xff5d73,
  host: 0xffc857,
  participant: 0x6fd3ff,
  spectator: 0xa9a3c7,
  character: 0xff6fae,
  system: 0x8f89b3,
  bubble: 0xffffff,
  bubbleText: 0x231f3a,
} as const;

const NAME_COLORS = [0x7fd8ff, 0xffb86b, 0x9cf29c, 0xd6a4ff, 0xff9ec7, 0x8cf0e0, 0xfff07a, 0xb3c7ff];

/** A stable colour for a person's name (same user, same colour, on every screen). */
export function nameColor(userId: string): number {
  let h = 2166136261;
  for (let i = 0; i < userId.length; i++) h = Math.imul(h ^ userId.charCodeAt(i), 16777619);
  return NAME_COLORS[(h >>> 0) % NAME_COLORS.length];
}
