/**
 * Vowel templates in speaker-normalised log-formant space (ln F1, ln F2, ln F3 relative to the
 * utterance's median F3), measured by `npx tsx test-support/voiceCalibration.ts` from ONE eSpeak NG
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
export const CALIBRATION_F3_HZ = 2566;

export const VOWEL_TEMPLATES: readonly VowelTemplate[] = [
  {
    viseme: 'A',
    source: 'sustained en-us A:',
    mean: [6.5891, 7.0903, 0.0379],
    covariance: [0.0, 0.0, 0.0, 0.0, 0.0, 0.0],
  },
  {
    viseme: 'A',
    source: 'sustained en-us a',
    mean: [6.4927, 7.3919, -0.026],
    covariance: [0.0001, 0.0003, 0.0, 0.0009, 0.0001, 0.0],
  },
  {
    viseme: 'A',
    source: 'sustained en-us V',
    mean: [6.4248, 7.1778, 0.013],
    covariance: [0.0, -0.0, 0.0, 0.0001, -0.0, 0.0],
  },
  {
    viseme: 'A',
    source: 'sustained en-us @',
    mean: [6.2421, 7.2921, -0.0625],
    covariance: [0.0023, -0.0009, -0.0001, 0.0004, 0.0001, 0.0],
  },
  {
    viseme: 'I',
    source: 'sustained en-us i:',
    mean: [5.6681, 7.7243, 0.0973],
    covariance: [0.0034, -0.002, 0.0001, 0.0012, -0.0, 0.0],
  },
  {
    viseme: 'I',
    source: 'sustained en-us I',
    mean: [5.8868, 7.6353, 0.0506],
    covariance: [0.0055, -0.0029, -0.0021, 0.0021, 0.001, 0.001],
  },
  {
    viseme: 'U',
    source: 'sustained en-us u:',
    mean: [5.8726, 7.2337, -0.1333],
    covariance: [0.0003, 0.0007, 0.0001, 0.0015, 0.0002, 0.0],
  },
  {
    viseme: 'E',
    source: 'sustained en-us E',
    mean: [6.3705, 7.4695, 0.0015],
    covariance: [0.0, -0.0, -0.0, 0.001, -0.0001, 0.0],
  },
  {
    viseme: 'E',
    source: 'sustained en-us eI',
    mean: [6.1833, 7.5357, 0.0072],
    covariance: [0.0069, -0.0037, -0.0016, 0.002, 0.0009, 0.0004],
  },
  {
    viseme: 'O',
    source: 'sustained en-us O:',
    mean: [6.4796, 6.9075, 0.0252],
    covariance: [0.0003, 0.0, -0.0, 0.0, -0.0, 0.0],
  },
  {
    viseme: 'O',
    source: 'sustained en-us oU',
    mean: [6.2658, 6.963, -0.0808],
    covariance: [0.0002, 0.0005, 0.0, 0.0024, 0.0003, 0.0],
  },
  {
    viseme: 'A',
    source: 'sustained ja A',
    mean: [6.7976, 7.1871, -0.001],
    covariance: [0.0, -0.0, 0.0, 0.0, -0.0, 0.0],
  },
  {
    viseme: 'I',
    source: 'sustained ja I',
    mean: [5.6602, 7.7288, 0.0505],
    covariance: [0.0001, -0.0, -0.0, 0.0, 0.0, 0.0],
  },
  {
    viseme: 'U',
    source: 'sustained ja U',
    mean: [5.8363, 7.2676, -0.0918],
    covariance: [0.0, 0.0, 0.0, 0.0, 0.0, 0.0],
  },
  {
    viseme: 'E',
    source: 'sustained ja E',
    mean: [6.1852, 7.5966, -0.0585],
    covariance: [0.0, 0.0, 0.0, 0.0, 0.0, 0.0],
  },
  {
    viseme: 'O',
    source: 'sustained ja O',
    mean: [6.2835, 6.6576, 0.0222],
    covariance: [0.0, 0.0, -0.0, 0.0, 0.0, 0.0],
  },
  {
    viseme: 'O',
    source: 'running en ɔ',
    mean: [6.4224, 6.8982, 0.0251],
    covariance: [0.0073, 0.0046, -0.0003, 0.0045, 0.0005, 0.0005],
  },
  {
    viseme: 'I',
    source: 'running en ɪ',
    mean: [6.0039, 7.5582, 0.0075],
    covariance: [0.0002, 0.0, 0.0, 0.0001, -0.0, 0.0],
  },
  {
    viseme: 'E',
    source: 'running en ɛ',
    mean: [6.3681, 7.4606, -0.0005],
    covariance: [0.0001, 0.0001, 0.0, 0.001, -0.0001, 0.0],
  },
  {
    viseme: 'A',
    source: 'running en ɑ',
    mean: [6.5993, 7.094, 0.0336],
    covariance: [0.0001, 0.0, -0.0, 0.0, 0.0, 0.0001],
  },
  {
    viseme: 'I',
    source: 'running en i',
    mean: [5.7202, 7.6963, 0.0734],
    covariance: [0.011, -0.004, -0.0018, 0.0022, 0.0009, 0.0006],
  },
  {
    viseme: 'A',
    source: 'running en ʌ',
    mean: [6.4157, 7.1768, 0.01],
    covariance: [0.0005, 0.0002, 0.0002, 0.0003, 0.0001, 0.0002],
  },
  {
    viseme: 'E',
    source: 'running en e',
    mean: [6.2009, 7.5263, 0.0039],
    covariance: [0.0026, -0.0017, -0.0007, 0.0013, 0.0005, 0.0002],
  },
  {
    viseme: 'U',
    source: 'running en ɚ',
    mean: [6.146, 7.2712, -0.2174],
    covariance: [0.0004, 0.0003, 0.0006, 0.0002, 0.0004, 0.001],
  },
  {
    viseme: 'U',
    source: 'running en u',
    mean: [5.8516, 7.2359, -0.1315],
    covariance: [0.0004, 0.0006, 0.0, 0.0082, 0.0008, 0.0001],
  },
  {
    viseme: 'O',
    source: 'running en o',
    mean: [6.2083, 6.8834, -0.0778],
    covariance: [0.0066, 0.0061, -0.0009, 0.0084, -0.0008, 0.0004],
  },
  {
    viseme: 'O',
    source: 'running ja O',
    mean: [6.236, 6.62, 0.021],
    covariance: [0.0001, 0.0, 0.0, 0.0005, -0.0, 0.0002],
  },
  {
    viseme: 'A',
    source: 'running ja A',
    mean: [6.7535, 7.1445, 0.0034],
    covariance: [0.0, 0.0, 0.0, 0.0001, 0.0, 0.0],
  },
  {
    viseme: 'I',
    source: 'running ja I',
    mean: [5.6257, 7.6898, 0.0557],
    covariance: [0.0003, -0.0001, 0.0, 0.0001, 0.0, 0.0001],
  },
  {
    viseme: 'U',
    source: 'running ja U',
    mean: [5.7935, 7.23, -0.0858],
    covariance: [0.0001, 0.0, 0.0, 0.0001, 0.0, 0.0],
  },
  {
    viseme: 'E',
    source: 'running ja E',
    mean: [6.1439, 7.555, -0.0513],
    covariance: [0.0001, 0.0, 0.0, 0.0, 0.0, 0.0],
  },
  {
    viseme: 'A',
    source: 'recorded flite ax',
    mean: [6.0139, 7.3644, 0.0299],
    covariance: [0.0301, -0.0214, -0.0036, 0.0783, 0.0167, 0.0102],
  },
  {
    viseme: 'O',
    source: 'recorded flite ow',
    mean: [6.125, 6.9525, -0.0547],
    covariance: [0.0074, 0.0067, -0.0006, 0.0244, -0.0038, 0.0021],
  },
  {
    viseme: 'E',
    source: 'recorded flite eh',
    mean: [6.3453, 7.3856, -0.0375],
    covariance: [0.0131, -0.0007, 0.0033, 0.0111, 0.0007, 0.0037],
  },
  {
    viseme: 'A',
    source: 'recorded flite aw',
    mean: [6.4846, 7.1553, 0.0194],
    covariance: [0.047, -0.0087, 0.0078, 0.0168, -0.0028, 0.0028],
  },
  {
    viseme: 'A',
    source: 'recorded flite aa',
    mean: [6.544, 7.0838, 0.0046],
    covariance: [0.0166, -0.0013, 0.0019, 0.0029, -0.0002, 0.0045],
  },
  {
    viseme: 'U',
    source: 'recorded flite uw',
    mean: [5.8591, 7.3889, -0.1269],
    covariance: [0.0158, -0.0068, -0.0009, 0.0256, 0.0011, 0.0017],
  },
  {
    viseme: 'E',
    source: 'recorded flite ey',
    mean: [6.1295, 7.6015, -0.008],
    covariance: [0.0121, -0.0071, 0.0009, 0.0059, -0.0001, 0.0011],
  },
  {
    viseme: 'A',
    source: 'recorded flite ay',
    mean: [6.4756, 7.3102, -0.0139],
    covariance: [0.0257, -0.0074, 0.002, 0.0147, -0.0009, 0.0018],
  },
  {
    viseme: 'A',
    source: 'recorded flite ae',
    mean: [6.3558, 7.3931, 0.0001],
    covariance: [0.0828, -0.0152, 0.0042, 0.0111, 0.0001, 0.002],
  },
  {
    viseme: 'I',
    source: 'recorded flite ih',
    mean: [6.0856, 7.5089, -0.0217],
    covariance: [0.0155, -0.0033, 0.0016, 0.0067, 0.0, 0.0015],
  },
  {
    viseme: 'A',
    source: 'recorded flite ah',
    mean: [6.3263, 7.1571, -0.0128],
    covariance: [0.0189, -0.0011, 0.0015, 0.0113, -0.0004, 0.0011],
  },
  {
    viseme: 'U',
    source: 'recorded flite er',
    mean: [6.1805, 7.2045, -0.436],
    covariance: [0.0146, -0.0002, 0.0008, 0.005, 0.0009, 0.005],
  },
  {
    viseme: 'I',
    source: 'recorded flite iy',
    mean: [5.7576, 7.7085, 0.02],
    covariance: [0.0126, -0.0018, -0.0005, 0.0015, 0.0002, 0.0011],
  },
  {
    viseme: 'O',
    source: 'recorded flite ao',
    mean: [6.2499, 6.8595, -0.0418],
    covariance: [0.0082, 0.0018, 0.0007, 0.0078, -0.0008, 0.0068],
  },
  {
    viseme: 'U',
    source: 'recorded flite uh',
    mean: [6.009, 7.2712, -0.0857],
    covariance: [0.0326, -0.0142, -0.0007, 0.0336, -0.0002, 0.0004],
  },
];
