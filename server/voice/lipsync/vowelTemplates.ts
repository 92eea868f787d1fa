/**
 * Vowel templates in speaker-normalised log-formant space (ln F1, ln F2), measured from eSpeak NG
 * sustained vowels of ONE voice (en-us and ja, default pitch) by
 * `npx tsx test-support/voiceCalibration.ts`. Other voices are normalised to it through F3.
 * Several components per shape: English has more vowels than VRM has mouths.
 */
import { type Viseme } from '@shared';

/** One Gaussian component: median and robust spread (MAD·1.4826) of ln F1 and ln F2. */
export interface VowelTemplate { viseme: Viseme; source: string; mean: [number, number]; spread: [number, number] }

/** Median F3 (Hz) of the calibration voice: the reference for speaker normalisation. */
export const CALIBRATION_F3_HZ = 2566;

export const VOWEL_TEMPLATES: readonly VowelTemplate[] = [
  { viseme: 'E', source: 'x', mean: [6.370, 7.474], spread: [0.006, 0.042] },  // 584/1761 Hz n=128
  { viseme: 'E', source: 'x', mean: [6.204, 7.529], spread: [0.080, 0.054] },  // 495/1860 Hz n=144
  { viseme: 'O', source: 'x', mean: [6.477, 6.907], spread: [0.013, 0.005] },  // 650/1000 Hz n=146
  { viseme: 'O', source: 'x', mean: [6.265, 6.929], spread: [0.019, 0.120] },  // 526/1021 Hz n=150
  { viseme: 'A', source: 'x', mean: [6.590, 7.090], spread: [0.008, 0.002] },  // 728/1200 Hz n=146
  { viseme: 'A', source: 'x', mean: [6.494, 7.395], spread: [0.009, 0.034] },  // 661/1628 Hz n=95
  { viseme: 'A', source: 'x', mean: [6.426, 7.175], spread: [0.004, 0.007] },  // 618/1307 Hz n=115
  { viseme: 'A', source: 'x', mean: [6.249, 7.289], spread: [0.064, 0.027] },  // 518/1465 Hz n=91
  { viseme: 'I', source: 'x', mean: [5.666, 7.726], spread: [0.063, 0.043] },  // 289/2266 Hz n=120
  { viseme: 'I', source: 'x', mean: [5.889, 7.653], spread: [0.077, 0.033] },  // 361/2107 Hz n=111
  { viseme: 'U', source: 'x', mean: [5.878, 7.240], spread: [0.017, 0.047] },  // 357/1394 Hz n=127
  { viseme: 'U', source: 'x', mean: [6.190, 6.952], spread: [0.004, 0.002] },  // 488/1045 Hz n=99
  { viseme: 'U', source: 'x', mean: [6.147, 7.258], spread: [0.054, 0.024] },  // 467/1419 Hz n=147
  { viseme: 'A', source: 'x', mean: [6.797, 7.186], spread: [0.003, 0.002] },  // 895/1320 Hz n=109
  { viseme: 'I', source: 'x', mean: [5.657, 7.728], spread: [0.008, 0.003] },  // 286/2271 Hz n=108
  { viseme: 'U', source: 'x', mean: [5.836, 7.268], spread: [0.002, 0.002] },  // 342/1433 Hz n=109
  { viseme: 'E', source: 'x', mean: [6.185, 7.597], spread: [0.003, 0.002] },  // 485/1991 Hz n=109
  { viseme: 'O', source: 'x', mean: [6.284, 6.657], spread: [0.004, 0.003] },  // 536/778 Hz n=109
];
