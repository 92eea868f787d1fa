/**
 * A fake OpenAI moderation endpoint: `POST /v1/moderations` (the route the `openai` SDK calls
 * for `moderations.create`) answering in the real response shape. Inputs containing one of
 * `flagWords` come back flagged under `harassment`; a script can inject errors or hangs.
 */
import { openAiError } from './fakeOpenAiSpeech';
import { type FakeHttp, type ScriptedReply, startFakeHttp } from './voiceFakeHttp';

export interface FakeModerationOptions {
  flagWords: string[];
  apiKey?: string;
  script?: ScriptedReply[];
}

const CATEGORIES = [
  'harassment',
  'harassment/threatening',
  'hate',
  'self-harm',
  'sexual',
  'sexual/minors',
  'violence',
];

/** Start the fake; pass `${origin}/v1` as the SDK's `baseURL`. */
export function startFakeOpenAiModeration(options: FakeModerationOptions): Promise<FakeHttp> {
  return startFakeHttp(
    { method: 'POST', path: '/v1/moderations' },
    (req) => {
      if (options.apiKey && req.headers.authorization !== `Bearer ${options.apiKey}`)
        return openAiError(401, 'Incorrect API key provided.');
      const input: unknown = req.body?.input;
      if (typeof input !== 'string') return openAiError(400, 'input is required');
      const flagged = options.flagWords.some((w) => input.toLowerCase().includes(w.toLowerCase()));
      const categories = Object.fromEntries(CATEGORIES.map((c) => [c, flagged && c === 'harassment']));
      const scores = Object.fromEntries(
        CATEGORIES.map((c) => [c, flagged && c === 'harassment' ? 0.97 : 0.001]),
      );
      return {
        status: 200,
        body: {
          id: `modr-${req.body?.model}`,
          model: req.body?.model,
          results: [{ flagged, categories, category_scores: scores }],
        },
      };
    },
    options.script ?? [],
  );
}
