import { describe, expect, it } from 'vitest';
import { chunksOf } from '../../test-support/fakeOpenAi';
import type { AgentEvent } from '../turn';
import { LocalModerator } from '../moderation';
import { runTurn } from './runTurn';
import { scriptedLlm } from './scriptedLlm.testkit';
import type { SpeakFn } from './speech';
import { HANA, msg, turnOf } from './testCharacters.testkit';

describe('output moderation before the voice', () => {
  it('replaces a flagged sentence with a deflection: never spoken, never in the reply, the rest goes on', async () => {
    const events: AgentEvent[] = [];
    const spokenTexts: string[] = [];
    const speak: SpeakFn = async (s) => {
      spokenTexts.push(s.text);
      return { audioUrl: `/a/${s.seq}.wav`, durationMs: 400, visemes: [] };
    };
    const warnings: string[] = [];
    const result = await runTurn(turnOf(HANA, [msg('Aiko', 'Say something mean!')]), {
      llm: scriptedLlm({
        tokens: chunksOf('[angry] Hi Aiko! Go kill yourself. [happy] Just kidding, tulips are lovely.'),
      }),
      emit: (e) => {
        events.push(e);
      },
      signal: new AbortController().signal,
      now: Date.now,
      speak,
      moderator: new LocalModerator(),
      logger: {
        info: () => {},
        warn: (_o, m) => {
          if (m) warnings.push(m);
        },
      },
    });

    expect(result.outcome).toBe('ok');
    const utterances = events.filter(
      (e): e is Extract<AgentEvent, { type: 'utterance' }> => e.type === 'utterance',
    );
    expect(utterances.map((u) => [u.seq, u.text])).toEqual([
      [0, 'Hi Aiko!'],
      [1, "Hmm, I'd rather not say that. Let's talk about something else!"],
      [2, 'Just kidding, tulips are lovely.'],
    ]);
    expect(utterances[1]!.expression).toBe('neutral');
    expect(spokenTexts.join(' ')).not.toMatch(/kill/);
    const subtitles = events.filter(
      (e): e is Extract<AgentEvent, { type: 'subtitle' }> => e.type === 'subtitle',
    );
    expect(subtitles.length, 'the clean start still streams').toBeGreaterThan(0);
    expect(
      subtitles.map((e) => e.text).join(' '),
      'no subtitle carries the flagged phrase (a word of it may have streamed)',
    ).not.toMatch(/kill yourself/);
    expect(events.at(-1)).toMatchObject({
      type: 'done',
      text: expect.not.stringMatching(/kill/),
      utterances: 3,
    });
    expect(warnings).toEqual(['a sentence of the reply was flagged and replaced before it was spoken']);
  });
});
