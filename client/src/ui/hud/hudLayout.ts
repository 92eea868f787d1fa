/** A rectangle in CSS pixels. */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * Space the DOM controls take at the edges of the screen: the top bar, the bottom bar, and on
 * the right column the height a side panel (the question queue) takes above the bottom bar.
 */
export interface HudInsets {
  top: number;
  bottom: number;
  rightColumn: number;
}

/** Where each HUD part goes for one viewport. */
export interface HudLayout {
  compact: boolean;
  nameplate: { x: number; y: number };
  /** Connection pill: right-aligned at `right`, or left-aligned at `left` on a phone. */
  pill: { right: number; left: number | null; y: number };
  members: Rect;
  chat: Rect;
  /** Speech bubble: centre x, top y, widest width. */
  bubble: { cx: number; y: number; maxW: number };
  /** Floating reactions rise from (x, bottom) to (x, top). */
  reactions: { x: number; bottom: number; top: number };
}

/** Below this width the HUD stacks for a phone. */
export const COMPACT_WIDTH = 640;
const M = 12;

/**
 * Lays the HUD out around the DOM controls: nameplate top-left, connection pill and member list
 * top-right, chat bottom-left above the composer, the speech bubble under the character's face,
 * reactions rising on the right. On a phone the chat spans the width and the bubble sits above it.
 */
export function hudLayout(width: number, height: number, insets: HudInsets): HudLayout {
  const compact = width < COMPACT_WIDTH;
  const top = insets.top + 8;
  const bottom = height - insets.bottom - M;
  const right = width - M;
  const columnBottom = bottom - insets.rightColumn;
  const chatW = compact ? width - 2 * M - 44 : Math.min(400, Math.max(260, width * 0.32));
  const chatH = Math.max(96, Math.min(compact ? height * 0.3 : height * 0.45, bottom - top - 120));
  const chat: Rect = { x: M, y: bottom - chatH, w: chatW, h: chatH };
  const membersW = compact ? Math.min(260, width - 2 * M) : 230;
  const membersTop = compact ? top + 84 : top + 36;
  const members: Rect = {
    x: right - membersW,
    y: membersTop,
    w: membersW,
    h: Math.max(80, Math.min(compact ? height * 0.5 : height * 0.42, columnBottom - membersTop - 8)),
  };
  const bubbleMaxW = compact ? width - 2 * M : Math.min(560, width - chatW - 3 * M - 60);
  // On a phone the bubble sits on the top edge of the chat, below the face (never over the mouth).
  const bubbleY = compact ? Math.max(top + 120, height * 0.5, chat.y - 24) : Math.round(height * 0.56);
  const bubbleCx = compact
    ? width / 2
    : Math.max(chatW + 2 * M + bubbleMaxW / 2, Math.min(width / 2, right - bubbleMaxW / 2));
  return {
    compact,
    nameplate: { x: M, y: top },
    pill: { right, left: compact ? M : null, y: compact ? top + 44 : top },
    members,
    chat,
    bubble: { cx: bubbleCx, y: bubbleY, maxW: bubbleMaxW },
    reactions: {
      x: right - 24,
      bottom: columnBottom - 8,
      top: Math.max(top + 60, columnBottom - height * 0.55),
    },
  };
}
