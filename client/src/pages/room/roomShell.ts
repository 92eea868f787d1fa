import { h, icon, ProgressOverlay, Toasts } from '../../ui/dom';

/** The room page's static elements. */
export interface RoomShell {
  root: HTMLElement;
  stageCanvas: HTMLCanvasElement;
  hudCanvas: HTMLCanvasElement;
  topbar: HTMLElement;
  title: HTMLElement;
  actions: HTMLElement;
  membersButton: HTMLButtonElement;
  hostButton: HTMLButtonElement;
  bottom: HTMLElement;
  overlays: HTMLElement;
  progress: ProgressOverlay;
  toasts: Toasts;
}

/** Builds the room page's layers: 3D canvas, HUD canvas, top bar, bottom bar, overlays. */
export function createRoomShell(root: HTMLElement): RoomShell {
  const stageCanvas = h('canvas', {
    class: 'stage-canvas',
    'aria-label': 'The character on stage',
    'touch-action': 'none',
  });
  const hudCanvas = h('canvas', { class: 'hud-canvas', 'aria-hidden': 'true' });
  const title = h('div', { class: 'topbar-title' });
  const membersButton = h(
    'button',
    {
      class: 'btn btn-icon only-compact',
      type: 'button',
      'aria-label': 'People in the room',
      'aria-pressed': 'false',
    },
    icon('people'),
  );
  const hostButton = h(
    'button',
    { class: 'btn btn-host', type: 'button', hidden: true, 'aria-expanded': 'false' },
    icon('star', 18),
    h('span', { class: 'label' }, 'Host'),
  );
  const actions = h('div', { class: 'topbar-actions' }, membersButton, hostButton);
  const topbar = h(
    'header',
    { class: 'topbar' },
    h(
      'a',
      { class: 'brand', href: '/', 'aria-label': 'Back to the lobby' },
      h('span', { class: 'brand-mark', 'aria-hidden': 'true' }, icon('mark', 18)),
      h('span', { class: 'brand-name' }, 'Kotodama'),
    ),
    title,
    actions,
  );
  const bottom = h('div', { class: 'bottombar' });
  const overlays = h('div', { class: 'overlays' });
  const progress = new ProgressOverlay();
  const toasts = new Toasts();
  const page = h(
    'main',
    { class: 'room-page' },
    stageCanvas,
    hudCanvas,
    topbar,
    bottom,
    overlays,
    progress.el,
    toasts.el,
  );
  root.replaceChildren(page);
  return {
    root: page,
    stageCanvas,
    hudCanvas,
    topbar,
    title,
    actions,
    membersButton,
    hostButton,
    bottom,
    overlays,
    progress,
    toasts,
  };
}
