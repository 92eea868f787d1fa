import { Container, Graphics } from 'pixi.js';
import { COLORS, type ConnectionModel, type NameplateModel } from '../model';
import { badge, clear, label, panel } from './text';

/** Nameplate (top-left) and connection pill (top-right). */
export interface NameplateViewModel {
  plate: NameplateModel;
  connection: ConnectionModel;
  plateAt: { x: number; y: number };
  pillAt: { right: number; left: number | null; y: number };
}

/** The character's name with its badges, and the connection pill with the round trip. */
export class Nameplate {
  readonly view = new Container();
  private key = '';

  /** Applies a model; returns true when something must be redrawn. */
  set(model: NameplateViewModel): boolean {
    const key = JSON.stringify(model);
    if (key === this.key) return false;
    this.key = key;
    clear(this.view);
    this.drawPlate(model);
    this.drawPill(model);
    return true;
  }

  private drawPlate({ plate, plateAt }: NameplateViewModel): void {
    const c = new Container();
    const name = label(plate.name, {
      fontSize: 18,
      fontWeight: '800',
      fill: COLORS.text,
      letterSpacing: 0.2,
    });
    name.position.set(14, 8);
    let x = 14 + name.width + 10;
    const badges = plate.badges.map((b) => {
      const v = badge(b, 10);
      v.position.set(x, 13);
      x += v.width + 6;
      return v;
    });
    const dot = new Graphics().circle(0, 0, 4).fill({ color: COLORS.accent });
    dot.position.set(7, 20);
    c.addChild(panel(x + 8, 40, 20), dot, name, ...badges);
    c.position.set(plateAt.x, plateAt.y);
    this.view.addChild(c);
  }

  private drawPill({ connection, pillAt }: NameplateViewModel): void {
    const c = new Container();
    const text = label(connection.label, { fontSize: 12, fontWeight: '600', fill: COLORS.text });
    const w = text.width + 34;
    const dot = new Graphics().circle(0, 0, 5).fill({ color: connection.color });
    dot.position.set(14, 14);
    text.position.set(26, 14 - text.height / 2);
    c.addChild(panel(w, 28, 14), dot, text);
    c.position.set(pillAt.left ?? pillAt.right - w, pillAt.y + 6);
    this.view.addChild(c);
  }
}
