/**
 * A fake Koeiromap for tests: `POST /koeiromap/v1.0/infer` with the real request shape
 * (`text`, `speaker_x`, `speaker_y`, `style`, `output_format`, key in `Ocp-Apim-Subscription-Key`)
 * answering `{ audio: "data:audio/wav;base64,…" }`, or scripted failures.
 */
import { type FakeHttp, type ScriptedReply, startFakeHttp } from './voiceFakeHttp';

export const KOEIROMAP_PATH = '/koeiromap/v1.0/infer';

/** Options of the fake. */
export interface FakeKoeiromapOptions {
  /** The WAV every successful request gets. */
  wav: Uint8Array;
  /** Requests without this key get 401. */
  apiKey?: string;
  /** Replies used first, in order (failures, delays, hangs). */
  script?: ScriptedReply[];
}

/** The successful answer for `wav` (a data URI, as Koeiromap sends it). */
export function koeiromapAnswer(wav: Uint8Array, mime = 'audio/wav'): ScriptedReply {
  return { status: 200, body: { audio: `data:${mime};base64,${Buffer.from(wav).toString('base64')}` } };
}

/** Start the fake; `origin` is the provider's `baseUrl`. */
export function startFakeKoeiromap(options: FakeKoeiromapOptions): Promise<FakeHttp> {
  return startFakeHttp(
    { method: 'POST', path: KOEIROMAP_PATH },
    (req) => {
      if (options.apiKey && req.headers['ocp-apim-subscription-key'] !== options.apiKey) {
        return {
          status: 401,
          body: { statusCode: 401, message: 'Access denied due to invalid subscription key.' },
        };
      }
      if (typeof req.body?.text !== 'string' || !req.body.text)
        return { status: 400, body: { detail: 'text is required' } };
      return koeiromapAnswer(options.wav);
    },
    options.script ?? [],
  );
}
