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
  { viseme: 'O', source: 'running en ɔ', mean: [6.453, 6.896], spread: [0.092, 0.063] },
  { viseme: 'I', source: 'running en ɪ', mean: [6.004, 7.557], spread: [0.014, 0.011] },
  { viseme: 'E', source: 'running en ɛ', mean: [6.366, 7.458], spread: [0.010, 0.047] },
  { viseme: 'A', source: 'running en ɑ', mean: [6.597, 7.096], spread: [0.016, 0.009] },
  { viseme: 'I', source: 'running en i', mean: [5.708, 7.698], spread: [0.111, 0.052] },
  { viseme: 'A', source: 'running en ɐ', mean: [6.469, 7.256], spread: [0.023, 0.016] },
  { viseme: 'A', source: 'running en ʌ', mean: [6.422, 7.179], spread: [0.014, 0.013] },
  { viseme: 'E', source: 'running en e', mean: [6.210, 7.523], spread: [0.052, 0.035] },
  { viseme: 'U', source: 'running en ɚ', mean: [6.141, 7.274], spread: [0.026, 0.017] },
  { viseme: 'A', source: 'running en ə', mean: [6.334, 7.249], spread: [0.026, 0.015] },
  { viseme: 'A', source: 'running en æ', mean: [6.493, 7.410], spread: [0.018, 0.045] },
  { viseme: 'U', source: 'running en u', mean: [5.854, 7.237], spread: [0.028, 0.117] },
  { viseme: 'O', source: 'running en o', mean: [6.219, 6.883], spread: [0.085, 0.138] },
  { viseme: 'A', source: 'running en a', mean: [6.613, 7.195], spread: [0.091, 0.071] },
  { viseme: 'O', source: 'running ja O', mean: [6.234, 6.619], spread: [0.013, 0.022] },
  { viseme: 'A', source: 'running ja A', mean: [6.753, 7.145], spread: [0.009, 0.009] },
  { viseme: 'U', source: 'running ja U', mean: [5.795, 7.228], spread: [0.008, 0.007] },
  { viseme: 'I', source: 'running ja I', mean: [5.627, 7.687], spread: [0.026, 0.015] },
  { viseme: 'E', source: 'running ja E', mean: [6.142, 7.554], spread: [0.011, 0.010] },
];
