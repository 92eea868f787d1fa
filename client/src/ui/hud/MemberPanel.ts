import { Container, Graphics } from 'pixi.js';
import { COLORS, type MemberListModel } from '../model';
import type { Rect } from './hudLayout';
import { badge, clear, label, panel } from './text';

/** What the member list shows (hidden when `visible` is false, e.g. collapsed on a phone). */
export interface MemberPanelModel {
  list: MemberListModel;
  rect: Rect;
  visible: boolean;
}

const ROW = 26;
const PAD = 12;

/** The member list: a status dot, the name, the role badge, and a short state (muted, reconnecting). */
export class MemberPanel {
  readonly view = new Container();
  private key = '';

  /** Applies a model; returns true when something must be redrawn. */
  set(model: MemberPanelModel): boolean {
    const key = JSON.stringify(model);
    if (key === this.key) return false;
    this.key = key;
    this.draw(model);
    return true;
  }

  /** How many rows fit in a rect of this height. */
  static rowsFor(height: number): number {
    return Math.max(1, Math.floor((height - 2 * PAD - 24 - 18) / ROW));
  }

  private draw({ list, rect, visible }: MemberPanelModel): void {
    clear(this.view);
    this.view.visible = visible;
    if (!visible) return;
    this.view.position.set(rect.x, rect.y);
    const h = PAD * 2 + 22 + list.rows.length * ROW + (list.more ? 18 : 0);
    this.view.addChild(panel(rect.w, Math.min(rect.h, h)));
    const title = label(list.title.toUpperCase(), {
      fontSize: 10,
      fontWeight: '700',
      fill: COLORS.muted,
      letterSpacing: 1,
    });
    title.position.set(PAD, PAD);
    this.view.addChild(title);
    let y = PAD + 22;
    for (const row of list.rows) {
      const dot = new Graphics().circle(0, 0, 4).fill({ color: row.dot });
      dot.position.set(PAD + 4, y + ROW / 2 - 2);
      const name = label(row.name, {
        fontSize: 13,
        fontWeight: row.isMe ? '700' : '500',
        fill: row.nameColor,
      });
      name.position.set(PAD + 16, y + 2);
      const maxName = rect.w - PAD * 2 - 16 - 56;
      if (name.width > maxName) name.scale.set(maxName / name.width);
      this.view.addChild(dot, name);
      let x = PAD + 16 + name.width + 6;
      if (row.badge) {
        const b = badge(row.badge, 9);
        b.position.set(x, y + 5);
        this.view.addChild(b);
        x += b.width + 6;
      }
      if (row.status) {
        const s = label(row.status, { fontSize: 11, fontStyle: 'italic', fill: COLORS.muted });
        s.position.set(Math.min(x, rect.w - PAD - s.width), y + 4);
        this.view.addChild(s);
      }
      y += ROW;
    }
    if (list.more) {
      const more = label(list.more, { fontSize: 12, fill: COLORS.muted });
      more.position.set(PAD + 16, y);
      this.view.addChild(more);
    }
  }
}
