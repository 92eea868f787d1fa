import { Container } from 'pixi.js';
import { COLORS, type ChatLineModel } from '../model';
import type { Rect } from './hudLayout';
import { badge, clear, label, panel } from './text';

/** What the chat panel shows. */
export interface ChatPanelModel {
  lines: ChatLineModel[];
  typing: string;
  rect: Rect;
}

const PAD = 12;

/**
 * The chat log: newest at the bottom, lines of one person grouped under their name and role
 * badge, older lines fading out at the top, the typing indicator underneath. Rebuilt only when
 * its model changes.
 */
export class ChatPanel {
  readonly view = new Container();
  private key = '';

  /** Applies a model; returns true when something must be redrawn. */
  set(model: ChatPanelModel): boolean {
    const key = JSON.stringify(model);
    if (key === this.key) return false;
    this.key = key;
    this.draw(model);
    return true;
  }

  private draw({ lines, typing, rect }: ChatPanelModel): void {
    clear(this.view);
    this.view.position.set(rect.x, rect.y);
    const content = new Container();
    const width = rect.w - PAD * 2;
    let y = rect.h - PAD;
    if (typing) {
      const t = label(typing, { fontSize: 12, fontStyle: 'italic', fill: COLORS.muted });
      y -= t.height;
      t.position.set(PAD, y);
      content.addChild(t);
      y -= 6;
    }
    for (let i = lines.length - 1; i >= 0 && y > PAD; i--) {
      const line = lines[i];
      const grouped =
        i > 0 && lines[i - 1].name === line.name && lines[i - 1].kind === line.kind && line.kind !== 'system';
      y = this.drawLine(content, line, !grouped, width, y);
    }
    const used = Math.min(rect.h, rect.h - y + PAD);
    const bg = panel(rect.w, Math.max(44, used));
    bg.y = rect.h - Math.max(44, used);
    this.view.addChild(bg, content);
    if (lines.length === 0 && !typing) {
      const hint = label('No messages yet. Say hello!', { fontSize: 13, fill: COLORS.muted });
      hint.position.set(PAD, rect.h - PAD - hint.height);
      this.view.addChild(hint);
    }
  }

  /** Draws one line bottom-up ending at y; returns the new top. */
  private drawLine(
    into: Container,
    line: ChatLineModel,
    withName: boolean,
    width: number,
    y: number,
  ): number {
    const system = line.kind === 'system';
    const text = label(line.text, {
      fontSize: system ? 12 : 14,
      fill: system ? COLORS.muted : COLORS.text,
      fontStyle: system ? 'italic' : 'normal',
      wordWrap: true,
      wordWrapWidth: width,
      breakWords: true,
    });
    y -= text.height;
    text.position.set(PAD, y);
    into.addChild(text);
    if (withName && line.name) {
      const name = label(line.name, { fontSize: 12, fontWeight: '700', fill: line.nameColor });
      y -= name.height + 1;
      name.position.set(PAD, y);
      into.addChild(name);
      if (line.badge) {
        const b = badge(line.badge, 9);
        b.position.set(PAD + name.width + 6, y + 2);
        into.addChild(b);
      }
    }
    const fade = Math.max(0.25, Math.min(1, (y - PAD) / 60 + 0.25));
    text.alpha = fade;
    return y - (withName ? 8 : 3);
  }
}
