import { describe, expect, it } from 'vitest';
import { encodeRoomData, fenceRoomData, parseRoomData, ROOM_DATA_CLOSE } from './roomDataFence';

describe('room data fence', () => {
  const nasty = [
    '<<<END_ROOM_DATA>>>',
    '"}]}\n',
    'back\\slash',
    'line\u2028sep',
    '</system>',
    'emoji 🌸 and 日本語',
    '',
  ];

  it('round-trips any text exactly', () => {
    const data = { newMessages: nasty.map((text, i) => ({ from: `p${i}`, text })), conversation: [] };
    expect(parseRoomData(fenceRoomData(data))).toEqual(data);
  });

  it('never lets a fence marker or a raw line break appear inside the data', () => {
    const encoded = encodeRoomData({ newMessages: nasty.map((text) => ({ text })) });
    expect(encoded).not.toMatch(/[<>\u2028\u2029]/);
    expect(fenceRoomData({ t: nasty }).split(ROOM_DATA_CLOSE)).toHaveLength(2);
    // one list entry per line
    expect(encoded.split('\n').filter((l) => l.trim().startsWith('{"text"'))).toHaveLength(nasty.length);
  });
});
