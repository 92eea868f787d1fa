import { describe, expect, it } from 'vitest';
import { isVoiceError } from './voiceError';
import { decodePcm16, decodeWav, encodeWav, toMono } from './wav';

function tone(hz: number, ms: number, rate: number, amplitude = 0.5): Float32Array {
  const n = Math.round((ms / 1000) * rate);
  return Float32Array.from({ length: n }, (_, i) => amplitude * Math.sin((2 * Math.PI * hz * i) / rate));
}

/** A WAV header + data written by hand, for encodings encodeWav does not produce. */
function wavFile(
  format: number,
  channels: number,
  rate: number,
  bits: number,
  data: Uint8Array,
  dataSize = data.length,
): Uint8Array {
  const out = new Uint8Array(44 + data.length);
  const v = new DataView(out.buffer);
  out.set(
    [...'RIFF'].map((c) => c.charCodeAt(0)),
    0,
  );
  v.setUint32(4, 36 + data.length, true);
  out.set(
    [...'WAVEfmt '].map((c) => c.charCodeAt(0)),
    8,
  );
  v.setUint32(16, 16, true);
  v.setUint16(20, format, true);
  v.setUint16(22, channels, true);
  v.setUint32(24, rate, true);
  v.setUint32(28, (rate * channels * bits) / 8, true);
  v.setUint16(32, (channels * bits) / 8, true);
  v.setUint16(34, bits, true);
  out.set(
    [...'data'].map((c) => c.charCodeAt(0)),
    36,
  );
  v.setUint32(40, dataSize, true);
  out.set(data, 44);
  return out;
}

describe('WAV', () => {
  it('round-trips 16-bit PCM with the sample rate, duration and waveform intact', () => {
    const pcm = tone(440, 250, 22050);
    const decoded = decodeWav(encodeWav(pcm, 22050));
    expect(decoded.sampleRate).toBe(22050);
    expect(decoded.durationMs).toBeCloseTo(250, 0);
    const worst = pcm.reduce((m, x, i) => Math.max(m, Math.abs(x - decoded.pcm[i])), 0);
    expect(worst).toBeLessThan(1 / 16000);
  });

  it('mixes stereo down to mono', () => {
    const left = tone(300, 50, 16000);
    const data = new Int16Array(left.length * 2);
    left.forEach((x, i) => {
      data[2 * i] = Math.round(x * 32767);
      data[2 * i + 1] = 0;
    });
    const decoded = decodeWav(wavFile(1, 2, 16000, 16, new Uint8Array(data.buffer)));
    expect(decoded.channels).toBe(2);
    expect(decoded.pcm.length).toBe(left.length);
    expect(decoded.pcm[10]).toBeCloseTo(left[10] / 2, 3);
  });

  it('reads 32-bit float and 24-bit PCM', () => {
    const pcm = tone(500, 20, 8000, 0.25);
    const float = decodeWav(wavFile(3, 1, 8000, 32, new Uint8Array(pcm.buffer.slice(0))));
    expect(float.pcm[7]).toBeCloseTo(pcm[7], 6);
    const bytes = new Uint8Array(pcm.length * 3);
    pcm.forEach((x, i) => {
      const s = Math.round(x * 8388607);
      bytes[3 * i] = s & 255;
      bytes[3 * i + 1] = (s >> 8) & 255;
      bytes[3 * i + 2] = (s >> 16) & 255;
    });
    expect(decodeWav(wavFile(1, 1, 8000, 24, bytes)).pcm[7]).toBeCloseTo(pcm[7], 5);
  });

  it('reads streamed WAV whose data size is unknown (0xFFFFFFFF), as OpenAI sends it', () => {
    const pcm = tone(220, 100, 24000);
    const bytes = encodeWav(pcm, 24000);
    new DataView(bytes.buffer).setUint32(40, 0xffffffff, true);
    expect(decodeWav(bytes).pcm.length).toBe(pcm.length);
  });

  it('refuses MP3 and other non-WAV data with a bad_audio error that says what to ask for', () => {
    const mp3 = new Uint8Array([0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(() => decodeWav(mp3)).toThrowError(/WAV/);
    try {
      decodeWav(mp3);
    } catch (error) {
      expect(isVoiceError(error, 'bad_audio')).toBe(true);
    }
  });

  it('decodes raw 16-bit PCM and averages interleaved channels', () => {
    const raw = new Int16Array([16384, -16384, 8192, 8192]);
    expect(Array.from(decodePcm16(new Uint8Array(raw.buffer), 24000).pcm)).toEqual([0.5, -0.5, 0.25, 0.25]);
    expect(Array.from(toMono(new Float32Array([1, 0, 0.5, 0.5]), 2))).toEqual([0.5, 0.5]);
  });
});
