/**
 * Labelled speech for measuring the lip-sync: Debian's flite voices (recorded speakers, with
 * per-phone end times from `-psdur`) and eSpeak NG sustained vowels; plus the measures the
 * tests and the benchmark report.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type Viseme, type VisemeKeyframe, VISEMES } from '@shared';
import { decodeWav } from '../server/voice/wav';
import { type EspeakEngine } from '../server/voice/espeak/EspeakEngine';
import { sampleVisemeTrack } from '../server/voice/lipsync/sampleVisemeTrack';
import { visemeForArpabet } from '../server/voice/lipsync/vowelMap';

const run = promisify(execFile);

/** A phone of the reference transcription with its time span. */
export interface TimedPhone {
  phone: string;
  startMs: number;
  endMs: number;
}

/** Audio with its reference phones. */
export interface LabelledSpeech {
  text: string;
  voice: string;
  pcm: Float32Array;
  sampleRate: number;
  durationMs: number;
  phones: TimedPhone[];
}

/** flite voices built from recordings of real speakers. */
export const FLITE_VOICES = ['slt', 'kal16', 'awb', 'rms'] as const;

/** Whether the flite binary is on the PATH with every voice in FLITE_VOICES. */
export function fliteAvailable(): boolean {
  try {
    const voices = execFileSync('flite', ['-lv'], { encoding: 'utf8' });
    return FLITE_VOICES.every((v) => voices.split(/\s+/).includes(v));
  } catch {
    return false;
  }
}

/** Speak `text` with a flite voice; its `-psdur` output gives every phone's end time. */
export async function synthesizeWithFlite(text: string, voice: string): Promise<LabelledSpeech> {
  const dir = await mkdtemp(join(tmpdir(), 'flite-'));
  try {
    const file = join(dir, 'speech.wav');
    const { stdout } = await run('flite', ['-voice', voice, '-psdur', '-t', text, '-o', file]);
    const audio = decodeWav(new Uint8Array(await readFile(file)));
    return { text, voice, ...audio, phones: parsePsdur(stdout) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** `pau:0.164 hh:0.255 …` (phone:end seconds) → timed phones. */
export function parsePsdur(output: string): TimedPhone[] {
  const phones: TimedPhone[] = [];
  let start = 0;
  for (const token of output.trim().split(/\s+/)) {
    const [phone, end] = token.split(':');
    if (!phone || !end) continue;
    phones.push({ phone, startMs: start, endMs: Number(end) * 1000 });
    start = Number(end) * 1000;
  }
  return phones;
}

/** Right/total counts per vowel shape. */
export type ShapeScores = Record<Viseme, { right: number; total: number }>;

/** Empty per-shape counters. */
export function emptyScores(): ShapeScores {
  return Object.fromEntries(VISEMES.map((v) => [v, { right: 0, total: 0 }])) as ShapeScores;
}

/** Share right over all shapes in `scores`. */
export function overall(scores: ShapeScores): number {
  let right = 0;
  let total = 0;
  for (const v of VISEMES) {
    right += scores[v].right;
    total += scores[v].total;
  }
  return total ? right / total : 0;
}

/** Add to `into` whether the track shows each reference vowel's shape at its centre (mouth open). */
export function scoreVowelCentres(
  track: readonly VisemeKeyframe[],
  phones: readonly TimedPhone[],
  into = emptyScores(),
): ShapeScores {
  for (const p of phones) {
    const truth = visemeForArpabet(p.phone);
    if (!truth) continue;
    const shown = sampleVisemeTrack(track, (p.startMs + p.endMs) / 2);
    into[truth].total++;
    if (shown.weight > 0.05 && shown.viseme === truth) into[truth].right++;
  }
  return into;
}

/**
 * 10 ms frames lying wholly inside pauses of at least `minPauseMs`, and how many show a closed
 * mouth (sampled at each frame's centre).
 */
export function pauseClosure(
  track: readonly VisemeKeyframe[],
  phones: readonly TimedPhone[],
  minPauseMs = 100,
): { closed: number; total: number } {
  let closed = 0;
  let total = 0;
  for (const p of phones) {
    if (p.phone !== 'pau' || p.endMs - p.startMs < minPauseMs) continue;
    for (let t = p.startMs + 5; t + 5 <= p.endMs; t += 10) {
      total++;
      if (sampleVisemeTrack(track, t).weight < 0.02) closed++;
    }
  }
  return { closed, total };
}

/** Sonorant phones: voiced and loud from their first instant (unlike stop closures or weak fricatives). */
const SONORANTS = new Set(['m', 'n', 'ng', 'l', 'r', 'w', 'y']);

/** After each pause, ms from the first vowel or sonorant until the mouth is visibly open (≥ 0.2). */
export function onsetDelaysMs(track: readonly VisemeKeyframe[], phones: readonly TimedPhone[]): number[] {
  const delays: number[] = [];
  phones.forEach((p, k) => {
    if (p.phone !== 'pau') return;
    const voiced = phones
      .slice(k + 1)
      .find((q) => q.phone === 'pau' || SONORANTS.has(q.phone) || visemeForArpabet(q.phone));
    if (!voiced || voiced.phone === 'pau') return;
    let t = voiced.startMs;
    while (t < voiced.startMs + 300 && sampleVisemeTrack(track, t).weight < 0.2) t += 1;
    delays.push(t - voiced.startMs);
  });
  return delays;
}

/** Keyframes per second of audio. */
export function keyframesPerSecond(track: readonly VisemeKeyframe[], durationMs: number): number {
  return track.length / (durationMs / 1000);
}

/** eSpeak phoneme mnemonics of the five cardinal vowels, held long at a slow rate. */
const SUSTAINED: Record<Viseme, string> = {
  A: 'A:A:A:A:',
  I: 'i:i:i:i:',
  U: 'u:u:u:u:',
  E: 'EEEEEEEE',
  O: 'O:O:O:O:',
};

/**
 * Five sustained vowels A I U E O in one eSpeak call (clause pauses between them), with the span
 * of each: the stretches where the waveform is clearly audible, in order.
 */
export async function sustainedVowelClip(
  engine: EspeakEngine,
  voice: string,
  pitch: number,
): Promise<{
  pcm: Float32Array;
  sampleRate: number;
  spans: { viseme: Viseme; startMs: number; endMs: number }[];
}> {
  const text = VISEMES.map((v) => `[[${SUSTAINED[v]}]].`).join(' ');
  const { wav } = await engine.run(['-v', voice, '-p', String(pitch), '-s', '80'], text, true);
  const { pcm, sampleRate } = decodeWav(wav!);
  const runs = audibleRuns(pcm, sampleRate);
  if (runs.length !== VISEMES.length)
    throw new Error(`expected ${VISEMES.length} sustained vowels from ${voice}, found ${runs.length}`);
  return { pcm, sampleRate, spans: runs.map((run, k) => ({ viseme: VISEMES[k], ...run })) };
}

/** Stretches (ms) where 10 ms blocks peak above 0.01, gaps under 100 ms bridged. */
function audibleRuns(pcm: Float32Array, sampleRate: number): { startMs: number; endMs: number }[] {
  const block = Math.round(sampleRate / 100);
  const runs: { startMs: number; endMs: number }[] = [];
  for (let start = 0; start < pcm.length; start += block) {
    let peak = 0;
    for (let i = start; i < Math.min(pcm.length, start + block); i++) peak = Math.max(peak, Math.abs(pcm[i]));
    if (peak < 0.01) continue;
    const t = (start / sampleRate) * 1000;
    const last = runs[runs.length - 1];
    if (last && t - last.endMs < 100) last.endMs = t + 10;
    else runs.push({ startMs: t, endMs: t + 10 });
  }
  return runs;
}

/** Per shape: frames of each sustained vowel where the mouth is open, and how many show that vowel. */
export function scoreSustained(
  track: readonly VisemeKeyframe[],
  spans: { viseme: Viseme; startMs: number; endMs: number }[],
  into = emptyScores(),
): ShapeScores {
  for (const span of spans) {
    for (let t = span.startMs + 5; t < span.endMs; t += 10) {
      const shown = sampleVisemeTrack(track, t);
      if (shown.weight < 0.05) continue;
      into[span.viseme].total++;
      if (shown.viseme === span.viseme) into[span.viseme].right++;
    }
  }
  return into;
}
