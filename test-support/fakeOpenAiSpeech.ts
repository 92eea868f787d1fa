/**
 * A fake OpenAI speech endpoint for tests: `POST /v1/audio/speech` (the route the `openai`
 * SDK calls for `audio.speech.create`) answering raw WAV bytes, or OpenAI-style errors.
 * Like the real service it streams WAV with an unknown data length (0xFFFFFFFF) when asked.
 */
import { type FakeHttp, type ScriptedReply, startFakeHttp } from './voiceFakeHttp';

/** Options of the fake. */
export interface FakeOpenAiSpeechOptions {
  /** The WAV every successful request gets. */
  wav: Uint8Array;
  /** Requests without `Authorization: Bearer <apiKey>` get 401. */
  apiKey?: string;
  /** Write 0xFFFFFFFF as the RIFF and data sizes, as a streaming server does. */
  streamingSizes?: boolean;
  script?: ScriptedReply[];
}

/** An OpenAI-style error reply. */
export function openAiError(
  status: number,
  message: string,
  headers: Record<string, string> = {},
): ScriptedReply {
  return { status, headers, body: { error: { message, type: 'invalid_request_error', code: null } } };
}

/** Start the fake; pass `${origin}/v1` as the SDK's `baseURL`. */
export function startFakeOpenAiSpeech(options: FakeOpenAiSpeechOptions): Promise<FakeHttp> {
  const wav = options.streamingSizes ? withUnknownSizes(options.wav) : options.wav;
  return startFakeHttp(
    { method: 'POST', path: '/v1/audio/speech' },
    (req) => {
      if (options.apiKey && req.headers.authorization !== `Bearer ${options.apiKey}`)
        return openAiError(401, 'Incorrect API key provided.');
      if (
        typeof req.body?.input !== 'string' ||
        typeof req.body?.voice !== 'string' ||
        typeof req.body?.model !== 'string'
      ) {
        return openAiError(400, 'input, model and voice are required');
      }
      return { status: 200, headers: { 'content-type': 'audio/wav' }, body: wav };
    },
    options.script ?? [],
  );
}

function withUnknownSizes(wav: Uint8Array): Uint8Array {
  const copy = Uint8Array.from(wav);
  const view = new DataView(copy.buffer);
  view.setUint32(4, 0xffffffff, true);
  view.setUint32(40, 0xffffffff, true);
  return copy;
}
