import { REACTIONS, SAY_MAX_LENGTH } from '@shared/messageNames';
import type { ComposerModel } from '../model';
import { h } from './h';
import { icon } from './icons';

/** What the composer asks the page to do. */
export interface ComposerActions {
  /** Sends a message; answers false when it could not be sent (the text stays). */
  say(text: string): boolean;
  react(emoji: string): void;
  typing(on: boolean): void;
}

/** Seconds of no typing after which the typing indicator turns off. */
export const TYPING_IDLE_MS = 3000;
/** A refusal this soon after sending is taken to be about that message. */
const REFUSAL_WINDOW_MS = 5000;

/**
 * The bottom bar: a real text input (screen readers, mobile keyboards) with a send button and a
 * reaction tray for people who may talk; a row of reaction buttons for spectators.
 */
export class Composer {
  readonly el = h('form', { class: 'composer', autocomplete: 'off' });
  private readonly input = h('input', {
    class: 'composer-input',
    type: 'text',
    name: 'message',
    maxlength: SAY_MAX_LENGTH,
    enterkeyhint: 'send',
    'aria-label': 'Message to the character',
    autocomplete: 'off',
    spellcheck: 'true',
  });
  private readonly send = h(
    'button',
    { class: 'btn btn-primary composer-send', type: 'submit', 'aria-label': 'Send' },
    'Send',
  );
  private readonly trayToggle = h(
    'button',
    { class: 'btn btn-icon', type: 'button', 'aria-label': 'Reactions', 'aria-expanded': 'false' },
    icon('smile', 22),
  );
  private readonly tray = h('div', {
    class: 'reaction-tray',
    role: 'group',
    'aria-label': 'Reactions',
    hidden: true,
  });
  private readonly watching = h(
    'div',
    { class: 'watching-badge' },
    h('span', { class: 'live-dot' }),
    'Watching',
  );
  private readonly inline = h('div', { class: 'reaction-row', role: 'group', 'aria-label': 'Reactions' });
  private typingOn = false;
  private lastSent: { text: string; at: number } | null = null;
  private idle: ReturnType<typeof setTimeout> | null = null;
  private state: ComposerModel['state'] | '' = '';

  constructor(private readonly actions: ComposerActions) {
    for (const emoji of REACTIONS) {
      this.tray.append(this.reactionButton(emoji));
      this.inline.append(this.reactionButton(emoji));
    }
    this.el.append(this.tray, this.watching, this.inline, this.trayToggle, this.input, this.send);
    this.el.addEventListener('submit', (e) => {
      e.preventDefault();
      this.submit();
    });
    this.input.addEventListener('input', () => this.onInput());
    this.input.addEventListener('blur', () => this.setTyping(false));
    this.trayToggle.addEventListener('click', () => this.toggleTray());
  }

  /** Applies who this person is and whether they may talk now. */
  set(model: ComposerModel): void {
    this.input.placeholder = model.placeholder;
    if (model.state === this.state) return;
    this.state = model.state;
    const watch = model.state === 'watch';
    this.el.classList.toggle('is-watching', watch);
    this.watching.hidden = !watch;
    this.inline.hidden = !watch;
    this.input.hidden = watch;
    this.send.hidden = watch;
    this.trayToggle.hidden = watch;
    if (watch) this.toggleTray(false);
    const canType = model.state === 'say';
    this.input.disabled = !canType;
    this.send.disabled = !canType;
    if (!canType) this.setTyping(false);
  }

  /** Puts the cursor in the text box. */
  focus(): void {
    this.input.focus();
  }

  /**
   * Puts the last message back in an empty box when the server refused it (rate limit, rules,
   * full queue), so what the person typed is never lost.
   */
  restoreRefused(): void {
    const last = this.lastSent;
    this.lastSent = null;
    if (!last || performance.now() - last.at > REFUSAL_WINDOW_MS || this.input.value.trim()) return;
    this.input.value = last.text;
  }

  private submit(): void {
    const text = this.input.value.trim();
    if (!text || this.state !== 'say') return;
    if (!this.actions.say(text)) return;
    this.lastSent = { text, at: performance.now() };
    this.input.value = '';
    this.setTyping(false);
  }

  private onInput(): void {
    const has = this.input.value.trim().length > 0;
    this.setTyping(has);
    if (this.idle) clearTimeout(this.idle);
    if (has) this.idle = setTimeout(() => this.setTyping(false), TYPING_IDLE_MS);
  }

  private setTyping(on: boolean): void {
    if (on === this.typingOn) return;
    this.typingOn = on;
    this.actions.typing(on);
  }

  private toggleTray(open = this.tray.hidden): void {
    this.tray.hidden = !open;
    this.trayToggle.setAttribute('aria-expanded', String(open));
  }

  private reactionButton(emoji: string): HTMLButtonElement {
    return h(
      'button',
      {
        class: 'reaction-btn',
        type: 'button',
        'aria-label': `React ${emoji}`,
        onclick: () => this.actions.react(emoji),
      },
      emoji,
    );
  }
}
