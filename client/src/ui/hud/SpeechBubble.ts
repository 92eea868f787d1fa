import { Container, Graphics } from 'pixi.js';
import { COLORS } from '../model';
import { clear, label } from './text';

/** The current sentence: who says it and what; `thinking` shows animated-looking dots instead. */
export interface BubbleModel {
  name: string;
  text: string;
  thinking: boolean;
  cx: number;
  y: number;
  maxW: number;
}

const PAD_X = 18;
const PAD_Y = 14;

/** A white speech bubble under the character's face with its name on a tag. */
export class SpeechBubble {
  readonly view = new Container();
  private key = '';

  /** Applies a model (null hides it); returns true when something must be redrawn. */
  set(model: BubbleModel | null): boolean {
    const key = JSON.stringify(model);
    if (key === this.key) return false;
    this.key = key;
    clear(this.view);
    if (model && (model.text || model.thinking)) this.draw(model);
    return true;
  }

  private draw(m: BubbleModel): void {
    const text = label(m.thinking && !m.text ? '•  •  •' : m.text, {
      fontSize: m.maxW < 420 ? 17 : 20,
      fontWeight: '500',
      fill: COLORS.bubbleText,
      lineHeight: m.maxW < 420 ? 24 : 28,
      wordWrap: true,
      wordWrapWidth: m.maxW - PAD_X * 2,
      breakWords: true,
      align: 'center',
    });
    const w = Math.max(120, text.width + PAD_X * 2);
    const h = text.height + PAD_Y * 2;
    const x = Math.round(m.cx - w / 2);
    const bg = new Graphics()
      .roundRect(x + 2, m.y + 4, w, h, 18)
      .fill({ color: 0x000000, alpha: 0.18 })
      .roundRect(x, m.y, w, h, 18)
      .fill({ color: COLORS.bubble, alpha: 0.96 })
      .poly([m.cx - 10, m.y + 1, m.cx, m.y - 12, m.cx + 10, m.y + 1])
      .fill({ color: COLORS.bubble, alpha: 0.96 });
    text.position.set(Math.round(m.cx - text.width / 2), m.y + PAD_Y);
    this.view.addChild(bg, text);
    if (m.name) {
      const tag = label(m.name, { fontSize: 12, fontWeight: '800', fill: 0xffffff, letterSpacing: 0.4 });
      const tg = new Graphics()
        .roundRect(0, 0, tag.width + 16, tag.height + 6, 9)
        .fill({ color: COLORS.accent });
      tg.position.set(x + 14, m.y - tag.height / 2 - 3);
      tag.position.set(x + 22, m.y - tag.height / 2);
      this.view.addChild(tg, tag);
    }
  }
}
