/**
 * Mouth shapes from provider timestamps: each vowel mark holds its shape until the next mark;
 * frames of consonants take the nearer vowel's shape. Timestamps beat any analysis.
 */
import { VISEMES } from '@shared';
import { visemeForPhone } from './vowelMap';

/** A phone with its start time in ms. */
export interface PhoneMark {
  tMs: number;
  phoneme: string;
}

interface VowelInterval {
  from: number;
  to: number;
  shape: number;
}

/** True when the marks contain at least one vowel, i.e. they can drive the shapes. */
export function marksHaveVowels(marks: readonly PhoneMark[]): boolean {
  return marks.some((mark) => visemeForPhone(mark.phoneme) !== undefined);
}

/** Shape index for each frame time from the marks. */
export function labelFromMarks(
  marks: readonly PhoneMark[],
  timesMs: Float64Array,
  endMs: number,
  out: Int8Array,
): void {
  const sorted = [...marks].sort((a, b) => a.tMs - b.tMs);
  const vowels: VowelInterval[] = [];
  sorted.forEach((mark, k) => {
    const viseme = visemeForPhone(mark.phoneme);
    if (viseme)
      vowels.push({ from: mark.tMs, to: sorted[k + 1]?.tMs ?? endMs, shape: VISEMES.indexOf(viseme) });
  });
  if (vowels.length === 0) return;
  let v = 0;
  for (let i = 0; i < timesMs.length; i++) {
    const t = timesMs[i];
    while (v + 1 < vowels.length && vowels[v + 1].from <= t) v++;
    const current = vowels[v];
    const next = vowels[v + 1];
    // Inside a vowel: its shape; between two vowels: the nearer one's; before the first: the first's.
    const nearerIsNext = next !== undefined && t >= current.to && next.from - t < t - current.to;
    out[i] = nearerIsNext ? next.shape : current.shape;
  }
}
