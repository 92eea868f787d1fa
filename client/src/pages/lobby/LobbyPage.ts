import { ApiClient, browserStorage, TokenStore } from '../../net';
import { AvatarReview } from './avatarReview';
import { h, icon, Toasts } from '../../ui/dom';
import { CharacterEditor } from './characterEditor';
import { CharacterPicker } from './characterPicker';
import { CreateRoomCard } from './createRoomCard';
import { NameCard } from './nameCard';
import { RoomList } from './roomList';

/** How often the room list refreshes while the lobby is visible (ms). */
export const ROOMS_REFRESH_MS = 10_000;

/** The lobby (`/`): enter a name, choose or make a character, start a room and share its links, or watch a live room. */
export function startLobbyPage(root: HTMLElement): void {
  document.title = 'Kotodama · talk to an AI character together';
  const api = new ApiClient(new TokenStore(browserStorage()));
  const toasts = new Toasts();
  const rooms = new RoomList();
  const refresh = (): void => {
    void api.rooms().then(
      (list) => rooms.set(list),
      (err: Error) => rooms.set(`Could not load the rooms: ${err.message}`),
    );
  };
  const { picker, editor, reload } = characterCatalogue(api, toasts);
  const create = new CreateRoomCard(api, picker, (m) => toasts.show(m, 'ok'), refresh);
  const names = new NameCard(api, () => create.render());
  const review = new AvatarReview(api); // admins only: hidden for everyone else
  let userId = api.tokens.session?.user.id;
  api.tokens.onChange((s) => {
    if (s?.user.id !== userId) {
      userId = s?.user.id;
      reload();
      void review.load();
    }
  }); // a new person: their own characters
  root.replaceChildren(
    h(
      'div',
      { class: 'lobby' },
      h(
        'header',
        { class: 'lobby-header' },
        h(
          'a',
          { class: 'brand', href: '/' },
          h('span', { class: 'brand-mark', 'aria-hidden': 'true' }, icon('mark', 20)),
          h('span', { class: 'brand-name' }, 'Kotodama'),
        ),
      ),
      h(
        'main',
        { class: 'lobby-main' },
        h(
          'section',
          { class: 'hero' },
          h('h1', {}, 'Talk to an AI character ', h('span', { class: 'accent' }, 'together.')),
          h(
            'p',
            { class: 'lead' },
            'One character, one voice, one performance — in sync on every screen. Bring friends to talk, or share a link for people to watch.',
          ),
        ),
        h(
          'div',
          { class: 'lobby-grid' },
          h('div', { class: 'lobby-col' }, names.el, create.el, review.el),
          rooms.el,
        ),
      ),
      h(
        'footer',
        { class: 'lobby-footer' },
        'Kotodama · rooms are live; nothing is recorded in your browser but your guest name.',
      ),
      editor.el,
      toasts.el,
    ),
  );
  reload();
  refresh();
  void review.load();
  setInterval(() => {
    if (document.visibilityState === 'visible') refresh();
  }, ROOMS_REFRESH_MS);
}

/** The character picker and its editor, and `reload` (after a sign-in or a change), selecting `select` if given. */
function characterCatalogue(api: ApiClient, toasts: Toasts) {
  const reload = (select?: string): void => {
    const userId = api.tokens.session?.user.id ?? null;
    void Promise.all([
      api.characters(),
      api.avatars().then(
        (c) => c.avatars,
        () => [],
      ),
    ]).then(
      ([characters, avatars]) => picker.set(characters, avatars, userId, select),
      (err: Error) => {
        picker.set([], [], userId);
        toasts.show(`Could not load the characters: ${err.message}`, 'error');
      },
    );
  };
  const editor = new CharacterEditor(api, {
    saved: (c, created) => {
      toasts.show(created ? `${c.name} is ready: choose a mode and create a room` : `${c.name} saved`, 'ok');
      reload(c.id);
    },
    deleted: (c) => {
      toasts.show(`${c.name} deleted`, 'ok');
      reload();
    },
  });
  const picker = new CharacterPicker({ edit: (c) => editor.open(c), create: () => editor.open(null) });
  return { picker, editor, reload };
}
