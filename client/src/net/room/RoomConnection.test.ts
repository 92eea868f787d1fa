import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CLOSE_CODES, JOIN_ERRORS, PROTOCOL_VERSION } from '@shared';
import { JoinFailure, RECONNECT, RoomConnection, type ClientLike, type RoomLike } from './RoomConnection';

class FakeRoom implements RoomLike {
  sessionId = 's1';
  reconnectionToken = 'room1:tok';
  state: unknown = { n: 1 };
  messages = new Map<string, (m: unknown) => void>();
  leaveCb: ((code: number) => void) | null = null;
  sent: [string, unknown][] = [];
  onStateChange() {
    return undefined;
  }
  onMessage(type: string, cb: (m: unknown) => void) {
    this.messages.set(type, cb);
  }
  onLeave(cb: (code: number) => void) {
    this.leaveCb = cb;
  }
  send(type: string, message?: unknown) {
    this.sent.push([type, message]);
  }
  async leave() {
    return 4000;
  }
  removeAllListeners() {
    this.messages.clear();
  }
  drop(code = 1006) {
    this.leaveCb?.(code);
  }
}

function fakeClient(first = new FakeRoom()) {
  const calls = { join: [] as unknown[], reconnect: 0 };
  let reconnectWith: () => Promise<RoomLike> = async () => new FakeRoom();
  const client: ClientLike = {
    async joinById(_id, options) {
      calls.join.push(options);
      return first;
    },
    reconnect() {
      calls.reconnect++;
      return reconnectWith();
    },
  };
  return {
    client,
    calls,
    first,
    setReconnect: (fn: () => Promise<RoomLike>) => {
      reconnectWith = fn;
    },
  };
}

describe('RoomConnection', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('joins with the token, link and protocol version', async () => {
    const f = fakeClient();
    const conn = new RoomConnection(f.client, 'room1', async () => ({
      token: 't',
      link: 'l',
      protocol: PROTOCOL_VERSION,
    }));
    await conn.join();
    expect(f.calls.join).toEqual([{ token: 't', link: 'l', protocol: PROTOCOL_VERSION }]);
    expect(conn.state.status).toBe('connected');
  });

  it('turns a refusal into a message the page can show', async () => {
    const client: ClientLike = {
      joinById: async () => {
        throw Object.assign(new Error('protocol'), { code: JOIN_ERRORS.protocolMismatch });
      },
      reconnect: async () => new FakeRoom(),
    };
    const conn = new RoomConnection(client, 'room1', async () => ({ protocol: PROTOCOL_VERSION }));
    const err = await conn.join().catch((e) => e);
    expect(err).toBeInstanceOf(JoinFailure);
    expect(err.problem.remedy).toBe('reload');
    expect(conn.state.status).toBe('closed');
  });

  it('shows reconnecting after a drop and keeps delivering messages on the new room', async () => {
    const f = fakeClient();
    const second = new FakeRoom();
    f.setReconnect(async () => second);
    const conn = new RoomConnection(
      f.client,
      'room1',
      async () => ({ protocol: PROTOCOL_VERSION }),
      () => Date.now(),
    );
    const got: unknown[] = [];
    conn.on('chat', (m) => got.push(m));
    await conn.join();
    f.first.drop();
    expect(conn.state.status).toBe('reconnecting');
    expect(conn.send('say', { text: 'hi' })).toBe(false);
    await vi.advanceTimersByTimeAsync(RECONNECT.delaysMs[0]);
    expect(conn.state.status).toBe('connected');
    second.messages.get('chat')?.({ id: 'x' });
    expect(got).toEqual([{ id: 'x' }]);
  });

  it('takes a fresh seat once the server no longer keeps the old one', async () => {
    const f = fakeClient();
    f.setReconnect(async () => {
      throw new Error('seat expired');
    });
    const conn = new RoomConnection(
      f.client,
      'room1',
      async () => ({ protocol: PROTOCOL_VERSION }),
      () => Date.now(),
    );
    await conn.join();
    f.first.drop();
    await vi.advanceTimersByTimeAsync(RECONNECT.windowMs + 5000);
    expect(f.calls.join).toHaveLength(2);
    expect(conn.state.status).toBe('connected');
  });

  it('says the connection is lost when neither the old seat nor a new one can be had', async () => {
    const f = fakeClient();
    f.setReconnect(async () => {
      throw new Error('seat expired');
    });
    let joins = 0;
    const first = f.client.joinById.bind(f.client);
    f.client.joinById = async (id, o) => {
      if (joins++ > 0) throw new Error('Failed to fetch');
      return first(id, o);
    };
    const conn = new RoomConnection(
      f.client,
      'room1',
      async () => ({ protocol: PROTOCOL_VERSION }),
      () => Date.now(),
    );
    await conn.join();
    f.first.drop();
    // The reconnection window, then a few fresh joins at the retry pace.
    await vi.advanceTimersByTimeAsync(RECONNECT.windowMs + 15_000);
    expect(conn.state.status).toBe('closed');
    expect(conn.state.problem?.title).toMatch(/lost/i);
    expect(f.calls.reconnect).toBeGreaterThan(3);
  });

  it('on "moving" (its server is stopping) reopens the room and joins afresh at once', async () => {
    const f = fakeClient();
    const reopened: number[] = [];
    const conn = new RoomConnection(
      f.client,
      'room1',
      async () => ({ protocol: PROTOCOL_VERSION }),
      () => Date.now(),
      async () => void reopened.push(Date.now()),
    );
    await conn.join();
    f.first.drop(CLOSE_CODES.moving);
    await vi.advanceTimersByTimeAsync(0);
    expect(reopened).toHaveLength(1);
    expect(f.calls.join).toHaveLength(2);
    expect(f.calls.reconnect).toBe(0);
    expect(conn.state.status).toBe('connected');
  });

  it('joins afresh as soon as the server says the old seat is gone (its process died)', async () => {
    const f = fakeClient();
    let reopened = 0;
    f.setReconnect(async () => {
      throw Object.assign(new Error('remote room timed out'), { code: 4213 });
    });
    const conn = new RoomConnection(
      f.client,
      'room1',
      async () => ({ protocol: PROTOCOL_VERSION }),
      () => Date.now(),
      async () => void reopened++,
    );
    await conn.join();
    f.first.drop();
    await vi.advanceTimersByTimeAsync(RECONNECT.delaysMs[0]);
    expect(f.calls.reconnect).toBe(1);
    expect(reopened).toBe(1);
    expect(f.calls.join).toHaveLength(2);
    expect(conn.state.status).toBe('connected');
  });

  it('does not come back after being kicked', async () => {
    const f = fakeClient();
    const conn = new RoomConnection(f.client, 'room1', async () => ({ protocol: PROTOCOL_VERSION }));
    await conn.join();
    f.first.drop(CLOSE_CODES.kicked);
    await vi.advanceTimersByTimeAsync(RECONNECT.windowMs);
    expect(f.calls.reconnect).toBe(0);
    expect(conn.state).toMatchObject({ status: 'closed', problem: { remedy: 'lobby' } });
  });
});
