import type { AvatarInfo } from '../../net';
import { h } from '../../ui/dom';
import { initial } from './nameCard';

/** Built-in avatars are served as /avatars/<name>.vrm with a portrait beside them as /avatars/<name>.png. */
const BUILTIN_FILE = /^\/avatars\/([A-Za-z0-9_-]+)\.vrm$/;

/** The picture for an avatar: its own thumbnail, a built-in's portrait, or null (show the initial). */
export function portraitUrl(avatarUrl: string, avatar?: Pick<AvatarInfo, 'thumbnailUrl'>): string | null {
  if (avatar?.thumbnailUrl) return avatar.thumbnailUrl;
  const builtin = BUILTIN_FILE.exec(avatarUrl);
  return builtin ? `/avatars/${builtin[1]}.png` : null;
}

/**
 * A decorative square portrait: the picture when there is one, over the coloured initial that
 * shows while it loads and stays if it fails.
 */
export function portrait(name: string, url: string | null, colour: number, className = ''): HTMLElement {
  const el = h(
    'span',
    { class: `portrait portrait-${colour % 4} ${className}`.trim(), 'aria-hidden': 'true' },
    initial(name),
  );
  if (!url) return el;
  const img = h('img', { class: 'portrait-img', src: url, alt: '', loading: 'lazy', decoding: 'async' });
  img.addEventListener('error', () => img.remove(), { once: true });
  el.append(img);
  return el;
}
