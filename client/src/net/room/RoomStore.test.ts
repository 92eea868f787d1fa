import { describe, expect, it } from 'vitest';
import { RoomStore } from './RoomStore';
import type { RawState } from './readState';

const members = (entries: [string, Record<string, unknown>][]) => ({
  forEach: (cb: (m: Record<string, unknown>, k: string) => void) => entries.forEach(([k, m]) => cb(m, k)),
});
const state = (over: Partial<RawState> = {}): RawState => ({
  members: members([
    ['s1', { name: 'Aiko', role: 'host', connected: true }],
    ['s2', { name: 'Ben', role: 'spectator', connected: false }],
  ]),
  chat: [],
  queue: [],
  character: { name: 'Kotoha', offline: true },
  speech: {},
  mode: 'open',
  paused: false,
  activeTurnId: '',
  ...over,
});

describe('RoomStore', () => {
  it('knows who this page is and shows everyone with their role and connection', () => {
    const store = new RoomStore();
    store.applyState(state(), 's2');
    expect(store.view.me).toMatchObject({ name: 'Ben', role: 'spectator', connected: false });
    expect(store.view.members.map((m) => `${m.name}:${m.role}`)).toEqual(['Aiko:host', 'Ben:spectator']);
    expect(store.view.character.offline).toBe(true);
  });

  it('shows a chat line from the instant message and does not repeat it when the state catches up', () => {
    const store = new RoomStore();
    store.applyState(state(), 's1');
    const line = { id: 'c1', kind: 'user' as const, userId: 'u1', name: 'Aiko', text: 'hello', at: 10 };
    store.addChat(line);
    expect(store.view.chat.map((c) => c.text)).toEqual(['hello']);
    store.applyState(state({ chat: [line] }), 's1');
    expect(store.view.chat).toHaveLength(1);
  });

  it('keeps unchanged parts by reference so views can skip redraws', () => {
    const store = new RoomStore();
    store.applyState(state(), 's1');
    const before = store.view;
    store.applyState(state({ paused: true }), 's1');
    expect(store.view.members).toBe(before.members);
    expect(store.view.character).toBe(before.character);
    expect(store.view.paused).toBe(true);
  });

  it('builds the streamed reply from deltas or from whole texts, and forgets it with the turn', () => {
    const store = new RoomStore();
    store.applyState(state({ activeTurnId: 't1' }), 's1');
    store.addSubtitle({ turnId: 't1', text: 'Hello' });
    store.addSubtitle({ turnId: 't1', text: ' there.' });
    expect(store.view.subtitle?.text).toBe('Hello there.');
    store.addSubtitle({ turnId: 't1', text: 'Hello there. How' });
    expect(store.view.subtitle?.text).toBe('Hello there. How');
    store.applyState(state({ activeTurnId: '' }), 's1');
    expect(store.view.subtitle).toBeNull();
  });

  it('tells subscribers what changed', () => {
    const store = new RoomStore();
    const seen: string[] = [];
    store.subscribe((v, p) => {
      if (v.connection !== p.connection) seen.push(v.connection.status);
    });
    store.setConnection({ status: 'reconnecting', problem: null });
    expect(seen).toEqual(['reconnecting']);
  });
});
