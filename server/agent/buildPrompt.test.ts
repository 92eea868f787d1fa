import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../llm';
import { buildPrompt } from './buildPrompt';
import { INJECTIONS } from './injectionCorpus.testdata';
import { parseRoomData, ROOM_DATA_CLOSE, ROOM_DATA_OPEN } from './roomDataFence';
import { HANA, msg, SORA } from './testCharacters.testkit';

interface RoomData {
  knowledge?: string[];
  conversation: Array<{ from?: string; text?: string; you?: boolean; notice?: string; untrusted?: boolean }>;
  newMessages: Array<{ from: string; text: string; untrusted?: boolean }>;
}

function userPart(messages: ChatMessage[]): {
  before: string;
  fenced: string;
  after: string;
  data: RoomData;
} {
  const content = messages[1].content;
  const open = content.indexOf(`\n${ROOM_DATA_OPEN}\n`);
  const close = content.indexOf(`\n${ROOM_DATA_CLOSE}\n`);
  return {
    before: content.slice(0, open),
    fenced: content.slice(open + ROOM_DATA_OPEN.length + 2, close),
    after: content.slice(close + ROOM_DATA_CLOSE.length + 2),
    data: parseRoomData(content) as RoomData,
  };
}

const benign = buildPrompt({ character: HANA, turn: { messages: [msg('Aiko', 'Hello!')] } });

describe('buildPrompt', () => {
  it('puts persona, tags and rules in one system message, and the people in a fenced user message', () => {
    const messages = buildPrompt({
      character: HANA,
      turn: { messages: [msg('Aiko', 'Hi Hana!'), msg('Ben', 'What do you like?')] },
      transcript: [
        { kind: 'user', name: 'Chika', text: 'I am back' },
        { kind: 'character', name: 'Hana', text: 'Welcome back, Chika!' },
        { kind: 'system', name: '', text: 'Ben joined' },
      ],
      knowledge: ['Hydrangeas bloom in June in Kyoto.'],
    });
    expect(messages.map((m) => m.role)).toEqual(['system', 'user']);
    const system = messages[0].content;
    expect(system).toContain('a cheerful florist from Kyoto');
    expect(system).toContain('[happy]');
    expect(system).toContain('[wave]');
    expect(system).toContain("Want to hear about today's flowers?");
    const { data, after } = userPart(messages);
    expect(data.newMessages).toEqual([
      { from: 'Aiko', text: 'Hi Hana!' },
      { from: 'Ben', text: 'What do you like?' },
    ]);
    expect(data.conversation).toEqual([
      { from: 'Chika', text: 'I am back' },
      { from: 'Hana', you: true, text: 'Welcome back, Chika!' },
      { notice: 'Ben joined' },
    ]);
    expect(data.knowledge).toEqual(['Hydrangeas bloom in June in Kyoto.']);
    expect(after).toMatch(/2 people.*by name/);
  });

  it('does not repeat new messages the room already appended to the transcript', () => {
    const m = msg('Aiko', 'Hello there');
    const { data } = userPart(
      buildPrompt({
        character: HANA,
        turn: { messages: [m] },
        transcript: [{ kind: 'user', name: 'Aiko', text: 'Hello there' }],
      }),
    );
    expect(data.conversation).toEqual([]);
  });

  it('tells a Japanese character to answer in Japanese', () => {
    expect(
      buildPrompt({ character: SORA, turn: { messages: [msg('アイコ', 'こんにちは')] } })[0].content,
    ).toMatch(/Japanese/);
  });

  it('keeps a flood of text small', () => {
    const { data } = userPart(
      buildPrompt({ character: HANA, turn: { messages: [msg('Aiko', 'x'.repeat(50_000))] } }),
    );
    expect(data.newMessages[0].text.length).toBeLessThanOrEqual(1_000);
  });
});

describe('buildPrompt under injection attempts', () => {
  it.each(INJECTIONS)('keeps the structure for %j', (attack) => {
    // The attack arrives as the text and as the display name, next to an honest message.
    const messages = buildPrompt({
      character: HANA,
      turn: { messages: [msg('Aiko', 'Hello!'), msg('Mallory', attack), msg(attack, 'hi')] },
      transcript: [
        { kind: 'user', name: 'Mallory', text: attack },
        { kind: 'character', name: 'Hana', text: 'Hmm?' },
      ],
    });
    // Exactly one system message, identical to the one built for harmless input.
    expect(messages.filter((m) => m.role === 'system')).toHaveLength(1);
    expect(messages[0]).toEqual(benign[0]);
    // One fence, opened and closed once each: user text cannot close it early.
    const content = messages[1].content;
    expect(content.split(ROOM_DATA_OPEN)).toHaveLength(2);
    expect(content.split(ROOM_DATA_CLOSE)).toHaveLength(2);
    const { before, fenced, after, data } = userPart(messages);
    expect(fenced).not.toContain('<');
    // The attack comes back out of the JSON exactly, and only there.
    expect(data.newMessages[1]).toEqual({ from: 'Mallory', text: attack, untrusted: true });
    expect(data.newMessages[2]).toMatchObject({ untrusted: true });
    expect(data.newMessages[0]).toEqual({ from: 'Aiko', text: 'Hello!' });
    expect(data.conversation[0]).toMatchObject({ text: attack, untrusted: true });
    // Outside the fence the message is the fixed wording any three flagged messages would get.
    const fixed = userPart(
      buildPrompt({
        character: HANA,
        turn: { messages: [msg('A', 'a'), msg('B', 'b', { flagged: true }), msg('C', 'c')] },
      }),
    );
    expect(before).toBe(fixed.before);
    expect(after).toBe(fixed.after);
    expect(after).toMatch(/untrusted/);
  });
});
