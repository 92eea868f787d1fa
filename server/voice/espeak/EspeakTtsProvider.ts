/**
 * The offline voice: eSpeak NG compiled to WebAssembly (npm `espeak-ng`, GPL-3.0-or-later,
 * loaded on demand in worker threads). Real WAV audio, English and Japanese, and the IPA of
 * what it said for free, which the lip-sync uses as its vowel sequence.
 */
import { raceAbort, throwIfAborted } from '../abort';
import { type SpeechRequest, type SynthesizedSpeech, type TtsProvider } from '../types';
import { VoiceError } from '../voiceError';
import { decodeWav } from '../wav';
import { EspeakEngine, type EspeakEngineOptions } from './EspeakEngine';
import { espeakArgs, espeakSafeText, espeakVoice } from './espeakArgs';

/** Options of the offline voice (see EspeakEngineOptions), or a shared engine. */
export interface EspeakTtsOptions extends EspeakEngineOptions {
  engine?: EspeakEngine;
}

/** Text-to-speech with eSpeak NG. */
export class EspeakTtsProvider implements TtsProvider {
  readonly name = 'espeak';
  readonly engine: EspeakEngine;
  private readonly ownsEngine: boolean;

  constructor(options: EspeakTtsOptions = {}) {
    this.engine = options.engine ?? new EspeakEngine(options);
    this.ownsEngine = !options.engine;
  }

  async synthesize(request: SpeechRequest): Promise<SynthesizedSpeech> {
    throwIfAborted(request.signal, this.name);
    const text = espeakSafeText(request.text, request.language);
    if (!text) throw new VoiceError('bad_request', 'Nothing to say: the text is empty.', this.name);
    const run = await raceAbort(
      this.engine.run(espeakArgs(request.language, request.voice, true), text, true),
      request.signal,
      this.name,
    );
    if (!run.wav) throw new VoiceError('bad_audio', 'eSpeak produced no audio.', this.name);
    const decoded = decodeWav(run.wav);
    return {
      audio: run.wav,
      contentType: 'audio/wav',
      format: 'wav',
      durationMs: decoded.durationMs,
      pcm: decoded.pcm,
      sampleRate: decoded.sampleRate,
      phonemes: run.lines.map((line) => line.trim()).filter(Boolean),
      provider: this.name,
    };
  }

  /** IPA per clause for text another provider speaks (the lip-sync's vowel source). */
  async phonemize(
    text: string,
    language: SpeechRequest['language'],
    signal?: AbortSignal,
  ): Promise<string[]> {
    const args = ['-v', espeakVoice(language, undefined), '--ipa', '-q'];
    const run = await raceAbort(
      this.engine.run(args, espeakSafeText(text, language), false),
      signal,
      this.name,
    );
    return run.lines.map((line) => line.trim()).filter(Boolean);
  }

  /** Start the workers now rather than on the first sentence. */
  warmUp(): Promise<void> {
    return this.engine.warmUp();
  }

  async close(): Promise<void> {
    if (this.ownsEngine) await this.engine.close();
  }
}
