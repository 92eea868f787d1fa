/**
 * Derives the lip-sync vowel templates (server/voice/lipsync/vowelTemplates.ts) from ONE
 * eSpeak NG voice at its default pitch: sustained vowels, plus the vowels of running speech
 * placed by the text alignment. Every other voice is left for measurement.
 *
 *   npx tsx test-support/voiceCalibration.ts            # print the file
 *   npx tsx test-support/voiceCalibration.ts --write    # overwrite it
 */
import { writeFile } from 'node:fs/promises';
import { type Viseme } from '@shared';
import { EspeakEngine } from '../server/voice/espeak/EspeakEngine';
import { matchClausesToAudio } from '../server/voice/lipsync/clauseSpans';
import { analyzeFrames, type FrameFeatures } from '../server/voice/lipsync/frameAnalysis';
import { ipaNuclei } from '../server/voice/lipsync/ipaVowels';
import { vowelsFromKana } from '../server/voice/lipsync/kanaVowels';
import { gateSilence } from '../server/voice/lipsync/silenceGate';
import { alignVowelFrames } from '../server/voice/lipsync/textAlignment';
import { type VowelClause } from '../server/voice/lipsync/vowelClause';
import { visemeForIpa } from '../server/voice/lipsync/vowelMap';
import { vowelness } from '../server/voice/lipsync/vowelness';
import { type SpeakerNormalisation, speakerNormalisation } from '../server/voice/lipsync/vowelClassifier';
import { decodeWav } from '../server/voice/wav';
import { CALIBRATION_SENTENCES_EN, CALIBRATION_SENTENCES_JA } from './voiceSentences';

const VOICE_EN = 'en-us';
const VOICE_JA = 'ja';
const SUSTAINED_EN: [string, Viseme][] = [
  ['A:', 'A'], ['a', 'A'], ['V', 'A'], ['@', 'A'], ['i:', 'I'], ['I', 'I'], ['u:', 'U'], ['U', 'U'],
  ['3:', 'U'], ['E', 'E'], ['eI', 'E'], ['O:', 'O'], ['oU', 'O'],
];
/**
 * Categories left out of the templates, each measured on the development sentences and the
 * held-out eSpeak voices: ʊ and ɜ (eSpeak's U, 3:) sit mid-space, exactly where running speech
 * puts reduced vowels of every class, and as U templates they pulled A, E and O frames to U
 * (audio-only vowel centres 48 % → 56 %); the running-speech æ, ə, ɐ and a reach into E's
 * space and cost other voices' sustained E (sustained frames 90 % → 96 %).
 */
const EXCLUDED = /^(sustained en-us (U|3:)|running en (ʊ|ɜ|æ|ə|ɐ|a))$/u;
const SUSTAINED_JA: [string, Viseme][] = [['ああああああ', 'A'], ['いいいいいい', 'I'], ['うううううう', 'U'], ['ええええええ', 'E'], ['おおおおおお', 'O']];

/** Frames of one vowel category, as (ln F1, ln F2) after speaker normalisation. */
type Samples = Map<string, { viseme: Viseme; points: [number, number][] }>;

function add(samples: Samples, key: string, viseme: Viseme, features: FrameFeatures, i: number, n: SpeakerNormalisation): void {
  if (!Number.isFinite(features.f1[i]) || !Number.isFinite(features.f2[i])) return;
  const entry = samples.get(key) ?? { viseme, points: [] };
  entry.points.push([Math.log(features.f1[i]) - n.f1, Math.log(features.f2[i]) - n.f2]);
  samples.set(key, entry);
}

async function sustained(engine: EspeakEngine, samples: Samples, f3: number[]): Promise<void> {
  const items = [
    ...SUSTAINED_EN.map(([ph, v]) => ({ voice: VOICE_EN, input: `[[${ph.repeat(6)}]]`, key: `sustained ${VOICE_EN} ${ph}`, viseme: v })),
    ...SUSTAINED_JA.map(([text, v]) => ({ voice: VOICE_JA, input: text, key: `sustained ${VOICE_JA} ${v}`, viseme: v })),
  ];
  for (const item of items) {
    const { wav } = await engine.run(['-v', item.voice, '-p', '50', '-s', '80'], item.input, true);
    const audio = decodeWav(wav!);
    const features = analyzeFrames(audio.pcm, audio.sampleRate);
    const peak = Math.max(...features.levelDb);
    for (let i = 0; i < features.count; i++) {
      if (features.levelDb[i] < peak - 20) continue;
      add(samples, item.key, item.viseme, features, i, { f1: 0, f2: 0 });
      if (item.voice === VOICE_EN && Number.isFinite(features.f3[i])) f3.push(features.f3[i]);
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
    const clauses: VowelClause[] = voice === VOICE_JA
      ? vowelsFromKana(text).map((clause) => { labels.set(clause, clause.vowels.map((v) => `running ja ${v}`)); return clause; })
      : lines.map((line) => {
        const nuclei = ipaNuclei(line);
        const clause = { vowels: nuclei.map((n) => visemeForIpa(n[0])!), readable: true, beats: nuclei.length };
        labels.set(clause, nuclei.map((n) => `running en ${n[0]}`));
        return clause;
      });
    for (const span of matchClausesToAudio(gate.open, clauses.filter((c) => c.vowels.length > 0), features.hopMs)) {
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

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function spread(values: number[]): number {
  const m = median(values);
  return 1.4826 * median(values.map((v) => Math.abs(v - m)));
}

function render(samples: Samples, f3: number): string {
  const rows = [...samples.entries()]
    .filter(([key, s]) => s.points.length >= 12 && !EXCLUDED.test(key))
    .map(([key, s]) => {
      const l1 = s.points.map((p) => p[0]);
      const l2 = s.points.map((p) => p[1]);
      return `  { viseme: '${s.viseme}', source: '${key}', mean: [${median(l1).toFixed(3)}, ${median(l2).toFixed(3)}], spread: [${spread(l1).toFixed(3)}, ${spread(l2).toFixed(3)}] },`;
    });
  return `/**
 * Vowel templates in speaker-normalised log-formant space (ln F1, ln F2), measured from ONE
 * eSpeak NG voice (en-us and ja at the default pitch) by \`npx tsx test-support/voiceCalibration.ts\`:
 * sustained vowels, and the vowels of running speech placed by the text alignment. Other voices
 * are normalised to it through F3. Several components per shape: English has more vowels than
 * VRM has mouths. Generated file: edit the calibration, not the numbers.
 */
import { type Viseme } from '@shared';

/** One Gaussian component: median and robust spread (MAD·1.4826) of ln F1 and ln F2. */
export interface VowelTemplate { viseme: Viseme; source: string; mean: [number, number]; spread: [number, number] }

/** Median F3 (Hz) of the calibration voice: the reference for speaker normalisation. */
export const CALIBRATION_F3_HZ = ${Math.round(f3)};

export const VOWEL_TEMPLATES: readonly VowelTemplate[] = [
${rows.join('\n')}
];
`;
}

async function main(): Promise<void> {
  const engine = new EspeakEngine();
  try {
    const samples: Samples = new Map();
    const f3: number[] = [];
    await sustained(engine, samples, f3);
    if (!process.argv.includes('--sustained-only')) await running(engine, samples);
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
