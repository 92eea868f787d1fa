/**
 * Vowel templates in speaker-normalised log-formant space (ln F1, ln F2), measured from ONE
 * eSpeak NG voice (en-us and ja at the default pitch) by `npx tsx test-support/voiceCalibration.ts`:
 * sustained vowels, and the vowels of running speech placed by the text alignment. Other voices
 * are normalised to it through F3. Several components per shape: English has more vowels than
 * VRM has mouths. Generated file: edit the calibration, not the numbers.
 */
import { type Viseme } from '@shared';

/** One Gaussian component: median and robust spread (MAD·1.4826) of ln F1 and ln F2. */
export interface VowelTemplate { viseme: Viseme; source: string; mean: [number, number]; spread: [number, number] }

/** Median F3 (Hz) of the calibration voice: the reference for speaker normalisation. */
export const CALIBRATION_F3_HZ = 2566;

export const VOWEL_TEMPLATES: readonly VowelTemplate[] = [
  { viseme: 'A', source: 'sustained en-us A:', mean: [6.590, 7.090], spread: [0.008, 0.002] },
  { viseme: 'A', source: 'sustained en-us a', mean: [6.494, 7.395], spread: [0.009, 0.034] },
  { viseme: 'A', source: 'sustained en-us V', mean: [6.426, 7.175], spread: [0.004, 0.007] },
  { viseme: 'A', source: 'sustained en-us @', mean: [6.249, 7.289], spread: [0.064, 0.027] },
  { viseme: 'I', source: 'sustained en-us i:', mean: [5.666, 7.726], spread: [0.063, 0.043] },
  { viseme: 'I', source: 'sustained en-us I', mean: [5.889, 7.653], spread: [0.077, 0.033] },
  { viseme: 'U', source: 'sustained en-us u:', mean: [5.878, 7.240], spread: [0.017, 0.047] },
  { viseme: 'E', source: 'sustained en-us E', mean: [6.370, 7.474], spread: [0.006, 0.042] },
  { viseme: 'E', source: 'sustained en-us eI', mean: [6.204, 7.529], spread: [0.080, 0.054] },
  { viseme: 'O', source: 'sustained en-us O:', mean: [6.477, 6.907], spread: [0.013, 0.005] },
  { viseme: 'O', source: 'sustained en-us oU', mean: [6.265, 6.929], spread: [0.019, 0.120] },
  { viseme: 'A', source: 'sustained ja A', mean: [6.797, 7.186], spread: [0.003, 0.002] },
  { viseme: 'I', source: 'sustained ja I', mean: [5.657, 7.728], spread: [0.008, 0.003] },
  { viseme: 'U', source: 'sustained ja U', mean: [5.836, 7.268], spread: [0.002, 0.002] },
  { viseme: 'E', source: 'sustained ja E', mean: [6.185, 7.597], spread: [0.003, 0.002] },
  { viseme: 'O', source: 'sustained ja O', mean: [6.284, 6.657], spread: [0.004, 0.003] },
  { viseme: 'O', source: 'running en ɔ', mean: [6.449, 6.894], spread: [0.101, 0.065] },
  { viseme: 'I', source: 'running en ɪ', mean: [6.004, 7.557], spread: [0.014, 0.011] },
  { viseme: 'E', source: 'running en ɛ', mean: [6.366, 7.458], spread: [0.010, 0.047] },
  { viseme: 'A', source: 'running en ɑ', mean: [6.597, 7.096], spread: [0.015, 0.010] },
  { viseme: 'I', source: 'running en i', mean: [5.711, 7.695], spread: [0.119, 0.054] },
  { viseme: 'A', source: 'running en ʌ', mean: [6.422, 7.178], spread: [0.015, 0.013] },
  { viseme: 'E', source: 'running en e', mean: [6.210, 7.523], spread: [0.053, 0.035] },
  { viseme: 'U', source: 'running en ɚ', mean: [6.141, 7.273], spread: [0.027, 0.016] },
  { viseme: 'U', source: 'running en u', mean: [5.853, 7.213], spread: [0.029, 0.116] },
  { viseme: 'O', source: 'running en o', mean: [6.219, 6.883], spread: [0.085, 0.138] },
  { viseme: 'O', source: 'running ja O', mean: [6.231, 6.623], spread: [0.017, 0.029] },
  { viseme: 'A', source: 'running ja A', mean: [6.753, 7.145], spread: [0.009, 0.009] },
  { viseme: 'I', source: 'running ja I', mean: [5.627, 7.688], spread: [0.026, 0.016] },
  { viseme: 'U', source: 'running ja U', mean: [5.795, 7.231], spread: [0.008, 0.007] },
  { viseme: 'E', source: 'running ja E', mean: [6.142, 7.554], spread: [0.012, 0.010] },
];
