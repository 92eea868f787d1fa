import type { Viseme, VisemeKeyframe } from '@shared';

const LATIN: Record<string, Viseme> = { a: 'A', i: 'I', y: 'I', u: 'U', w: 'U', e: 'E', o: 'O' };
// Kana by vowel: each string holds the hiragana and katakana whose vowel is that viseme.
const KANA: [Viseme, string][] = [
  ['A', 'あかさたなはまやらわがざだばぱぁゃアカサタナハマヤラワガザダバパァャ'],
  ['I', 'いきしちにひみりぎじぢびぴぃイキシチニヒミリギジヂビピィ'],
  ['U', 'うくすつぬふむゆるぐずづぶぷぅゅっウクスツヌフムユルグズヅブプゥュッ'],
  ['E', 'えけせてねへめれげぜでべぺぇエケセテネヘメレゲゼデベペェ'],
  ['O', 'おこそとのほもよろをごぞどぼぽぉょオコソトノホモヨロヲゴゾドボポォョ'],
];
const KANA_VISEME = new Map<string, Viseme>();
for (const [v, chars] of KANA) for (const c of chars) KANA_VISEME.set(c, v);

/** The mouth shape a character of text suggests ('' for a pause, null for nothing). */
function shapeOf(ch: string): Viseme | '' | null {
  const lower = ch.toLowerCase();
  if (LATIN[lower]) return LATIN[lower];
  const kana = KANA_VISEME.get(ch);
  if (kana) return kana;
  if (/[\s.,!?;:、。！？…]/u.test(ch)) return '';
  if (/[\p{Script=Han}]/u.test(ch)) return 'A';
  return null;
}

/**
 * A simple mouth track for a sentence that came without one (text-only voice, or a voice
 * without viseme analysis): the vowels of the text spread evenly over its duration, closed at
 * pauses. The server's track, when there is one, is always preferred.
 *
 * @example textVisemes('Hi', 400) // → [[0,'I',0.6], [400,'I',0]]-like keys
 */
export function textVisemes(text: string, durationMs: number): VisemeKeyframe[] {
  const shapes: (Viseme | '')[] = [];
  for (const ch of text) {
    const s = shapeOf(ch);
    if (s === null) continue;
    if (s === '' && (shapes.length === 0 || shapes[shapes.length - 1] === '')) continue;
    shapes.push(s);
  }
  while (shapes.length && shapes[shapes.length - 1] === '') shapes.pop();
  if (shapes.length === 0 || durationMs <= 0) return [];
  const step = durationMs / shapes.length;
  const keys: VisemeKeyframe[] = shapes.map((s, i) => [
    Math.round(i * step),
    s || 'A',
    s ? 0.6 + (0.25 * ((i * 7) % 3)) / 2 : 0,
  ]);
  keys.push([Math.round(durationMs), keys[keys.length - 1][1], 0]);
  return keys;
}
