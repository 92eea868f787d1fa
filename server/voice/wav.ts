/**
 * RIFF/WAVE decoding and encoding. Providers hand back WAV (eSpeak, Koeiromap, OpenAI with
 * `response_format: 'wav'`); the viseme analysis wants mono float PCM.
 */
import { VoiceError } from './voiceError';

/** Decoded audio: mono float samples in −1..1. */
export interface DecodedAudio {
  /** In a SharedArrayBuffer, so the viseme worker reads it without a copy (treat it as read-only). */
  pcm: Float32Array;
  sampleRate: number;
  /** Channels in the source file (the PCM is always mono). */
  channels: number;
  durationMs: number;
}

const FORMAT_PCM = 1;
const FORMAT_FLOAT = 3;
const FORMAT_EXTENSIBLE = 0xfffe;

interface FormatChunk {
  format: number;
  channels: number;
  sampleRate: number;
  bitsPerSample: number;
}

/**
 * Decode a WAV file (PCM 8/16/24/32-bit or float 32/64, any channel count) to mono.
 * Streaming writers leave the data size as 0 or 0xFFFFFFFF; the rest of the file is used then.
 */
export function decodeWav(bytes: Uint8Array): DecodedAudio {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 12 || ascii(bytes, 0, 4) !== 'RIFF' || ascii(bytes, 8, 4) !== 'WAVE') {
    throw new VoiceError(
      'bad_audio',
      `Not a WAV file (starts with ${JSON.stringify(ascii(bytes, 0, 4))}); ask the provider for WAV output.`,
    );
  }
  let format: FormatChunk | undefined;
  let offset = 12;
  while (offset + 8 <= bytes.length) {
    const id = ascii(bytes, offset, 4);
    const size = view.getUint32(offset + 4, true);
    const body = offset + 8;
    if (id === 'fmt ') format = readFormat(view, body);
    if (id === 'data') {
      if (!format) throw new VoiceError('bad_audio', 'WAV data chunk comes before its format chunk.');
      const available = bytes.length - body;
      const length = size === 0 || size > available ? available : size;
      return toDecoded(view, body, length, format);
    }
    offset = body + size + (size % 2);
  }
  throw new VoiceError('bad_audio', 'WAV file has no data chunk.');
}

function readFormat(view: DataView, at: number): FormatChunk {
  let format = view.getUint16(at, true);
  const channels = view.getUint16(at + 2, true);
  const sampleRate = view.getUint32(at + 4, true);
  const bitsPerSample = view.getUint16(at + 14, true);
  if (format === FORMAT_EXTENSIBLE) format = view.getUint16(at + 24, true);
  const supported =
    (format === FORMAT_PCM && [8, 16, 24, 32].includes(bitsPerSample)) ||
    (format === FORMAT_FLOAT && [32, 64].includes(bitsPerSample));
  if (!supported || channels < 1 || sampleRate < 1) {
    throw new VoiceError(
      'bad_audio',
      `Unsupported WAV encoding (format ${format}, ${bitsPerSample} bits, ${channels} channels).`,
    );
  }
  return { format, channels, sampleRate, bitsPerSample };
}

function toDecoded(view: DataView, at: number, length: number, f: FormatChunk): DecodedAudio {
  const bytesPerSample = f.bitsPerSample / 8;
  const frames = Math.floor(length / (bytesPerSample * f.channels));
  const read = sampleReader(view, f);
  const pcm = new Float32Array(new SharedArrayBuffer(frames * Float32Array.BYTES_PER_ELEMENT));
  for (let i = 0; i < frames; i++) {
    let sum = 0;
    for (let c = 0; c < f.channels; c++) sum += read(at + (i * f.channels + c) * bytesPerSample);
    pcm[i] = sum / f.channels;
  }
  return { pcm, sampleRate: f.sampleRate, channels: f.channels, durationMs: (frames / f.sampleRate) * 1000 };
}

function sampleReader(view: DataView, f: FormatChunk): (at: number) => number {
  if (f.format === FORMAT_FLOAT)
    return f.bitsPerSample === 32 ? (at) => view.getFloat32(at, true) : (at) => view.getFloat64(at, true);
  switch (f.bitsPerSample) {
    case 8:
      return (at) => (view.getUint8(at) - 128) / 128;
    case 16:
      return (at) => view.getInt16(at, true) / 32768;
    case 24:
      return (at) =>
        (view.getUint8(at) | (view.getUint8(at + 1) << 8) | (view.getInt8(at + 2) << 16)) / 8388608;
    default:
      return (at) => view.getInt32(at, true) / 2147483648;
  }
}

/** Decode raw little-endian 16-bit PCM (OpenAI's `pcm` format) interleaved over `channels`. */
export function decodePcm16(bytes: Uint8Array, sampleRate: number, channels = 1): DecodedAudio {
  return toDecoded(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), 0, bytes.length, {
    format: FORMAT_PCM,
    channels,
    sampleRate,
    bitsPerSample: 16,
  });
}

/** Encode mono float PCM as a 16-bit PCM WAV file (clipped to −1..1). */
export function encodeWav(pcm: Float32Array, sampleRate: number): Uint8Array {
  const bytes = new Uint8Array(44 + pcm.length * 2);
  const view = new DataView(bytes.buffer);
  writeAscii(bytes, 0, 'RIFF');
  view.setUint32(4, 36 + pcm.length * 2, true);
  writeAscii(bytes, 8, 'WAVE');
  writeAscii(bytes, 12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, FORMAT_PCM, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  writeAscii(bytes, 36, 'data');
  view.setUint32(40, pcm.length * 2, true);
  for (let i = 0; i < pcm.length; i++) {
    const s = Math.max(-1, Math.min(1, pcm[i]));
    view.setInt16(44 + i * 2, s < 0 ? Math.round(s * 32768) : Math.round(s * 32767), true);
  }
  return bytes;
}

/** Average interleaved channels into one. */
export function toMono(interleaved: Float32Array, channels: number): Float32Array {
  if (channels === 1) return interleaved;
  const frames = Math.floor(interleaved.length / channels);
  const out = new Float32Array(frames);
  for (let i = 0; i < frames; i++) {
    let sum = 0;
    for (let c = 0; c < channels; c++) sum += interleaved[i * channels + c];
    out[i] = sum / channels;
  }
  return out;
}

function ascii(bytes: Uint8Array, at: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(at, at + length));
}

function writeAscii(bytes: Uint8Array, at: number, text: string): void {
  for (let i = 0; i < text.length; i++) bytes[at + i] = text.charCodeAt(i);
}
