import { describe, expect, it } from 'vitest';
import type { Language } from '../turn';
import { SentenceCutter } from './sentenceCutter';

/** Cuts `text` fed in word-sized tokens, as an LLM streams it. */
function cut(text: string, language: Language = 'en'): string[] {
  const c = new SentenceCutter({ language });
  const tokens = text.match(/\s*\S{1,3}/gu) ?? [];
  return [...tokens.flatMap((t) => c.push(t)), ...c.flush()].map((s) => s.text);
}

describe('SentenceCutter — English', () => {
  it.each<[string, string, string[]]>([
    ['plain sentences', 'Hi there. How are you? Great!', ['Hi there.', 'How are you?', 'Great!']],
    ['decimals stay whole', 'Pi is 3.14 roughly. Yes.', ['Pi is 3.14 roughly.', 'Yes.']],
    [
      'titles do not cut',
      'I met Dr. Smith and Mrs. Jones today. Fun.',
      ['I met Dr. Smith and Mrs. Jones today.', 'Fun.'],
    ],
    [
      'e.g. and i.e. do not cut',
      'Fruit, e.g. apples, i.e. red ones. Ok.',
      ['Fruit, e.g. apples, i.e. red ones.', 'Ok.'],
    ],
    ['initials do not cut', 'J. K. Rowling wrote it. Wow.', ['J. K. Rowling wrote it.', 'Wow.']],
    ['URLs do not cut', 'Visit example.com today. Bye.', ['Visit example.com today.', 'Bye.']],
    ['"No." before a number does not cut', 'Track No. 5 is mine. Nice.', ['Track No. 5 is mine.', 'Nice.']],
    ['runs of marks stay together', 'Really?! Wow... okay.', ['Really?!', 'Wow...', 'okay.']],
    ['closing quotes join the sentence', 'She said "hi." Then left.', ['She said "hi."', 'Then left.']],
    ['newlines cut and blank lines vanish', 'First line\n\nSecond line', ['First line', 'Second line']],
    ['ellipsis character', 'Well… maybe.', ['Well…', 'maybe.']],
    ['no ending still comes out at the end', 'trailing words', ['trailing words']],
    ['punctuation-only pieces are not spoken', 'Hi. ... !', ['Hi.']],
  ])('%s', (_name, text, expected) => {
    expect(cut(text)).toEqual(expected);
  });

  it('cuts the first clause early at a comma after a few words, and only the first', () => {
    expect(cut('Oh wow, that is a great question, Aiko. I think so, yes, really.')).toEqual([
      'Oh wow, that is a great question,',
      'Aiko.',
      'I think so, yes, really.',
    ]);
  });

  it('does not cut a short vocative or a thousands separator', () => {
    expect(cut('Aiko and Ben, hello! It costs 1,000 yen, sadly.')).toEqual([
      'Aiko and Ben, hello!',
      'It costs 1,000 yen, sadly.',
    ]);
  });

  it('cuts a run-on sentence at a word boundary before the limit', () => {
    const c = new SentenceCutter({ language: 'en', maxChars: 40 });
    const out = [...c.push('word '.repeat(20)), ...c.flush()].map((s) => s.text);
    expect(out.length).toBeGreaterThan(2);
    expect(out.every((s) => s.length <= 40 && !s.includes('wor d'))).toBe(true);
  });

  it('waits for the next token before cutting at a period', () => {
    const c = new SentenceCutter({ language: 'en' });
    expect(c.push('It is 3.')).toEqual([]);
    expect(c.push('5 today. ').map((s) => s.text)).toEqual(['It is 3.5 today.']);
  });
});

describe('SentenceCutter — Japanese', () => {
  it.each<[string, string, string[]]>([
    ['full stops and marks', 'こんにちは。元気？すごい！', ['こんにちは。', '元気？', 'すごい！']],
    ['closing brackets join', '「そうだね。」と言った。', ['「そうだね。」', 'と言った。']],
    ['ASCII marks between Japanese', '本当!すごいね?うん', ['本当!', 'すごいね?', 'うん']],
    [
      'a long first clause is cut at 、',
      'アイコさん、ベンさん、来てくれてありがとう。',
      ['アイコさん、', 'ベンさん、来てくれてありがとう。'],
    ],
    ['a short first clause is not', 'はい、そうです。', ['はい、そうです。']],
    ['ellipses', 'えっと…わかった。', ['えっと…', 'わかった。']],
    ['decimals', '3.5キロです。', ['3.5キロです。']],
  ])('%s', (_name, text, expected) => {
    expect(cut(text, 'ja')).toEqual(expected);
  });
});
