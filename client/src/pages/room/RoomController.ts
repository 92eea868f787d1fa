import { CLIENT_MESSAGES, SERVER_MESSAGES } from '@shared/messageNames';
import type { ReactionMessage } from '@shared';
import type { UtterancePlayer } from '../../audio';
import type { RoomSession, RoomView } from '../../net/room';
import { composerModel, COMPACT_WIDTH, type Hud } from '../../ui';
import { ChatAnnouncer, Composer, HostPanel, QueuePanel, SoundControl } from '../../ui/dom';
import type { AvatarStage } from './avatarStage';
import { JoinGate } from './joinGate';
import type { RoomShell } from './roomShell';
import type { TimedLine } from './speechTimeline';

/**
 * Keeps every view of the room page in step with the room store: the pixi HUD, the composer,
 * the host and queue panels, the screen-reader chat mirror, the avatar's idle face and gaze,
 * late-join speech, error toasts and the join gate.
 */
export class RoomController {
  readonly composer: Composer;
  readonly hostPanel: HostPanel;
  readonly queue: QueuePanel;
  readonly gate: JoinGate;
  private readonly announcer = new ChatAnnouncer();
  private hud: Hud | null = null;
  private avatar: AvatarStage | null = null;
  private membersOpen = false;
  private bubble: TimedLine | null = null;

  constructor(
    private readonly shell: RoomShell,
    private readonly session: RoomSession,
    audio: UtterancePlayer,
    signIn: (name: string) => Promise<void>,
  ) {
    const send = (type: Parameters<RoomSession['send']>[0], payload: unknown): boolean =>
      this.session.send(type, payload);
    this.composer = new Composer({
      say: (text) =>
        send(CLIENT_MESSAGES.say, { text }) ||
        (this.shell.toasts.show('Not connected: your message is kept.', 'error'), false),
      react: (emoji) => send(CLIENT_MESSAGES.react, { emoji }),
      typing: (on) => void send(CLIENT_MESSAGES.typing, { on }),
    });
    this.hostPanel = new HostPanel({
      host: (m) => void send(CLIENT_MESSAGES.host, m),
      notify: (m, tone) => this.shell.toasts.show(m, tone),
    });
    this.queue = new QueuePanel({
      pick: (queueId) => void send(CLIENT_MESSAGES.host, { action: 'pick', queueId }),
      dismiss: (queueId) => void send(CLIENT_MESSAGES.host, { action: 'dismiss', queueId }),
      vote: (queueId) => void send(CLIENT_MESSAGES.vote, { queueId }),
    });
    this.gate = new JoinGate({ signIn, retry: () => void this.session.join().catch(() => undefined) });
    const sound = new SoundControl(audio);
    shell.actions.append(sound.button);
    shell.bottom.append(this.queue.el, this.composer.el);
    shell.overlays.append(sound.popover, sound.gate, this.hostPanel.el, this.gate.el, this.announcer.el);
    shell.membersButton.addEventListener('click', () => this.toggleMembers());
    shell.hostButton.addEventListener('click', () => this.toggleHost());
    session.store.subscribe((view, prev) => this.onView(view, prev));
    session.on<ReactionMessage>(SERVER_MESSAGES.reaction, (r) => this.hud?.react(r.emoji, r.name));
    addEventListener('resize', () => this.renderHud());
  }

  /** The HUD, once pixi is up. */
  setHud(hud: Hud): void {
    this.hud = hud;
    this.renderHud();
  }

  /** The avatar stage, once its chunk is loaded. */
  setAvatar(avatar: AvatarStage): void {
    this.avatar = avatar;
    const v = this.session.store.view;
    avatar.setIdleExpression(v.character.expression);
    avatar.lookAt(v.character.lookAt, v.sessionId);
  }

  /** The sentence the bubble shows (from the Performer's timeline). */
  setBubble(line: TimedLine | null): void {
    this.bubble = line;
    this.renderHud();
  }

  private onView(view: RoomView, prev: RoomView): void {
    this.composer.set(composerModel(view));
    this.hostPanel.set(view);
    this.queue.set(view);
    this.announcer.set(view.chat);
    const isHost = view.me?.role === 'host';
    this.shell.hostButton.hidden = !isHost;
    if (!isHost && this.hostPanel.open) this.hostPanel.toggle(false);
    this.shell.title.textContent = view.character.name;
    if (view.lastError && view.lastError !== prev.lastError) this.onError(view.lastError);
    if (view.character.expression !== prev.character.expression)
      this.avatar?.setIdleExpression(view.character.expression);
    if (view.character.lookAt !== prev.character.lookAt || view.sessionId !== prev.sessionId)
      this.avatar?.lookAt(view.character.lookAt, view.sessionId);
    if (view.connection !== prev.connection) this.onConnection(view);
    if (view.links !== prev.links && prev.links && view.links)
      this.shell.toasts.show('New links are ready; the old ones no longer work.', 'ok');
    this.renderHud();
  }

  private onError(error: { code: string; message: string; about?: 'say' }): void {
    this.shell.toasts.show(error.message, 'error', 5000);
    if (error.about === 'say') this.composer.restoreRefused(); // the server says the text was not posted
  }

  private onConnection(view: RoomView): void {
    const { status, problem } = view.connection;
    this.shell.root.dataset.status = status;
    if (status === 'closed' && problem) this.gate.show(problem);
    if (status === 'reconnecting') this.shell.toasts.show('Connection lost: reconnecting…', 'info', 2500);
  }

  private renderHud(): void {
    if (!this.hud) return;
    const view = this.session.store.view;
    const b = this.bubble;
    this.hud.update(view, {
      insets: {
        top: this.shell.topbar.offsetHeight,
        bottom: this.shell.bottom.offsetHeight,
        rightColumn: this.queueInset(),
      },
      membersOpen: this.membersOpen,
      bubble: b ? { name: view.character.name, text: b.text } : null,
      thinking: !b && Boolean(view.activeTurnId) && !view.paused,
    });
  }

  private queueInset(): number {
    if (this.queue.el.hidden || innerWidth < COMPACT_WIDTH) return 0;
    return this.queue.el.offsetHeight + 8;
  }

  private toggleMembers(): void {
    this.membersOpen = !this.membersOpen;
    this.shell.membersButton.setAttribute('aria-pressed', String(this.membersOpen));
    this.renderHud();
  }

  private toggleHost(): void {
    this.hostPanel.toggle(undefined, this.session.store.view);
    this.shell.hostButton.setAttribute('aria-expanded', String(this.hostPanel.open));
  }
}
