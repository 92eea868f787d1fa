import { describe, expect, it } from 'vitest';
import type { Language } from '../turn';
import { SpeechSegmenter, type SpokenSentence } from './speechSegmenter';

function run(deltas: string[], language: Language = 'en'): { subtitle: string; sentences: SpokenSentence[] } {
  const s = new SpeechSegmenter({ language });
  const steps = [...deltas.map((d) => s.push(d)), s.end()];
  return { subtitle: steps.map((x) => x.spoken).join(''), sentences: steps.flatMap((x) => x.sentences) };
}

describe('SpeechSegmenter', () => {
  it('takes tags out of the subtitle and puts them on the sentence', () => {
    const { subtitle, sentences } = run(['[hap', 'py][wa', 've] Hi', ' Aiko!', ' How', ' are you?']);
    expect(subtitle).toBe('Hi Aiko! How are you?');
    expect(sentences).toEqual([
      { text: 'Hi Aiko!', expression: 'happy', gesture: 'wave' },
      { text: 'How are you?', expression: 'happy' },
    ]);
  });

  it('carries the expression until it changes, and plays a gesture once', () => {
    const { sentences } = run(['[sad][bow] Sorry. ', 'It broke. ', '[surprised] Oh! ', '[nod]Fixed.']);
    expect(sentences.map((s) => [s.expression, s.gesture])).toEqual([
      ['sad', 'bow'],
      ['sad', undefined],
      ['surprised', undefined],
      ['surprised', 'nod'],
    ]);
  });

  it('drops unknown tags from speech and ignores them', () => {
    const { subtitle, sentences } = run(['[laughs] That ', '[motion:dance]is funny.']);
    expect(subtitle).toBe('That is funny.');
    expect(sentences).toEqual([{ text: 'That is funny.', expression: 'neutral' }]);
  });

  it('gives tags standing on their own line to the next sentence', () => {
    const { sentences } = run(['[happy][wave]\n', 'Hello there.']);
    expect(sentences).toEqual([{ text: 'Hello there.', expression: 'happy', gesture: 'wave' }]);
  });

  it('puts a tag after a sentence end on the next sentence', () => {
    const { sentences } = run(['Good. [sad] ', 'Bad.']);
    expect(sentences).toEqual([
      { text: 'Good.', expression: 'neutral' },
      { text: 'Bad.', expression: 'sad' },
    ]);
  });

  it('works for Japanese', () => {
    const { subtitle, sentences } = run(
      ['[happy]', 'アイコさん', '、こんに', 'ちは！', '[think]えっと', '、なんだろう。'],
      'ja',
    );
    expect(subtitle).toBe('アイコさん、こんにちは！えっと、なんだろう。');
    expect(sentences).toEqual([
      { text: 'アイコさん、', expression: 'happy' },
      { text: 'こんにちは！', expression: 'happy' },
      { text: 'えっと、なんだろう。', expression: 'happy', gesture: 'think' },
    ]);
  });

  it('yields subtitle text as soon as it is known, before its sentence completes', () => {
    const s = new SpeechSegmenter({ language: 'en' });
    expect(s.push('[happy] Hel')).toEqual({ spoken: 'Hel', sentences: [] });
    expect(s.push('lo [wa')).toEqual({ spoken: 'lo ', sentences: [] });
    expect(s.push('ve]')).toEqual({ spoken: '', sentences: [] });
  });
});
