import { Container, Graphics, Text, type TextStyleOptions } from 'pixi.js';
import { COLORS, type Badge } from '../model';

/** The HUD's font stack (system fonts with Japanese fallbacks: nothing to download). */
export const FONT = [
  'Inter',
  'Segoe UI',
  'system-ui',
  '-apple-system',
  'Hiragino Sans',
  'Noto Sans JP',
  'Noto Sans CJK JP',
  'sans-serif',
];

/** A text object in the HUD's font. */
export function label(text: string, style: TextStyleOptions = {}): Text {
  return new Text({
    text,
    style: { fontFamily: FONT, fontSize: 14, fill: COLORS.text, lineHeight: 19, ...style },
  });
}

/** A small rounded role badge ("HOST", "AI"). */
export function badge(b: Badge, fontSize = 10): Container {
  const c = new Container();
  const t = label(b.label, {
    fontSize,
    fontWeight: '800',
    fill: 0x1a1630,
    letterSpacing: 0.6,
    lineHeight: fontSize + 2,
  });
  const padX = 5;
  const g = new Graphics().roundRect(0, 0, t.width + padX * 2, t.height + 3, 4).fill({ color: b.color });
  t.position.set(padX, 1.5);
  c.addChild(g, t);
  return c;
}

/** A translucent dark panel. */
export function panel(w: number, h: number, radius = 14): Graphics {
  return new Graphics()
    .roundRect(0, 0, w, h, radius)
    .fill({ color: COLORS.panel, alpha: COLORS.panelAlpha })
    .roundRect(0.5, 0.5, w - 1, h - 1, radius)
    .stroke({ width: 1, color: 0xffffff, alpha: 0.09 });
}

/** Destroys every child of a container (texts free their textures). */
export function clear(c: Container): void {
  for (const child of c.removeChildren()) child.destroy({ children: true });
}
