/**
 * The lip-sync track of one spoken sentence: when the mouth opens, how far, and in which of the
 * five VRM vowel shapes. Pure: audio + text in, keyframes out.
 */
import { type VisemeKeyframe } from '@shared';
import { type Language } from '../../turn';
import { labelFromAudio } from './audioOnlyShapes';
import { matchClausesToAudio, soundRuns } from './clauseSpans';
import { analyzeFrames, frameTimeMs, type FrameFeatures } from './frameAnalysis';
import { DEFAULT_KEYFRAMES, toKeyframes } from './keyframes';
import { labelFromMarks, marksHaveVowels, type PhoneMark } from './markShapes';
import { mouthOpenness } from './mouthEnvelope';
import { gateSilence } from './silenceGate';
import { alignVowels } from './textAlignment';
import { textVowelClauses } from './textVowels';
import { vowelness } from './vowelness';
import { speakerNormalisation } from './vowelClassifier';

/** What `computeVisemeTrack` needs: the decoded audio and what was said. */
export interface VisemeTrackInput {
  pcm: Float32Array;
  sampleRate: number;
  text: string;
  language: Language;
  /** Provider timestamps: when present they decide the shapes. */
  marks?: readonly PhoneMark[];
  /** IPA per clause from a phonemizer (the eSpeak provider fills this in). */
  phonemes?: readonly string[];
  /** Ignore the text and classify from the audio alone (for measurement). */
  audioOnly?: boolean;
  /** Keyframe budget per second (default 30). */
  maxKeyframesPerSecond?: number;
}

/** Compute the viseme keyframes `[tMs, shape, weight]` for one utterance. */
export function computeVisemeTrack(input: VisemeTrackInput): VisemeKeyframe[] {
  const features = analyzeFrames(input.pcm, input.sampleRate);
  if (features.count === 0) return [];
  const gate = gateSilence(features.centreDb, features.hopMs);
  const times = new Float64Array(features.count);
  for (let i = 0; i < features.count; i++) times[i] = frameTimeMs(features, i);
  const shapes = new Int8Array(features.count);
  if (input.marks && marksHaveVowels(input.marks)) {
    labelFromMarks(input.marks, times, (input.pcm.length / input.sampleRate) * 1000, shapes);
  } else {
    labelShapes(features, gate.open, shapes, input);
    spreadShapesIntoSilence(shapes, gate.open);
  }
  const weights = mouthOpenness(features.centreDb, gate, features.hopMs);
  times[0] = 0;
  return toKeyframes(times, shapes, weights, {
    ...DEFAULT_KEYFRAMES,
    maxPerSecond: input.maxKeyframesPerSecond ?? DEFAULT_KEYFRAMES.maxPerSecond,
  });
}

/** Shapes from the text where it can be read and aligned, from the audio elsewhere. */
function labelShapes(
  features: FrameFeatures,
  open: Uint8Array,
  shapes: Int8Array,
  input: VisemeTrackInput,
): void {
  const vowelnessOf = vowelness(features, open);
  const scale = speakerNormalisation(features, open, vowelnessOf);
  const clauses = input.audioOnly ? [] : textVowelClauses(input);
  const spans = matchClausesToAudio(open, clauses, features.hopMs);
  if (spans.length === 0) {
    for (const run of soundRuns(open)) labelFromAudio(features, scale, run.from, run.to, shapes);
    return;
  }
  for (const span of spans) {
    const vowels = span.clauses.flatMap((c) => c.vowels);
    if (vowels.length > 0 && span.clauses.every((c) => c.readable)) {
      alignVowels(features, vowelnessOf, scale, vowels, span.from, span.to, shapes);
    } else {
      for (const run of soundRuns(open.subarray(span.from, span.to)))
        labelFromAudio(features, scale, span.from + run.from, span.from + run.to, shapes);
    }
  }
}

/** Closed frames keep the shape of the sound next to them, so closing never switches shape. */
function spreadShapesIntoSilence(shapes: Int8Array, open: Uint8Array): void {
  let last = -1;
  for (let i = 0; i < shapes.length; i++) {
    if (open[i]) last = shapes[i];
    else if (last >= 0) shapes[i] = last;
  }
  const first = open.indexOf(1);
  if (first > 0) shapes.fill(shapes[first], 0, first);
}
