import { describe, expect, it } from 'vitest';
import { hudLayout, type Rect } from './hudLayout';

const inside = (r: Rect, w: number, h: number) => r.x >= 0 && r.y >= 0 && r.x + r.w <= w && r.y + r.h <= h;
const overlaps = (a: Rect, b: Rect) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
const insets = { top: 56, bottom: 64, rightColumn: 0 };

describe('hudLayout', () => {
  it.each([
    [390, 844],
    [800, 600],
    [1440, 900],
  ])('keeps chat and members on screen and apart at %ix%i', (w, h) => {
    const l = hudLayout(w, h, insets);
    expect(inside(l.chat, w, h)).toBe(true);
    expect(inside(l.members, w, h)).toBe(true);
    if (!l.compact) expect(overlaps(l.chat, l.members)).toBe(false);
  });

  it('stacks for a phone: chat spans the width, the bubble sits above it', () => {
    const l = hudLayout(390, 844, insets);
    expect(l.compact).toBe(true);
    expect(l.chat.w).toBeGreaterThan(300);
    expect(l.bubble.y).toBeLessThan(l.chat.y);
  });

  it('keeps the member list above a side panel on the right', () => {
    const l = hudLayout(1280, 800, { ...insets, rightColumn: 300 });
    expect(l.members.y + l.members.h).toBeLessThanOrEqual(800 - 64 - 300);
  });

  it('leaves the composer and the top bar free', () => {
    const l = hudLayout(800, 600, insets);
    expect(l.chat.y + l.chat.h).toBeLessThanOrEqual(600 - insets.bottom);
    expect(l.nameplate.y).toBeGreaterThanOrEqual(insets.top);
  });
});
