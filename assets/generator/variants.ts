import type { HairKind } from './hair';

/** Colours of one avatar (sRGB hex). */
export interface Palette {
  skin: string;
  blush: string;
  hair: string;
  eyes: string;
  lash: string;
  top: string;
  collar: string;
  skirt: string;
  accent: string;
  socks: string;
  shoes: string;
}

/** One default avatar the generator builds. */
export interface AvatarVariant {
  /** File name stem under assets/avatars/. */
  id: string;
  /** VRM meta title. */
  title: string;
  hair: HairKind;
  palette: Palette;
}

/** The built-in avatars; the first is the default character. */
export const VARIANTS: readonly AvatarVariant[] = [
  {
    id: 'kotoha',
    title: 'Kotoha',
    hair: 'twinTails',
    palette: {
      skin: '#ffe4d6',
      blush: '#ff9aa6',
      hair: '#3d4f86',
      eyes: '#1fa5a0',
      lash: '#2a1d2b',
      top: '#f6f1e7',
      collar: '#34406e',
      skirt: '#34406e',
      accent: '#e3475e',
      socks: '#2c2f45',
      shoes: '#6b3f33',
    },
  },
  {
    id: 'haru',
    title: 'Haru',
    hair: 'bob',
    palette: {
      skin: '#ffe6da',
      blush: '#ff8fa0',
      hair: '#f2a7b0',
      eyes: '#8a5fd6',
      lash: '#4a2335',
      top: '#b9a7ea',
      collar: '#ffffff',
      skirt: '#4a4560',
      accent: '#ffcf5a',
      socks: '#f4f2f8',
      shoes: '#4a4560',
    },
  },
  {
    id: 'sora',
    title: 'Sora',
    hair: 'ponytail',
    palette: {
      skin: '#f9dcc8',
      blush: '#f59a8f',
      hair: '#c7773f',
      eyes: '#3f8f4d',
      lash: '#3a2119',
      top: '#7cbbe8',
      collar: '#ffffff',
      skirt: '#2f5d7c',
      accent: '#ffffff',
      socks: '#1f2a36',
      shoes: '#f0efe9',
    },
  },
];
