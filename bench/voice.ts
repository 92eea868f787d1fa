/**
 * Voice stage benchmark: offline synthesis speed, viseme analysis speed, keyframe density and
 * lip-sync accuracy, printed as figures.
 *
 *   npx tsx bench/voice.ts              # everything (~1 min)
 *   npx tsx bench/voice.ts --speed-only # skip the accuracy section
 *
 * Speeds are multiples of real time (audio duration / processing time) per sentence, given at
 * the median (P50) and at the slow tail (P95 of processing time per second of audio). Every
 * sentence is processed ROUNDS times: "first" uses the first round, "best" each sentence's
 * fastest round (the code's own cost, less the neighbours' on a shared machine). Wall and CPU
 * time are both shown.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { type VisemeKeyframe, VISEMES } from '@shared';
import { EspeakTtsProvider } from '../server/voice/espeak/EspeakTtsProvider';
import { computeVisemeTrack } from '../server/voice/lipsync/computeVisemeTrack';
import { type SynthesizedSpeech } from '../server/voice/types';
import {
  emptyScores, FLITE_VOICES, fliteAvailable, keyframesPerSecond, onsetDelaysMs, overall, pauseClosure,
  scoreSustained, scoreVowelCentres, sustainedVowelClip, synthesizeWithFlite, type LabelledSpeech, type ShapeScores,
} from '../test-support/voiceCorpus';
import {
  CALIBRATION_SENTENCES_JA, DEVELOPMENT_SENTENCES_EN, TEST_SENTENCES_EN, TEST_SENTENCES_JA,
} from '../test-support/voiceSentences';

const SENTENCES: { text: string; language: 'en' | 'ja' }[] = [
  ...[...TEST_SENTENCES_EN, ...DEVELOPMENT_SENTENCES_EN].map((text) => ({ text, language: 'en' as const })),
  ...[...TEST_SENTENCES_JA, ...CALIBRATION_SENTENCES_JA].map((text) => ({ text, language: 'ja' as const })),
];
const ROUNDS = 3;
const HELD_OUT_VOICES = ['en-us+f1', 'en-us+f2', 'en-us+f4', 'en-us+f5', 'en-us+m2', 'en-us+m3', 'en-us+m5', 'en-us+m7'];

interface Sample { audioMs: number; wallMs: number; cpuMs: number }

/** Per sentence, its first round and its fastest round. */
function firstAndBest(rounds: Sample[][]): { first: Sample[]; best: Sample[] } {
  const first = rounds.map((r) => r[0]);
  const best = rounds.map((r) => ({ audioMs: r[0].audioMs, wallMs: Math.min(...r.map((x) => x.wallMs)), cpuMs: Math.min(...r.map((x) => x.cpuMs)) }));
  return { first, best };
}

function printSpeeds(rounds: Sample[][], target: string): void {
  const { first, best } = firstAndBest(rounds);
  console.log(`  wall, first:  ${multiples(first, 'wallMs')} real time   (target ${target})`);
  console.log(`  wall, best:   ${multiples(best, 'wallMs')}`);
  console.log(`  CPU, best:    ${multiples(best, 'cpuMs')}`);
}

/** Wall and process CPU time of `work` (CPU includes the eSpeak worker thread, the main thread being idle meanwhile). */
async function timed<T>(work: () => Promise<T> | T): Promise<{ value: T; wallMs: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = await work();
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { value, wallMs, cpuMs: (used.user + used.system) / 1000 };
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** "P50 ×N, P95 ×M" where P95 is the slow tail (95th percentile of time per audio second). */
function multiples(samples: Sample[], key: 'wallMs' | 'cpuMs'): string {
  const perSecond = samples.map((s) => s[key] / s.audioMs);
  return `P50 ×${(1 / quantile(perSecond, 0.5)).toFixed(0)}, P95 ×${(1 / quantile(perSecond, 0.95)).toFixed(0)}`;
}

function percent(x: number): string {
  return `${(100 * x).toFixed(1)} %`;
}

function perShape(scores: ShapeScores): string {
  return VISEMES.map((v) => `${v} ${percent(scores[v].right / scores[v].total)} (${scores[v].total})`).join(', ');
}

async function synthesisSpeed(voice: EspeakTtsProvider): Promise<SynthesizedSpeech[]> {
  const cold = await timed(() => voice.synthesize({ text: 'Hello.', language: 'en', voice: {} }));
  const rounds: Sample[][] = SENTENCES.map(() => []);
  const speech: SynthesizedSpeech[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const [k, { text, language }] of SENTENCES.entries()) {
      // Sequential, as the agent speaks one sentence after another.
      const run = await timed(() => voice.synthesize({ text, language, voice: {} }));
      rounds[k].push({ audioMs: run.value.durationMs, wallMs: run.wallMs, cpuMs: run.cpuMs });
      speech[k] = run.value;
    }
  }
  const audio = speech.reduce((n, s) => n + s.durationMs, 0) / 1000;
  const first = rounds.map((r) => r[0].wallMs);
  console.log(`\nOffline synthesis (eSpeak NG WASM, 1 worker thread, ${SENTENCES.length} sentences, ${audio.toFixed(1)} s of audio, en + ja)`);
  console.log(`  first call after start (loads and compiles the module):  ${cold.wallMs.toFixed(0)} ms`);
  printSpeeds(rounds, '≥ ×20');
  console.log(`  per sentence (first round): P50 ${quantile(first, 0.5).toFixed(0)} ms, P95 ${quantile(first, 0.95).toFixed(0)} ms`);
  return speech;
}

async function analysisSpeed(speech: { pcm: Float32Array; sampleRate: number; durationMs: number; text: string; language: 'en' | 'ja'; phonemes?: string[] }[]): Promise<void> {
  for (const s of speech.slice(0, 5)) computeVisemeTrack(s); // JIT warm-up
  const rounds: Sample[][] = speech.map(() => []);
  const density: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const [k, s] of speech.entries()) {
      let track: VisemeKeyframe[] = [];
      const run = await timed(() => { track = computeVisemeTrack(s); });
      rounds[k].push({ audioMs: s.durationMs, wallMs: run.wallMs, cpuMs: run.cpuMs });
      if (round === 0) density.push(keyframesPerSecond(track, s.durationMs));
    }
  }
  console.log(`\nViseme analysis (${speech.length} utterances with their text, main thread)`);
  printSpeeds(rounds, '≥ ×200');
  console.log(`  keyframes per second: P50 ${quantile(density, 0.5).toFixed(1)}, P95 ${quantile(density, 0.95).toFixed(1)}, max ${Math.max(...density).toFixed(1)}   (budget ≤ 30)`);
}

async function accuracy(voice: EspeakTtsProvider): Promise<void> {
  console.log('\nLip-sync accuracy (held-out voices and sentences)');
  const sustained = emptyScores();
  for (const v of HELD_OUT_VOICES) {
    for (const pitch of [30, 75]) {
      const clip = await sustainedVowelClip(voice.engine, v, pitch);
      scoreSustained(computeVisemeTrack({ ...clip, text: '', language: 'en', audioOnly: true }), clip.spans, sustained);
    }
  }
  console.log(`  eSpeak sustained vowels, ${HELD_OUT_VOICES.length} voices × 2 pitches, frames right: ${percent(overall(sustained))}   (target ≥ 90 %)`);
  console.log(`    ${perShape(sustained)}`);
  if (!fliteAvailable()) {
    console.log('  flite speech: skipped (flite not installed: apt-get install -y flite)');
    return;
  }
  const corpus: LabelledSpeech[] = [];
  for (const v of FLITE_VOICES) for (const text of TEST_SENTENCES_EN) corpus.push(await synthesizeWithFlite(text, v));
  const phonemes = new Map<string, string[]>();
  for (const text of TEST_SENTENCES_EN) phonemes.set(text, await voice.phonemize(text, 'en'));
  const modes = { 'text (eSpeak phonemes)': emptyScores(), 'text (spelling rules)': emptyScores(), 'audio only': emptyScores() };
  let closed = 0, pauseFrames = 0;
  const delays: number[] = [];
  for (const s of corpus) {
    const base = { pcm: s.pcm, sampleRate: s.sampleRate, text: s.text, language: 'en' as const };
    const aligned = computeVisemeTrack({ ...base, phonemes: phonemes.get(s.text) });
    scoreVowelCentres(aligned, s.phones, modes['text (eSpeak phonemes)']);
    scoreVowelCentres(computeVisemeTrack(base), s.phones, modes['text (spelling rules)']);
    scoreVowelCentres(computeVisemeTrack({ ...base, audioOnly: true }), s.phones, modes['audio only']);
    const p = pauseClosure(aligned, s.phones);
    closed += p.closed;
    pauseFrames += p.total;
    delays.push(...onsetDelaysMs(aligned, s.phones));
  }
  console.log(`  flite speech (${FLITE_VOICES.join(', ')}), ${TEST_SENTENCES_EN.length} held-out sentences each, vowel centres right:`);
  for (const [mode, scores] of Object.entries(modes)) console.log(`    ${mode.padEnd(24)} ${percent(overall(scores))}   ${perShape(scores)}`);
  console.log('    (targets: ≥ 70 % with text alignment, ≥ 60 % audio only)');
  console.log(`  pause frames (pauses ≥ 100 ms) closed: ${percent(closed / pauseFrames)} of ${pauseFrames}   (target ≥ 99 %)`);
  console.log(`  voice onset → mouth open (≥ 0.2): P50 ${quantile(delays, 0.5)} ms, P95 ${quantile(delays, 0.95)} ms, max ${Math.max(...delays)} ms over ${delays.length} onsets   (target ≤ 30 ms)`);
}

/**
 * Sentence complete → utterance broadcast: to be added with the agent pipeline (synthesize,
 * computeVisemeTrack, store the audio, publish). Measure it here so the voice figures above
 * and the end-to-end figure come from one run.
 */
async function sentenceToBroadcast(): Promise<void> {
  console.log('\nSentence complete → utterance broadcast: not measured yet (added with the agent pipeline).');
}

async function main(): Promise<void> {
  console.log(`Voice benchmark — Node ${process.version}, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  const voice = new EspeakTtsProvider({ poolSize: 1 });
  try {
    const speech = await synthesisSpeed(voice);
    await analysisSpeed(speech.map((s, k) => ({ ...s, ...SENTENCES[k] })));
    if (!process.argv.includes('--speed-only')) await accuracy(voice);
    await sentenceToBroadcast();
  } finally {
    await voice.close();
  }
}

await main();
