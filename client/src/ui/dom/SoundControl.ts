import { h } from './h';
import { icon } from './icons';

/** The audio the control drives (the page's UtterancePlayer). */
export interface SoundTarget {
  volume: number;
  muted: boolean;
  readonly blocked: boolean;
  unlock(): Promise<boolean>;
  onBlockedChange(fn: (blocked: boolean) => void): () => void;
}

const KEY = 'kotodama.sound';

/**
 * Volume and mute (remembered across visits) in a small popover, plus a one-tap "enable sound"
 * button while the browser blocks autoplay. Any tap on the page also unlocks audio.
 */
export class SoundControl {
  readonly button = h(
    'button',
    {
      class: 'btn btn-icon',
      type: 'button',
      'aria-label': 'Sound',
      'aria-haspopup': 'true',
      'aria-expanded': 'false',
    },
    icon('sound'),
  );
  readonly gate = h(
    'button',
    { class: 'sound-gate', type: 'button', hidden: true },
    icon('sound', 20),
    'Tap to enable sound',
  );
  private readonly slider = h('input', { type: 'range', min: 0, max: 100, step: 1, 'aria-label': 'Volume' });
  private readonly mute = h('input', { type: 'checkbox', id: 'sound-mute' });
  readonly popover = h(
    'div',
    { class: 'popover sound-popover', role: 'dialog', 'aria-label': 'Sound', hidden: true },
    h('div', { class: 'popover-title' }, 'Voice volume'),
    this.slider,
    h('label', { class: 'check', for: 'sound-mute' }, this.mute, 'Mute the character'),
  );

  constructor(private readonly target: SoundTarget) {
    this.restore();
    this.slider.addEventListener('input', () => {
      target.volume = Number(this.slider.value) / 100;
      if (target.muted && target.volume > 0) target.muted = false;
      this.save();
    });
    this.mute.addEventListener('change', () => {
      target.muted = this.mute.checked;
      this.save();
    });
    this.button.addEventListener('click', () => this.toggle());
    this.gate.addEventListener('click', () => void this.unlock());
    target.onBlockedChange((b) => {
      this.gate.hidden = !b;
    });
    this.gate.hidden = !target.blocked;
    const anyTap = (): void => {
      void target.unlock();
    };
    addEventListener('pointerdown', anyTap, { once: true, capture: true });
    addEventListener('keydown', anyTap, { once: true, capture: true });
  }

  private async unlock(): Promise<void> {
    if (await this.target.unlock()) this.gate.hidden = true;
  }

  private toggle(open = this.popover.hidden): void {
    this.popover.hidden = !open;
    this.button.setAttribute('aria-expanded', String(open));
    if (open) {
      const close = (e: Event): void => {
        if (this.popover.contains(e.target as Node) || this.button.contains(e.target as Node)) return;
        this.toggle(false);
        removeEventListener('pointerdown', close, true);
      };
      addEventListener('pointerdown', close, true);
    }
  }

  private render(): void {
    this.slider.value = String(Math.round(this.target.volume * 100));
    this.mute.checked = this.target.muted;
    this.button.replaceChildren(icon(this.target.muted || this.target.volume === 0 ? 'muted' : 'sound'));
  }

  private save(): void {
    this.render();
    try {
      localStorage.setItem(KEY, JSON.stringify({ volume: this.target.volume, muted: this.target.muted }));
    } catch {
      /* private mode */
    }
  }

  private restore(): void {
    try {
      const saved = JSON.parse(localStorage.getItem(KEY) ?? 'null') as {
        volume?: number;
        muted?: boolean;
      } | null;
      if (typeof saved?.volume === 'number') this.target.volume = saved.volume;
      if (typeof saved?.muted === 'boolean') this.target.muted = saved.muted;
    } catch {
      /* nothing saved */
    }
    this.render();
  }
}
