import { describe, expect, it } from 'vitest';
import type { ChatEntry, MemberView, RoomView } from '../../net/room';
import { initialRoomView } from '../../net/room';
import { chatModel, typingText } from './chatModel';
import { memberModel } from './memberModel';
import { composerModel, connectionModel, nameplateModel } from './statusModel';

const member = (
  sessionId: string,
  name: string,
  role: MemberView['role'],
  over: Partial<MemberView> = {},
): MemberView => ({
  sessionId,
  userId: `u-${name}`,
  name,
  role,
  connected: true,
  muted: false,
  typing: false,
  ...over,
});
const line = (id: string, name: string, kind: ChatEntry['kind'] = 'user'): ChatEntry => ({
  id,
  kind,
  userId: `u-${name}`,
  name,
  text: `hi from ${name}`,
  at: Number(id),
});
const view = (over: Partial<RoomView>): RoomView => ({
  ...initialRoomView(),
  connection: { status: 'connected', problem: null },
  ...over,
});

describe('chatModel', () => {
  it('labels the host and the AI, and keeps only the newest lines', () => {
    const members = [member('s1', 'Aiko', 'host'), member('s2', 'Ben', 'participant')];
    const lines = chatModel(
      [line('1', 'Ben'), line('2', 'Aiko'), line('3', 'Kotoha', 'character')],
      members,
      2,
    );
    expect(lines.map((l) => [l.name, l.badge?.label ?? ''])).toEqual([
      ['Aiko', 'HOST'],
      ['Kotoha', 'AI'],
    ]);
  });

  it('gives the same person the same name colour in every line', () => {
    const lines = chatModel([line('1', 'Ben'), line('2', 'Ben')], [], 10);
    expect(lines[0].nameColor).toBe(lines[1].nameColor);
  });
});

describe('typingText', () => {
  it('names who is typing, never yourself', () => {
    const ms = [
      member('me', 'Me', 'participant', { typing: true }),
      member('a', 'Aiko', 'host', { typing: true }),
      member('b', 'Ben', 'participant'),
    ];
    expect(typingText(ms, 'me')).toBe('Aiko is typing…');
    ms[2].typing = true;
    expect(typingText(ms, 'me')).toBe('Aiko and Ben are typing…');
    expect(typingText([], 'me')).toBe('');
  });
});

describe('memberModel', () => {
  it('marks you, dropped people and muted people', () => {
    const list = memberModel(
      [
        member('s1', 'Aiko', 'host'),
        member('s2', 'Ben', 'participant', { connected: false }),
        member('s3', 'Cy', 'participant', { muted: true }),
      ],
      's1',
      10,
    );
    expect(list.rows.map((r) => `${r.name}|${r.status}`)).toEqual([
      'Aiko (you)|',
      'Ben|reconnecting',
      'Cy|muted',
    ]);
  });

  it('summarises a big audience instead of listing everyone', () => {
    const audience = Array.from({ length: 50 }, (_, i) => member(`v${i}`, `Viewer ${i}`, 'spectator'));
    const list = memberModel([member('h', 'Host', 'host'), ...audience], 'h', 8);
    expect(list.rows).toHaveLength(8);
    expect(list.more).toBe('+ 43 more');
    expect(list.title).toBe('1 talking · 50 watching');
    expect(memberModel(audience, 'v1', 8).title).toBe('50 watching');
  });
});

describe('status models', () => {
  it('shows the round trip while live, and reconnecting while dropped', () => {
    expect(
      connectionModel({ connection: { status: 'connected', problem: null }, latencyMs: 23.4 }).label,
    ).toBe('Live · 23 ms');
    expect(
      connectionModel({ connection: { status: 'reconnecting', problem: null }, latencyMs: 23 }).label,
    ).toBe('Reconnecting…');
  });

  it('labels an offline AI, hosted mode and a watching spectator', () => {
    const v = view({
      character: { ...initialRoomView().character, name: 'Kotoha', offline: true },
      mode: 'hosted',
      me: member('s', 'Viewer', 'spectator'),
    });
    expect(nameplateModel(v).badges.map((b) => b.label)).toEqual(['OFFLINE AI', 'HOSTED', 'WATCHING']);
  });

  it('lets participants type, spectators only react, and says when you are muted', () => {
    expect(composerModel(view({ me: member('s', 'A', 'participant') })).state).toBe('say');
    expect(composerModel(view({ me: member('s', 'A', 'spectator') })).state).toBe('watch');
    expect(composerModel(view({ me: member('s', 'A', 'participant', { muted: true }) })).state).toBe('muted');
    expect(
      composerModel(
        view({ me: member('s', 'A', 'participant'), connection: { status: 'reconnecting', problem: null } }),
      ).placeholder,
    ).toBe('Reconnecting…');
  });
});
