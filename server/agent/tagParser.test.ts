import { describe, expect, it } from 'vitest';
import { cueOf, TagParser, type TagSegment } from './tagParser';

function parse(deltas: string[]): TagSegment[] {
  const p = new TagParser();
  const segs = [...deltas.flatMap((d) => p.push(d)), ...p.end()];
  // merge adjacent text so tables stay readable
  return segs.reduce<TagSegment[]>((acc, s) => {
    const last = acc[acc.length - 1];
    if (s.kind === 'text' && last?.kind === 'text') last.text += s.text;
    else acc.push({ ...s });
    return acc;
  }, []);
}

describe('TagParser', () => {
  it.each<[string, string[], TagSegment[]]>([
    [
      'a whole tag',
      ['[happy] Hi!'],
      [
        { kind: 'tag', name: 'happy' },
        { kind: 'text', text: ' Hi!' },
      ],
    ],
    [
      'a tag split over tokens',
      ['[ha', 'pp', 'y] Hi'],
      [
        { kind: 'tag', name: 'happy' },
        { kind: 'text', text: ' Hi' },
      ],
    ],
    [
      'a bracket arriving alone',
      ['Hello ', '[', 'wave', ']', ' there'],
      [
        { kind: 'text', text: 'Hello ' },
        { kind: 'tag', name: 'wave' },
        { kind: 'text', text: ' there' },
      ],
    ],
    [
      'two tags in a row',
      ['[happy][wave]Yo'],
      [
        { kind: 'tag', name: 'happy' },
        { kind: 'tag', name: 'wave' },
        { kind: 'text', text: 'Yo' },
      ],
    ],
    [
      'Japanese text around a tag',
      ['[sad]', 'ごめんね。'],
      [
        { kind: 'tag', name: 'sad' },
        { kind: 'text', text: 'ごめんね。' },
      ],
    ],
    [
      'a bracket that is not a tag',
      ['pick [1.5] or [2]'],
      [
        { kind: 'text', text: 'pick [1.5] or ' },
        { kind: 'tag', name: '2' },
      ],
    ],
    ['an unclosed bracket at the end', ['so [happy'], [{ kind: 'text', text: 'so [happy' }]],
    [
      'a runaway bracket is released as text',
      ['[' + 'x'.repeat(40) + ' end'],
      [{ kind: 'text', text: '[' + 'x'.repeat(40) + ' end' }],
    ],
  ])('%s', (_name, deltas, expected) => {
    expect(parse(deltas)).toEqual(expected);
  });
});

describe('cueOf', () => {
  it.each([
    ['happy', { kind: 'expression', name: 'happy' }],
    ['Happy', { kind: 'expression', name: 'happy' }],
    ['face:surprised', { kind: 'expression', name: 'surprised' }],
    ['joy', { kind: 'expression', name: 'happy' }],
    ['motion:wave', { kind: 'gesture', name: 'wave' }],
    ['think', { kind: 'gesture', name: 'think' }],
    ['laughs', { kind: 'unknown', name: 'laughs' }],
  ])('%s', (tag, cue) => {
    expect(cueOf(tag)).toEqual(cue);
  });
});
