import { h } from './h';

/** The loading card over the stage: a progress bar and what is happening. */
export class ProgressOverlay {
  private readonly bar = h('div', { class: 'progress-fill' });
  private readonly track = h(
    'div',
    {
      class: 'progress-track',
      role: 'progressbar',
      'aria-valuemin': 0,
      'aria-valuemax': 100,
      'aria-valuenow': 0,
      'aria-label': 'Loading the character',
    },
    this.bar,
  );
  private readonly caption = h('div', { class: 'progress-caption' }, 'Loading…');
  readonly el = h(
    'div',
    { class: 'loading-overlay' },
    h(
      'div',
      { class: 'loading-card' },
      h('div', { class: 'loading-title' }, 'Getting the stage ready'),
      this.track,
      this.caption,
    ),
  );

  /** Sets the bar (0..1) and caption. */
  set(fraction: number, caption: string): void {
    const pct = Math.round(Math.min(1, Math.max(0, fraction)) * 100);
    this.bar.style.width = `${pct}%`;
    this.track.setAttribute('aria-valuenow', String(pct));
    this.caption.textContent = caption;
  }

  /** Fades out and removes itself. */
  done(): void {
    this.el.classList.add('done');
    setTimeout(() => this.el.remove(), 400);
  }

  /** Shows a failure in place of the bar. */
  fail(message: string): void {
    this.el.classList.add('failed');
    this.caption.textContent = message;
  }
}
