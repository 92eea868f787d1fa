import { Application } from 'pixi.js';
import type { RoomView } from '../../net/room';
import { chatModel, connectionModel, memberModel, nameplateModel, typingText } from '../model';
import { ChatPanel } from './ChatPanel';
import { hudLayout, type HudInsets } from './hudLayout';
import { MemberPanel } from './MemberPanel';
import { Nameplate } from './Nameplate';
import { ReactionLayer } from './ReactionLayer';
import { SpeechBubble } from './SpeechBubble';

/** Page-side inputs of the HUD that are not room state. */
export interface HudLocal {
  insets: HudInsets;
  /** On a phone the member list opens on demand; on wider screens it is always shown. */
  membersOpen: boolean;
  /** The sentence being spoken now (null: none). */
  bubble: { name: string; text: string } | null;
  /** The character is working on a reply but not speaking yet. */
  thinking: boolean;
}

/**
 * The game-style overlay, drawn with pixi.js on a transparent canvas above the 3D stage. It
 * renders only when a part's model changed (and every frame only while reactions float), so it
 * costs nothing while the room is quiet.
 */
export class Hud {
  private readonly chat = new ChatPanel();
  private readonly members = new MemberPanel();
  private readonly plate = new Nameplate();
  private readonly bubble = new SpeechBubble();
  private readonly reactions = new ReactionLayer();
  private last: { view: RoomView; local: HudLocal } | null = null;
  private frame = 0;
  private lastTick = 0;
  private renders = 0;

  private constructor(private readonly app: Application) {
    app.stage.addChild(
      this.plate.view,
      this.members.view,
      this.chat.view,
      this.bubble.view,
      this.reactions.view,
    );
    addEventListener('resize', this.onResize);
  }

  /** Creates the HUD on a canvas (WebGL, transparent, not started: it renders on demand). */
  static async create(canvas: HTMLCanvasElement): Promise<Hud> {
    const app = new Application();
    await app.init({
      canvas,
      backgroundAlpha: 0,
      antialias: true,
      autoStart: false,
      sharedTicker: false,
      preference: 'webgl',
      resolution: Math.min(2, globalThis.devicePixelRatio || 1),
      autoDensity: true,
      width: innerWidth,
      height: innerHeight,
    });
    return new Hud(app);
  }

  /** Frames the HUD has drawn (for the debug handle and tests of "redraw only on change"). */
  get renderCount(): number {
    return this.renders;
  }

  /** Takes the latest room snapshot and page state; redraws only what changed. */
  update(view: RoomView, local: HudLocal): void {
    this.last = { view, local };
    const w = this.app.screen.width;
    const h = this.app.screen.height;
    const layout = hudLayout(w, h, local.insets);
    this.reactions.setLane(layout.reactions);
    const me = view.sessionId;
    let changed = this.plate.set({
      plate: nameplateModel(view),
      connection: connectionModel(view),
      plateAt: layout.nameplate,
      pillAt: layout.pill,
    });
    const visible = !layout.compact || local.membersOpen;
    changed =
      this.members.set({
        list: memberModel(view.members, me, MemberPanel.rowsFor(layout.members.h)),
        rect: layout.members,
        visible,
      }) || changed;
    changed =
      this.chat.set({
        lines: chatModel(view.chat, view.members, 40),
        typing: typingText(view.members, me),
        rect: layout.chat,
      }) || changed;
    const b = local.bubble;
    changed =
      this.bubble.set(
        b || local.thinking
          ? {
              name: b?.name ?? view.character.name,
              text: b?.text ?? '',
              thinking: !b && local.thinking,
              ...layout.bubble,
            }
          : null,
      ) || changed;
    if (changed) this.invalidate();
  }

  /** Floats a reaction up the side. */
  react(emoji: string, name: string): void {
    if (this.reactions.add(emoji, name)) this.invalidate();
  }

  /** Stops rendering and frees the GPU resources. */
  dispose(): void {
    cancelAnimationFrame(this.frame);
    removeEventListener('resize', this.onResize);
    this.app.destroy(false, { children: true });
  }

  private invalidate(): void {
    if (this.frame) return;
    this.lastTick = performance.now();
    this.frame = requestAnimationFrame(this.render);
  }

  private readonly render = (now: number): void => {
    this.frame = 0;
    if (this.reactions.active) {
      this.reactions.update(Math.min(0.1, Math.max(0, (now - this.lastTick) / 1000)));
      this.lastTick = now;
    }
    this.app.render();
    this.renders++;
    if (this.reactions.active) this.frame = requestAnimationFrame(this.render);
  };

  private readonly onResize = (): void => {
    this.app.renderer.resize(innerWidth, innerHeight);
    if (this.last) this.update(this.last.view, this.last.local);
    this.invalidate();
  };
}
