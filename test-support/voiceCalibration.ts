/**
 * Derives the lip-sync vowel templates (server/voice/lipsync/vowelTemplates.ts) from ONE
 * eSpeak NG voice at its default pitch (sustained vowels, plus the vowels of running speech
 * placed by the text alignment) and from the recorded flite voices speaking the development
 * sentences (placed by flite's phone times; needs the flite binary). Every other eSpeak voice,
 * and the held-out sentences, are left for measurement.
 *
 *   npx tsx test-support/voiceCalibration.ts            # print the file
 *   npx tsx test-support/voiceCalibration.ts --write    # overwrite it
 *   npx tsx test-support/voiceCalibration.ts --exclude-voice awb   # leave a flite voice out (repeatable),
 *                                                                  # to measure generalisation to it
 *
 * The flite vowels are normalised with the per-utterance shift fitted against the templates in
 * force, so after a change run `--write` until the file stops changing (two or three runs).
 */
import { writeFile } from 'node:fs/promises';
import { type Viseme } from '@shared';
import { EspeakEngine } from '../server/voice/espeak/EspeakEngine';
import { matchClausesToAudio } from '../server/voice/lipsync/clauseSpans';
import { analyzeFrames, frameTimeMs, type FrameFeatures } from '../server/voice/lipsync/frameAnalysis';
import { ipaNuclei } from '../server/voice/lipsync/ipaVowels';
import { vowelsFromKana } from '../server/voice/lipsync/kanaVowels';
import { gateSilence } from '../server/voice/lipsync/silenceGate';
import { alignVowelFrames } from '../server/voice/lipsync/textAlignment';
import { type VowelClause } from '../server/voice/lipsync/vowelClause';
import { visemeForArpabet, visemeForIpa } from '../server/voice/lipsync/vowelMap';
import { vowelness } from '../server/voice/lipsync/vowelness';
import { type SpeakerNormalisation, speakerNormalisation } from '../server/voice/lipsync/vowelClassifier';
import { decodeWav } from '../server/voice/wav';
import { FLITE_VOICES, fliteAvailable, synthesizeWithFlite } from './voiceCorpus';
import {
  CALIBRATION_SENTENCES_EN,
  CALIBRATION_SENTENCES_JA,
  DEVELOPMENT_SENTENCES_EN,
} from './voiceSentences';

const VOICE_EN = 'en-us';
const VOICE_JA = 'ja';
const SUSTAINED_EN: [string, Viseme][] = [
  ['A:', 'A'],
  ['a', 'A'],
  ['V', 'A'],
  ['@', 'A'],
  ['i:', 'I'],
  ['I', 'I'],
  ['u:', 'U'],
  ['U', 'U'],
  ['3:', 'U'],
  ['E', 'E'],
  ['eI', 'E'],
  ['O:', 'O'],
  ['oU', 'O'],
];
/**
 * Categories left out of the templates, each measured on the development sentences and the
 * held-out eSpeak voices: ʊ and ɜ (eSpeak's U, 3:) sit mid-space, exactly where running speech
 * puts reduced vowels of every class, and as U templates they pulled A, E and O frames to U
 * (audio-only vowel centres 48 % → 56 %); the running-speech æ, ə, ɐ and a reach into E's
 * space and cost other voices' sustained E (sustained frames 90 % → 96 %).
 */
const EXCLUDED = /^(sustained en-us (U|3:)|running en (ʊ|ɜ|æ|ə|ɐ|a))$/u;
const SUSTAINED_JA: [string, Viseme][] = [
  ['ああああああ', 'A'],
  ['いいいいいい', 'I'],
  ['うううううう', 'U'],
  ['ええええええ', 'E'],
  ['おおおおおお', 'O'],
];

/** Frames of one vowel category, as (ln F1, ln F2, ln F3) after speaker normalisation. */
type Samples = Map<string, { viseme: Viseme; points: number[][] }>;

function add(
  samples: Samples,
  key: string,
  viseme: Viseme,
  features: FrameFeatures,
  i: number,
  n: SpeakerNormalisation,
): void {
  if (
    !Number.isFinite(features.f1[i]) ||
    !Number.isFinite(features.f2[i]) ||
    !Number.isFinite(features.f3[i])
  )
    return;
  const entry = samples.get(key) ?? { viseme, points: [] };
  entry.points.push([
    Math.log(features.f1[i]) - n.f1,
    Math.log(features.f2[i]) - n.f2,
    Math.log(features.f3[i]) - n.f3,
  ]);
  samples.set(key, entry);
}

async function sustained(engine: EspeakEngine, samples: Samples, f3: number[]): Promise<void> {
  const items = [
    ...SUSTAINED_EN.map(([ph, v]) => ({
      voice: VOICE_EN,
      input: `[[${ph.repeat(6)}]]`,
      key: `sustained ${VOICE_EN} ${ph}`,
      viseme: v,
    })),
    ...SUSTAINED_JA.map(([text, v]) => ({
      voice: VOICE_JA,
      input: text,
      key: `sustained ${VOICE_JA} ${v}`,
      viseme: v,
    })),
  ];
  const clips = [];
  for (const item of items) {
    const { wav } = await engine.run(['-v', item.voice, '-p', '50', '-s', '80'], item.input, true);
    const audio = decodeWav(wav!);
    const features = analyzeFrames(audio.pcm, audio.sampleRate);
    const peak = Math.max(...features.levelDb);
    const loud = [...features.levelDb.keys()].filter((i) => features.levelDb[i] >= peak - 20);
    clips.push({ item, features, loud });
  }
  // A sustained vowel's F3 is compared with the median over all of its voice's vowels, as an
  // utterance's frames are with the utterance's median.
  const medianF3 = new Map<string, number>();
  for (const voice of [VOICE_EN, VOICE_JA]) {
    const values = clips
      .filter((c) => c.item.voice === voice)
      .flatMap((c) => c.loud.map((i) => c.features.f3[i]).filter(Number.isFinite));
    medianF3.set(voice, median(values));
    if (voice === VOICE_EN) f3.push(...values);
  }
  for (const { item, features, loud } of clips) {
    for (const i of loud)
      add(samples, item.key, item.viseme, features, i, {
        f1: 0,
        f2: 0,
        f3: Math.log(medianF3.get(item.voice)!),
      });
  }
}

/**
 * Vowels of the recorded flite voices speaking the development sentences (never the held-out
 * ones), placed by flite's own phone times; the middle half of each vowel is kept.
 */
async function recorded(samples: Samples, excluded: readonly string[]): Promise<void> {
  for (const voice of FLITE_VOICES.filter((v) => !excluded.includes(v))) {
    for (const text of DEVELOPMENT_SENTENCES_EN) {
      const speech = await synthesizeWithFlite(text, voice);
      const features = analyzeFrames(speech.pcm, speech.sampleRate);
      const gate = gateSilence(features.centreDb, features.hopMs);
      const normalisation = speakerNormalisation(features, gate.open, vowelness(features, gate.open));
      for (const phone of speech.phones) {
        const viseme = visemeForArpabet(phone.phone);
        const quarter = (phone.endMs - phone.startMs) / 4;
        for (let i = 0; viseme && i < features.count; i++) {
          const t = frameTimeMs(features, i);
          if (gate.open[i] && t > phone.startMs + quarter && t < phone.endMs - quarter)
            add(samples, `recorded flite ${phone.phone}`, viseme, features, i, normalisation);
        }
      }
    }
  }
}

/** Vowels of running speech, placed by the text alignment; only each vowel's middle half is kept. */
async function running(engine: EspeakEngine, samples: Samples): Promise<void> {
  const items = [
    ...CALIBRATION_SENTENCES_EN.map((text) => ({ voice: VOICE_EN, text })),
    ...CALIBRATION_SENTENCES_JA.map((text) => ({ voice: VOICE_JA, text })),
  ];
  for (const { voice, text } of items) {
    const { wav, lines } = await engine.run(['-v', voice, '--ipa'], text, true);
    const audio = decodeWav(wav!);
    const features = analyzeFrames(audio.pcm, audio.sampleRate);
    const gate = gateSilence(features.centreDb, features.hopMs);
    const scale = speakerNormalisation(features, gate.open);
    const vowelnessOf = vowelness(features, gate.open);
    const labels = new Map<VowelClause, string[]>();
    const clauses: VowelClause[] =
      voice === VOICE_JA
        ? vowelsFromKana(text).map((clause) => {
            labels.set(
              clause,
              clause.vowels.map((v) => `running ja ${v}`),
            );
            return clause;
          })
        : lines.map((line) => {
            const nuclei = ipaNuclei(line);
            const clause = {
              vowels: nuclei.map((n) => visemeForIpa(n[0])!),
              readable: true,
              beats: nuclei.length,
            };
            labels.set(
              clause,
              nuclei.map((n) => `running en ${n[0]}`),
            );
            return clause;
          });
    for (const span of matchClausesToAudio(
      gate.open,
      clauses.filter((c) => c.vowels.length > 0),
      features.hopMs,
    )) {
      const vowels = span.clauses.flatMap((c) => c.vowels);
      const keys = span.clauses.flatMap((c) => labels.get(c)!);
      const at = alignVowelFrames(features, vowelnessOf, scale, vowels, span.from, span.to);
      for (let j = 0; j < vowels.length; j++) {
        const frames = [...at.keys()].filter((t) => at[t] === j);
        const core = frames.slice(Math.floor(frames.length / 4), Math.ceil((frames.length * 3) / 4));
        for (const t of core) add(samples, keys[j], vowels[j], features, span.from + t, scale);
      }
    }
  }
}

/** The values of every `--exclude-voice NAME` argument, each checked against FLITE_VOICES. */
function excludedVoices(): string[] {
  const names = process.argv.flatMap((arg, i) => (arg === '--exclude-voice' ? [process.argv[i + 1]] : []));
  for (const name of names) {
    if (!(FLITE_VOICES as readonly string[]).includes(name))
      throw new Error(`--exclude-voice takes one of ${FLITE_VOICES.join(', ')}; got ${name ?? 'nothing'}`);
  }
  return names;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function spread(values: number[]): number {
  const m = median(values);
  return 1.4826 * median(values.map((v) => Math.abs(v - m)));
}

/**
 * Mean and covariance (packed c11 c12 c13 c22 c23 c33) of the points within 3 robust spreads of
 * the median in every dimension: formant-tracking slips (F2 taken for F1, …) would otherwise
 * dominate the covariance.
 */
function moments(points: number[][]): { mean: number[]; covariance: number[] } {
  const centre = [0, 1, 2].map((d) => median(points.map((p) => p[d])));
  const reach = [0, 1, 2].map((d) => 3 * Math.max(0.01, spread(points.map((p) => p[d]))));
  const kept = points.filter((p) => p.every((x, d) => Math.abs(x - centre[d]) <= reach[d]));
  const mean = [0, 1, 2].map((d) => kept.reduce((sum, p) => sum + p[d], 0) / kept.length);
  const cov = (a: number, b: number) =>
    kept.reduce((sum, p) => sum + (p[a] - mean[a]) * (p[b] - mean[b]), 0) / kept.length;
  return { mean, covariance: [cov(0, 0), cov(0, 1), cov(0, 2), cov(1, 1), cov(1, 2), cov(2, 2)] };
}

function render(samples: Samples, f3: number): string {
  const numbers = (values: number[]) => values.map((v) => v.toFixed(4)).join(', ');
  const rows = [...samples.entries()]
    .filter(([key, s]) => s.points.length >= 12 && !EXCLUDED.test(key))
    .map(([key, s]) => {
      const { mean, covariance } = moments(s.points);
      return `  { viseme: '${s.viseme}', source: '${key}', mean: [${numbers(mean)}], covariance: [${numbers(covariance)}] },`;
    });
  return `/**
 * Vowel templates in speaker-normalised log-formant space (ln F1, ln F2, ln F3 relative to the
 * utterance's median F3), measured by \`npx tsx test-support/voiceCalibration.ts\` from ONE eSpeak NG
 * voice (en-us and ja at the default pitch: sustained vowels, and running speech placed by the
 * text alignment) and from the recorded flite voices speaking the development sentences (placed
 * by flite's phone times). Other voices are normalised to the eSpeak voice through F3. Several
 * components per shape: English has more vowels than VRM has mouths. Generated file: edit the
 * calibration, not the numbers.
 */
import { type Viseme } from '@shared';

/** One Gaussian component: mean and covariance (c11 c12 c13 c22 c23 c33) of the three features. */
export interface VowelTemplate {
  viseme: Viseme;
  source: string;
  mean: [number, number, number];
  covariance: [number, number, number, number, number, number];
}

/** Median F3 (Hz) of the calibration voice: the reference for speaker normalisation. */
export const CALIBRATION_F3_HZ = ${Math.round(f3)};

export const VOWEL_TEMPLATES: readonly VowelTemplate[] = [
${rows.join('\n')}
];
`;
}

async function main(): Promise<void> {
  const excluded = excludedVoices();
  const engine = new EspeakEngine();
  try {
    const samples: Samples = new Map();
    const f3: number[] = [];
    await sustained(engine, samples, f3);
    if (!process.argv.includes('--sustained-only')) await running(engine, samples);
    if (!process.argv.includes('--sustained-only')) {
      if (!fliteAvailable())
        throw new Error('the recorded-voice templates need flite: apt-get install -y flite');
      await recorded(samples, excluded);
    }
    const source = render(samples, median(f3));
    if (process.argv.includes('--write')) {
      await writeFile(new URL('../server/voice/lipsync/vowelTemplates.ts', import.meta.url), source);
      console.log('wrote server/voice/lipsync/vowelTemplates.ts');
    } else {
      console.log(source);
    }
  } finally {
    await engine.close();
  }
}

await main();
